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
} from './api';
import { WemeetClient } from './client';
import { pathSegment } from './request-uri';
import type { WemeetClientOptions } from './client-options';
import { encodeMeetingId } from './json';
import type { BodyValue } from './json';
import { checkMeetingId, meetingCodeDigits, roomCallInfoOf, unlessNotFound } from './api-rules';
import {
  cancelRoomCallSchema,
  meetingsSchema,
  roomCallInfoSchema,
  roomCallSchema,
  roomDetailsSchema,
  roomsPageSchema,
} from './schemas';
import type { MeetingsPage } from './schemas';
import { listAllRooms } from './room-directory';
import type { CallTarget, MeetingCode, MeetingId } from './types';
import { uniqueBy } from './unique';

/**
 * WemeetApi over a WemeetClient: one method per operation, each a thin mapping between the
 * domain vocabulary (types.ts, api.ts) and the API's parameters. HTTP, signing, retries and
 * error typing all live in the client.
 */

/** The API's maximum page size for GET /v1/meeting-rooms. */
export const ROOMS_PAGE_SIZE = 50;
/** Operator type 1: operator_id is the enterprise userid. */
const OPERATOR_ID_TYPE = 1;
/** The caller's device type, required by meeting queries and some room APIs: 1 = PC. */
const INSTANCE_ID = 1;
/**
 * A ceiling on pos/cursory paging, should a server never report remaining: 0 while its cursor
 * keeps moving: 100 pages of 20 is 2,000 meetings in progress or upcoming for one person.
 */
export const MAX_MEETING_PAGES = 100;

export type WemeetApiOptions = WemeetClientOptions;

export function createWemeetApi(options: WemeetApiOptions | WemeetClient): WemeetApi {
  const client = options instanceof WemeetClient ? options : new WemeetClient(options);
  return new WemeetApiImpl(client);
}

class WemeetApiImpl implements WemeetApi {
  readonly #client: WemeetClient;

  constructor(client: WemeetClient) {
    this.#client = client;
  }

  /** operator_id + operator_id_type: in the query of GETs, in the body of PUT/POST. */
  get #operator(): { operator_id: string; operator_id_type: number } {
    return { operator_id: this.#client.operatorId, operator_id_type: OPERATOR_ID_TYPE };
  }

