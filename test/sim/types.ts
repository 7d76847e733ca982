/**
 * The simulator's public types. Other test layers, the web preview, demos and benchmarks code
 * against these: change them only by adding optional members.
 */

export interface SimulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Loopback only: 127.0.0.1 (default), ::1 or localhost. Anything else throws. */
  host?: string;
  /** How many meeting rooms the account has (default 40; 10,000+ is fine). */
  rooms?: number;
  /** Seed for the generated data (default 1). The same seed gives the same data. */
  seed?: number;
  /** The SdkId the app was assigned. Default null: none, and the SdkId header must be absent. */
  sdkId?: string | null;
  /** The server's clock in ms (default Date.now): skew checks, replay window, call timing. */
  clock?: () => number;
  /** How long a call rings before its outcome (default 1500 ms). */
  callTiming?: { ringMs: number };
  /** Authenticated requests per minute per AppId before 190310 (default: no limit). */
  rateLimitPerMinute?: number;
  /**
   * Every JSON answer leaves out its zero, false, empty-string, empty-array and null fields, at
   * every depth, as a Go service with `json:",omitempty"` does (sparse.ts). Nested objects, "0"
   * strings and array elements stay. Default false: every field sent.
   */
  sparse?: boolean;
  /** Every answer (and reset) is sent this many ms late: a real network's round trip. Default 0. */
  latencyMs?: number;
  /** One line per request on stderr (never headers, signatures or secrets). Default false. */
  log?: boolean;
  /**
   * Called as each request arrives, with its record, before it is answered: the CLI bench
   * times when the room-call request reaches the server. Default: none.
   */
  onRequest?: (request: RecordedRequest) => void;
}

export interface SimCredentials {
  appId: string;
  sdkId?: string;
  secretId: string;
  secretKey: string;
}

export interface Simulator {
  /** e.g. http://127.0.0.1:40123 (no trailing slash, no /v1). */
  baseUrl: string;
  credentials: SimCredentials;
  /** The userid the demo credentials act as (operator_id / userid). */
  operatorId: string;
  meetings: SimMeeting[];
  rooms: SimRoom[];
  /** Every request received, in arrival order; status is filled in when it is answered. */
  requests: RecordedRequest[];
  faults: { inject(fault: Fault): void; clear(): void };
  /** A room whose call ends with that outcome (see README.md for the rules). */
  roomWithOutcome(outcome: RoomOutcome): SimRoom;
  /** An MRA target (SIP by default) whose call ends with that outcome. */
  mraWithOutcome(outcome: MraOutcome, protocol?: 1 | 2): { protocol: 1 | 2; dial_string: string };
  /** Stops listening and ends every open socket (hanging ones included). */
  close(): Promise<void>;
}

export type FaultType =
  'http-500' | 'reset' | 'hang' | 'delay' | 'malformed-json' | 'rate-limit' | 'error';

export interface Fault {
  type: FaultType;
  /** Exact pathname (/v1/meeting-rooms) or a prefix ending with '*' (/v1/meeting-rooms*). */
  path?: string;
  /** Case-insensitive; any method when absent. */
  method?: string;
  /** How many matching requests it applies to (default 1; Infinity allowed). */
  times?: number;
  /** For 'delay': how long before the normal answer (default 1000). */
  ms?: number;
  /** HTTP status for 'http-500' (500), 'rate-limit' (400) and 'error' (500). */
  status?: number;
  /** error_code for 'http-500' (10002), 'rate-limit' (190310) and 'error' (plain body if absent). */
  code?: number;
  message?: string;
  /**
   * 'before' (default): the request is not processed. 'after': it is processed (a room-call
   * really starts ringing), then the answer is replaced by the fault: a lost response; for
   * 'delay', the real answer comes `ms` late.
   */
  when?: 'before' | 'after';
}

export interface RecordedRequest {
  method: string;
  /** Pathname only, as received (no query). */
  path: string;
  query: Record<string, string>;
  /** As received, case preserved: [name, value, name, value, …]. */
  rawHeaders: string[];
  body: string;
  /** 0 until answered, and for requests that were never answered (reset, hang). */
  status: number;
  errorCode: number | null;
  /** meeting_id exactly as its digits arrived (body or path), quoted or bare, without quotes. */
  meetingIdRaw?: string;
  /** How meeting_id arrived in a JSON body: a JSON string or a bare JSON number. */
  meetingIdEncoding?: 'string' | 'number';
}

export type RoomOutcome = 'accepted' | 'rejected' | 'no-answer' | 'offline' | 'not-callable';
export type MraOutcome = 'accepted' | 'rejected' | 'no-answer' | 'unreachable';

/** What happens when this room is called: see data.ts and README.md. */
export type CallBehaviour = 'accept' | 'reject' | 'no-answer' | 'fail';

export interface SimRoom {
  meeting_room_id: string;
  meeting_room_name: string;
  meeting_room_location: string;
  city: string;
  building: string;
  floor: string;
  account_new_type: number;
  account_type: number;
  active_code: string;
  participant_number: number;
  /** 0 not activated, 1 not bound, 2 idle, 3 in use, 4 offline, 5 not logged in. */
  meeting_room_status: number;
  scheduled_status: number;
  is_allow_call: boolean;
  device: string;
  /** The room device's own SIP / H.323 addresses (informational). */
  sip_address: string;
  h323_address: string;
  behaviour: CallBehaviour;
}

export type MeetingState =
  | 'MEETING_STATE_INIT'
  | 'MEETING_STATE_STARTED'
  | 'MEETING_STATE_ENDED'
  | 'MEETING_STATE_CANCELLED'
  | 'MEETING_STATE_NULL'
  | 'MEETING_STATE_RECYCLED'
  | 'MEETING_STATE_INVALID';

export interface SimMeeting {
  subject: string;
  meeting_id: string;
  meeting_code: string;
  /** Unix seconds, decimal strings. */
  start_time: string;
  end_time: string;
  status: MeetingState;
  join_url: string;
  /** 0 scheduled, 1 instant. */
  type: number;
  creator: string;
  hosts: string[];
  participants: string[];
  /**
   * Last modification, Unix ms: what the meeting list's `cursory` / `next_cursory` page by
   * (Go SDK wemeet_openapi/service/meetings/model.go, NextCursory). Unique per meeting.
   */
  updated_ms: number;
}
