import type {
  CallInfoAnswer,
  MeetingAnswer,
  MeetingsAnswer,
  RoomAnswer,
  RoomCallAnswer,
  RoomsAnswer,
} from '../../core/relay/contract';
import type { WemeetApi } from '../../core/wemeet/api';
import type { CallTarget } from '../../core/wemeet/types';
import type { AuditAction } from '../ports';
import { currentDirectory, filterRooms, type DirectoryOptions } from './directory';
import {
  callInfoBodySchema,
  cancelBodySchema,
  meetingIdSchema,
  meetingsByCodeQuerySchema,
  roomCallBodySchema,
  roomIdParamSchema,
  roomsQuerySchema,
} from './inputs';

/**
 * The eight operations, each one WemeetApi call made as the verified identity's operator
 * (the api is built for that operator: nothing in the request can name another). Each fills in
 * the audit's target and meeting as soon as it knows them, so a refused request is audited with
 * what it asked for.
 */

export interface OperationInput {
  readonly params: readonly string[];
  readonly query: URLSearchParams;
  /** The parsed JSON body (POST), else undefined. */
  readonly body: unknown;
  readonly api: WemeetApi;
  readonly directory: DirectoryOptions;
  /** What the audit records of this request. */
  readonly note: (fields: { target?: CallTarget; roomId?: string; meetingId?: string }) => void;
}

/** 200 with this JSON body, or 204 when null. */
export type OperationResult = object | null;

export interface Operation {
  readonly action: AuditAction;
  readonly run: (input: OperationInput) => Promise<OperationResult>;
}

const queryObject = (query: URLSearchParams): Record<string, string> =>
  Object.fromEntries(query.entries());

export const listRooms: Operation = {
  action: 'list-rooms',
  async run({ query, api, directory }): Promise<RoomsAnswer> {
    const { name } = roomsQuerySchema.parse(queryObject(query));
    const snapshot = await currentDirectory(api, directory);
    return {
      rooms: filterRooms(snapshot.rooms, name),
      fetched_at: new Date(snapshot.fetchedAtMs).toISOString(),
    };
  },
};

export const getRoom: Operation = {
  action: 'get-room',
  async run({ params, api, note }): Promise<RoomAnswer> {
    const roomId = roomIdParamSchema.parse(params[0] ?? '');
    note({ roomId });
    return { room: await api.getRoom(roomId) };
  },
};

export const listMeetings: Operation = {
  action: 'list-meetings',
  async run({ api }): Promise<MeetingsAnswer> {
    return { meetings: await api.listOperatorMeetings() };
  },
};

export const meetingsByCode: Operation = {
  action: 'meetings-by-code',
  async run({ query, api }): Promise<MeetingsAnswer> {
    const { meeting_code } = meetingsByCodeQuerySchema.parse(queryObject(query));
    return { meetings: await api.meetingsByCode(meeting_code) };
  },
};

export const meetingById: Operation = {
  action: 'meeting-by-id',
  async run({ params, api, note }): Promise<MeetingAnswer> {
    const meetingId = meetingIdSchema.parse(params[0] ?? '');
    note({ meetingId });
    return { meeting: await api.meetingById(meetingId) };
  },
};

export const roomCall: Operation = {
  action: 'room-call',
  async run({ body, api, note }): Promise<RoomCallAnswer> {
    const { meeting_id, target } = roomCallBodySchema.parse(body);
    note({ target, meetingId: meeting_id });
    const result = await api.roomCall({ meetingId: meeting_id, target });
    return { invite_id: result.inviteId, status: result.status };
  },
};

export const cancelRoomCall: Operation = {
  action: 'cancel-room-call',
  async run({ body, api, note }): Promise<null> {
    const { meeting_id, target, invite_id } = cancelBodySchema.parse(body);
    note({ target, meetingId: meeting_id });
    await api.cancelRoomCall({ meetingId: meeting_id, target, inviteId: invite_id });
    return null;
  },
};

export const roomCallInfo: Operation = {
  action: 'room-call-info',
  async run({ body, api, note }): Promise<CallInfoAnswer> {
    const { meeting_id, target } = callInfoBodySchema.parse(body);
    note({ target, meetingId: meeting_id });
    const info = await api.roomCallInfo({ meetingId: meeting_id, target });
    return { state: info.state, status: info.status, response_time: info.responseTime };
  },
};
