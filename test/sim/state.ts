/** What the route handlers share: the data, the calls, the clock. */
import type { CallBook } from './calls';
import { ErrorCode, SimError, invalidParam } from './errors';
import type { SimMeeting, SimRoom } from './types';

export interface SimState {
  readonly rooms: SimRoom[];
  readonly meetings: SimMeeting[];
  readonly users: ReadonlySet<string>;
  readonly admins: ReadonlySet<string>;
  readonly calls: CallBook;
  readonly clock: () => number;
  findRoom(id: string): SimRoom | undefined;
  findMeeting(id: string): SimMeeting | undefined;
}

export function createState(fields: Omit<SimState, 'findRoom' | 'findMeeting'>): SimState {
  const byId = new Map<string, SimRoom>();
  for (const room of fields.rooms) byId.set(room.meeting_room_id, room);
  return {
    ...fields,
    findRoom(id) {
      const hit = byId.get(id);
      if (hit?.meeting_room_id === id) return hit;
      // A test may have added rooms or changed an ID: scan, and remember.
      const found = fields.rooms.find((room) => room.meeting_room_id === id);
      if (found !== undefined) byId.set(id, found);
      return found;
    },
    findMeeting(id) {
      return fields.meetings.find((m) => m.meeting_id === id);
    },
  };
}

export interface RouteRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly bodyText: string;
  /** Path parameters from the route pattern. */
  readonly params: readonly string[];
  /** Lets a handler record meeting_id as it arrived. */
  noteMeetingId(raw: string, encoding?: 'string' | 'number'): void;
}

/** A handler returns the JSON body of a 200, or throws a SimError. */
export type Handler = (request: RouteRequest, state: SimState) => unknown;

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: Handler;
}

/** operator_id + operator_id_type (=1) of the room APIs, from a query or a body. */
export function checkOperator(
  operatorId: string | undefined,
  operatorIdType: string | number | undefined,
  state: SimState,
): string {
  if (operatorId === undefined || operatorId === '') throw invalidParam('operator_id is required');
  if (operatorIdType === undefined || operatorIdType === '') {
    throw invalidParam('operator_id_type is required');
  }
  if (String(operatorIdType) !== '1') {
    throw invalidParam('operator_id_type must be 1 (userid)');
  }
  if (!state.users.has(operatorId)) {
    throw new SimError(400, ErrorCode.userNotCreated, `user ${operatorId} has not been created`);
  }
  return operatorId;
}

/** userid + instanceid of the meeting APIs. */
export function checkMeetingUser(query: Readonly<Record<string, string>>, state: SimState): string {
  const userid = query['userid'];
  if (userid === undefined || userid === '') throw invalidParam('userid is required');
  const instance = query['instanceid'];
  if (instance === undefined || instance === '') throw invalidParam('instanceid is required');
  if (!/^[1-8]$/.test(instance)) throw invalidParam('instanceid must be 1..8 (1 = PC)');
  if (!state.users.has(userid)) {
    throw new SimError(400, ErrorCode.userNotFound, `user ${userid} does not exist`);
  }
  return userid;
}

/**
 * 9003 comes with HTTP 500: Tencent's error-code page shows exactly this answer,
 * `HTTP/1.1 500 {"error_info": {"error_code": 9003,"message": "MEETING NOT EXIST"}}`
 * (https://cloud.tencent.com/document/product/1095/43704).
 */
export function meetingNotFound(id: string): SimError {
  return new SimError(500, ErrorCode.meetingNotFound, `meeting ${id} does not exist`);
}

/** decodeURIComponent that answers 190004 instead of throwing. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidParam(`malformed path segment: ${segment}`);
  }
}
