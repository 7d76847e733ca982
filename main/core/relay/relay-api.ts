import type {
  CancelRoomCallRequest,
  ListRoomsOptions,
  Meeting,
  Room,
  RoomCallInfo,
  RoomCallInfoRequest,
  RoomCallRequest,
  RoomCallResult,
  RoomDetails,
  WemeetApi,
} from '../wemeet/api';
import {
  checkMeetingId,
  meetingCodeDigits,
  roomCallInfoOf,
  unlessNotFound,
} from '../wemeet/api-rules';
import type { RequestLabel } from '../wemeet/errors';
import type { BodyValue } from '../wemeet/json';
import { pathSegment } from '../wemeet/request-uri';
import type { CallTarget, MeetingCode, MeetingId } from '../wemeet/types';
import { uniqueBy } from '../wemeet/unique';
import { relayPaths, type SignInConfig, type WhoAmI } from './contract';
import { RelayHttp, type RelayHttpOptions } from './relay-http';
import {
  callInfoAnswerSchema,
  cancelAnswerSchema,
  meetingAnswerSchema,
  meetingsAnswerSchema,
  roomAnswerSchema,
  roomCallAnswerSchema,
  roomsAnswerSchema,
  signInConfigSchema,
  whoAmISchema,
} from './relay-schemas';

/**
 * WemeetApi through a RoomCall relay (contract.ts): the same eight operations, the same
 * results and the same errors as the direct client (createWemeetApi), so the invite
 * use-case, the windows and the CLI work unchanged. The relay holds the enterprise secret and
 * sets the operator from the bearer token; nothing here knows either.
 *
 * Errors are worded for the Tencent request each operation stands for (the labels below), as
 * the direct client words them, so a code documented for room-call reads the same either way.
 */

export type RelayApiOptions = RelayHttpOptions;

/** The WemeetApi, and what only a relay can answer. */
export interface RelayApi extends WemeetApi {
  /** GET /v1/me: who the relay says the token belongs to. */
  whoAmI(): Promise<WhoAmI>;
  /** GET /v1/sign-in-config, without the bearer: how a person signs in to this relay. */
  signInConfig(): Promise<SignInConfig>;
}

const ROOMS = '/v1/meeting-rooms';

const labels = {
  rooms: { method: 'GET', path: ROOMS },
  room: (id: string): RequestLabel => ({ method: 'GET', path: `${ROOMS}/${pathSegment(id)}` }),
  roomCall: { method: 'PUT', path: `${ROOMS}/room-call` },
  cancel: { method: 'PUT', path: `${ROOMS}/cancel-room-call` },
  callInfo: { method: 'POST', path: `${ROOMS}/room-call-info` },
  meetings: { method: 'GET', path: '/v1/meetings' },
  meeting: (id: string): RequestLabel => ({
    method: 'GET',
    path: `/v1/meetings/${pathSegment(id)}`,
  }),
  me: { method: 'GET', path: relayPaths.me },
  signInConfig: { method: 'GET', path: relayPaths.signInConfig },
} as const satisfies Record<string, RequestLabel | ((id: string) => RequestLabel)>;

export function createRelayApi(options: RelayApiOptions | RelayHttp): RelayApi {
  const http = options instanceof RelayHttp ? options : new RelayHttp(options);
  return new RelayApiImpl(http);
}

class RelayApiImpl implements RelayApi {
  readonly #http: RelayHttp;

  constructor(http: RelayHttp) {
    this.#http = http;
  }