  listRooms(options: ListRoomsOptions = {}): Promise<Room[]> {
    // The paging, concurrency and rate-limit slowing live in room-directory.ts.
    return listAllRooms(
      (page, signal, onRateLimited) =>
        this.#client.request({
          method: 'GET',
          path: '/v1/meeting-rooms',
          query: {
            ...this.#operator,
            page,
            page_size: ROOMS_PAGE_SIZE,
            meeting_room_name: options.nameFilter,
          },
          schema: roomsPageSchema,
          idempotent: true,
          signal,
          onRateLimited,
        }),
      options,
    );
  }

  async getRoom(meetingRoomId: string): Promise<RoomDetails> {
    const body = await this.#client.request({
      method: 'GET',
      path: `/v1/meeting-rooms/${pathSegment(meetingRoomId)}`,
      query: this.#operator,
      schema: roomDetailsSchema,
      idempotent: true,
    });
    const basic = body.basic_info;
    return {
      meeting_room_id: basic.meeting_room_id ?? meetingRoomId,
      meeting_room_name: basic.meeting_room_name,
      city: basic.city,
      building: basic.building,
      floor: basic.floor,
      participant_number: basic.participant_number ?? null,
      meeting_room_status: body.hardware_info?.meeting_room_status ?? null,
      is_allow_call: body.is_allow_call,
    };
  }

  async roomCall(request: RoomCallRequest): Promise<RoomCallResult> {
    const meetingId = checkMeetingId(request.meetingId);
    const result = await this.#client.request({
      method: 'PUT',
      path: '/v1/meeting-rooms/room-call',
      body: {
        ...this.#operator,
        ...targetFields(request.target),
        // The only body whose meeting_id form is UNSETTLED (int64 in the table, a string in the
        // example): the client's meetingIdEncoding decides, every digit kept either way.
        meeting_id: encodeMeetingId(meetingId, this.#client.meetingIdEncoding),
      },
      schema: roomCallSchema,
      idempotent: false,
    });
    return { inviteId: result.invite_id, status: result.status ?? null };
  }

  async cancelRoomCall(request: CancelRoomCallRequest): Promise<void> {
    await this.#client.request({
      method: 'PUT',
      path: '/v1/meeting-rooms/cancel-room-call',
      body: {
        ...this.#operator,
        ...targetFields(request.target),
        invite_id: request.inviteId,
        // Documented as a String here, unlike room-call.
        meeting_id: checkMeetingId(request.meetingId),
        instance_id: INSTANCE_ID,
      },
      schema: cancelRoomCallSchema,
      idempotent: false,
    });
  }

  async roomCallInfo(request: RoomCallInfoRequest): Promise<RoomCallInfo> {
    const result = await this.#client.request({
      method: 'POST',
      path: '/v1/meeting-rooms/room-call-info',
      body: {
        ...this.#operator,
        instance_id: INSTANCE_ID,
        ...targetFields(request.target),
        meeting_id: checkMeetingId(request.meetingId),
      },
      schema: roomCallInfoSchema,
      // A status query changes nothing: safe to send again.
      idempotent: true,
    });
    return roomCallInfoOf(result.status, result.response_time);
  }

  async meetingsByCode(code: MeetingCode): Promise<Meeting[]> {
    const digits = meetingCodeDigits(code);
    return unlessNotFound(async () => {
      const page = await this.#meetingsPage('/v1/meetings', { meeting_code: digits });
      return uniqueBy(page.meeting_info_list, (m) => m.meeting_id);
    }, []);
  }

  async meetingById(meetingId: MeetingId): Promise<Meeting | null> {
    const id = checkMeetingId(meetingId);
    return unlessNotFound(async () => {
      const page = await this.#meetingsPage(`/v1/meetings/${pathSegment(id)}`, {});
      return page.meeting_info_list[0] ?? null;
    }, null);
  }

  /**
   * GET /v1/meetings?userid=&instanceid=1, every page. The paging rules, from the Go SDK
   * (TencentCloud/wemeet-openapi-sdk-go, wemeet_openapi/service/meetings):
   * - api.go, ApiV1MeetingsGetRequest: the query takes `pos` ("the query's start time value,
   *   unix seconds") and `cursory` ("paging cursor");
   * - model.go, V1MeetingsGet200Response: "at most 20 meetings a query"; while `remaining` is
   *   not 0, query again with `pos` from `next_pos` and `cursory` from `next_cursory`, "until
   *   remaining is 0"; "using pos alone may miss the second page or repeat data", so both go
   *   back, and the list is de-duplicated by meeting_id (reference §4: meetings with the same
   *   start time can repeat).
   * As pos is a start time, a page boundary inside meetings that share a start time gives the
   * same next_pos again with a later next_cursory: that is progress, not the end. Paging stops
   * when remaining is 0 (or absent: omitted zero), when the server hands back a position
   * already asked for (it would answer the same again), or after MAX_MEETING_PAGES pages.
   */
  async listOperatorMeetings(): Promise<Meeting[]> {
    const meetings: Meeting[] = [];
    // The first query sends neither: both default to 0 (model.go: "默认值为0").
    const asked = new Set<string>(['0/0']);
    let cursor: { pos: string; cursory: string } | null = null;
    for (let pages = 0; pages < MAX_MEETING_PAGES; pages++) {
      if (cursor !== null) asked.add(`${cursor.pos}/${cursor.cursory}`);
      const page = await this.#meetingsPage('/v1/meetings', cursor ?? {});
      meetings.push(...page.meeting_info_list);
      if ((page.remaining ?? 0) === 0) break;
      // Absent is the zero Go's omitempty leaves out; both absent means nowhere to go.
      if (page.next_pos === undefined && page.next_cursory === undefined) break;
      const next = { pos: page.next_pos ?? '0', cursory: page.next_cursory ?? '0' };
      if (asked.has(`${next.pos}/${next.cursory}`)) break;
      cursor = next;
    }
    return uniqueBy(meetings, (m) => m.meeting_id);
  }

  /** GET a meetings endpoint as the operator from a PC (userid, instanceid=1). */
  #meetingsPage(path: string, extra: Readonly<Record<string, string>>): Promise<MeetingsPage> {
    return this.#client.request({
      method: 'GET',
      path,
      query: { ...extra, userid: this.#client.operatorId, instanceid: INSTANCE_ID },
      schema: meetingsSchema,
      idempotent: true,
    });
  }
}

/** meeting_room_id, or mra_address {protocol: 1 SIP | 2 H.323, dial_string}: exactly one. */
function targetFields(target: CallTarget): Record<string, BodyValue> {
  if (target.kind === 'room') return { meeting_room_id: target.meetingRoomId };
  return {
    mra_address: {
      protocol: target.protocol === 'sip' ? 1 : 2,
      dial_string: target.dialString,
    },
  };
}
