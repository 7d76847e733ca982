import type { CallState, CallTarget, MeetingCode, MeetingId } from './types';

/**
 * The Tencent Meeting operations RoomCall uses, as one injectable interface: the invite
 * use-case, the CLI and the app's handlers depend on this, never on HTTP details. The
 * implementation (createWemeetApi in api-impl.ts) signs, sends and parses; tests of code above
 * it run against the simulator through the real implementation.
 *
 * All IDs are strings. Every method may throw a WemeetError (errors.ts).
 */
export interface WemeetApi {
  /** Every room of the account: all pages of GET /v1/meeting-rooms, page_size 50. */
  listRooms(options?: ListRoomsOptions): Promise<Room[]>;
  /** GET /v1/meeting-rooms/{id}. */
  getRoom(meetingRoomId: string): Promise<RoomDetails>;
  /** PUT /v1/meeting-rooms/room-call. Sent once: never retried automatically. */
  roomCall(request: RoomCallRequest): Promise<RoomCallResult>;
  /** PUT /v1/meeting-rooms/cancel-room-call. Sent once: never retried automatically. */
  cancelRoomCall(request: CancelRoomCallRequest): Promise<void>;
  /** POST /v1/meeting-rooms/room-call-info (a read: safe to retry). */
  roomCallInfo(request: RoomCallInfoRequest): Promise<RoomCallInfo>;
  /**
   * GET /v1/meetings?meeting_code=… : the meetings that currently hold that code; [] when the
   * server says none does (9003). Spaces and dashes in the code are ignored.
   */
  meetingsByCode(code: MeetingCode): Promise<Meeting[]>;
  /** GET /v1/meetings/{meeting_id}; null when the server says it does not exist (9003). */
  meetingById(meetingId: MeetingId): Promise<Meeting | null>;
  /** The operator's in-progress and upcoming meetings, all pages (pos/remaining), de-duplicated. */
  listOperatorMeetings(): Promise<Meeting[]>;
}

export interface ListRoomsOptions {
  /** The API's fuzzy `meeting_room_name` filter. */
  readonly nameFilter?: string;
  /** Pages fetched at once after the first; default 4. */
  readonly concurrency?: number;
  readonly onProgress?: (loaded: number, total: number) => void;
  /**
   * Tencent said "slow down": the sync now fetches `concurrency` pages at a time, and the
   * client waits `waitMs` (0 when a page is simply queued again) before asking again.
   */
  readonly onRateLimited?: (concurrency: number, waitMs: number) => void;
  readonly signal?: AbortSignal;
}

/**
 * One entry of meeting_room_list, with the API's field names (the CLI's --json prints these).
 * The response schema (schemas.ts roomSchema) is checked against it, so the two cannot drift.
 */
export interface Room {
  readonly meeting_room_id: string;
  readonly meeting_room_name: string;
  readonly meeting_room_location: string;
  readonly account_new_type?: number | undefined;
  readonly account_type?: number | undefined;
  readonly participant_number?: number | undefined;
  readonly meeting_room_status: number;
  readonly scheduled_status?: number | undefined;
  readonly is_allow_call: boolean;
}

export interface RoomDetails {
  readonly meeting_room_id: string;
  readonly meeting_room_name: string;
  readonly city: string;
  readonly building: string;
  readonly floor: string;
  readonly participant_number: number | null;
  readonly meeting_room_status: number | null;
  readonly is_allow_call: boolean | null;
}

export interface RoomCallRequest {
  readonly meetingId: MeetingId;
  readonly target: CallTarget;
}

export interface RoomCallResult {
  readonly inviteId: string;
  /** The server's `status` (2 inviting, 5 failed; 1 in the doc's example). Null when absent. */
  readonly status: number | null;
}

export interface CancelRoomCallRequest {
  readonly meetingId: MeetingId;
  readonly target: CallTarget;
  readonly inviteId: string;
}

export interface RoomCallInfoRequest {
  readonly meetingId: MeetingId;
  readonly target: CallTarget;
}

export interface RoomCallInfo {
  readonly state: CallState;
  /** The raw status integer, kept for display and diagnostics. */
  readonly status: number;
  /** e.g. "2022/11/22 14:35:26"; "" before the room answered (sent as "" or left out). */
  readonly responseTime: string | null;
}

export type MeetingStatus =
  | 'MEETING_STATE_INIT'
  | 'MEETING_STATE_STARTED'
  | 'MEETING_STATE_ENDED'
  | 'MEETING_STATE_CANCELLED'
  | 'MEETING_STATE_NULL'
  | 'MEETING_STATE_RECYCLED'
  | 'MEETING_STATE_INVALID'
  // Any other string the server may add; the intersection keeps the literals above visible
  // to editors and to lint (a bare `string` would swallow them).
  | (string & Record<never, never>);

export interface Meeting {
  readonly meeting_id: MeetingId;
  readonly meeting_code: MeetingCode;
  readonly subject: string;
  /** Unix seconds as decimal strings. */
  readonly start_time: string;
  readonly end_time: string;
  readonly status: MeetingStatus;
  readonly join_url: string | null;
  readonly join_meeting_role: string | null;
}