  whoAmI(): Promise<WhoAmI> {
    return this.#http.request({
      method: 'GET',
      path: relayPaths.me,
      schema: whoAmISchema,
      idempotent: true,
      label: labels.me,
    });
  }

  signInConfig(): Promise<SignInConfig> {
    return this.#http.request({
      method: 'GET',
      path: relayPaths.signInConfig,
      schema: signInConfigSchema,
      idempotent: true,
      label: labels.signInConfig,
      anonymous: true,
    });
  }

  async listRooms(options: ListRoomsOptions = {}): Promise<Room[]> {
    // The relay pages Tencent's directory itself (and shares it between its users): one
    // request here, one progress report for the whole list.
    const answer = await this.#http.request({
      method: 'GET',
      path: relayPaths.rooms,
      query: { name: options.nameFilter },
      schema: roomsAnswerSchema,
      idempotent: true,
      label: labels.rooms,
      signal: options.signal,
      onRateLimited: (waitMs) => options.onRateLimited?.(1, waitMs),
    });
    const rooms = uniqueBy(answer.rooms, (room) => room.meeting_room_id);
    options.onProgress?.(rooms.length, rooms.length);
    return rooms;
  }

  async getRoom(meetingRoomId: string): Promise<RoomDetails> {
    const answer = await this.#http.request({
      method: 'GET',
      path: relayPaths.room(meetingRoomId),
      schema: roomAnswerSchema,
      idempotent: true,
      label: labels.room(meetingRoomId),
    });
    return answer.room;
  }

  async roomCall(request: RoomCallRequest): Promise<RoomCallResult> {
    const answer = await this.#http.request({
      method: 'POST',
      path: relayPaths.roomCall,
      body: { meeting_id: checkMeetingId(request.meetingId), target: targetBody(request.target) },
      schema: roomCallAnswerSchema,
      // One click, one room-call: never sent again by this client, whatever happens.
      idempotent: false,
      label: labels.roomCall,
    });
    return { inviteId: answer.invite_id, status: answer.status };
  }

  async cancelRoomCall(request: CancelRoomCallRequest): Promise<void> {
    await this.#http.request({
      method: 'POST',
      path: relayPaths.cancel,
      body: {
        meeting_id: checkMeetingId(request.meetingId),
        target: targetBody(request.target),
        invite_id: request.inviteId,
      },
      schema: cancelAnswerSchema,
      idempotent: false,
      label: labels.cancel,
    });
  }

  async roomCallInfo(request: RoomCallInfoRequest): Promise<RoomCallInfo> {
    const answer = await this.#http.request({
      method: 'POST',
      path: relayPaths.callInfo,
      body: { meeting_id: checkMeetingId(request.meetingId), target: targetBody(request.target) },
      schema: callInfoAnswerSchema,
      // A status query changes nothing: safe to send again.
      idempotent: true,
      label: labels.callInfo,
    });
    // The state from the status, by the direct client's one table (the status is the fact).
    return roomCallInfoOf(answer.status, answer.response_time);
  }

  async meetingsByCode(code: MeetingCode): Promise<Meeting[]> {
    const digits = meetingCodeDigits(code);
    // A relay that passes Tencent's "none holds it" on: the same answer as an empty list.
    return unlessNotFound(async () => {
      const answer = await this.#http.request({
        method: 'GET',
        path: relayPaths.meetingsByCode,
        query: { meeting_code: digits },
        schema: meetingsAnswerSchema,
        idempotent: true,
        label: labels.meetings,
      });
      return uniqueBy(answer.meetings, (m) => m.meeting_id);
    }, []);
  }

  async meetingById(meetingId: MeetingId): Promise<Meeting | null> {
    const id = checkMeetingId(meetingId);
    return unlessNotFound(async () => {
      const answer = await this.#http.request({
        method: 'GET',
        path: relayPaths.meeting(id),
        schema: meetingAnswerSchema,
        idempotent: true,
        label: labels.meeting(id),
      });
      return answer.meeting;
    }, null);
  }

  async listOperatorMeetings(): Promise<Meeting[]> {
    const answer = await this.#http.request({
      method: 'GET',
      path: relayPaths.myMeetings,
      schema: meetingsAnswerSchema,
      idempotent: true,
      label: labels.meetings,
    });
    return uniqueBy(answer.meetings, (m) => m.meeting_id);
  }
}

/** The contract's CallTarget, field by field (nothing else of the object goes out). */
function targetBody(target: CallTarget): BodyValue {
  return target.kind === 'room'
    ? { kind: 'room', meetingRoomId: target.meetingRoomId }
    : { kind: 'mra', protocol: target.protocol, dialString: target.dialString };
}
