import type { ProblemCategory } from '../problem/problem';
import type { Meeting, Room, RoomCallInfo, RoomDetails } from '../wemeet/api';
import type { CallTarget, MeetingId } from '../wemeet/types';

/**
 * The relay's HTTP API (version 1), shared by the server (main/relay) and the desktop's and
 * CLI's client (RelayApi in this folder). It is the WemeetApi surface and nothing more: the
 * eight operations RoomCall needs, so a relay can never be used to do anything else of the
 * Tencent Meeting API with the enterprise secret it holds.
 *
 * Every /v1 request carries `Authorization: Bearer <token>` (an OIDC ID or access token, or a
 * per-person token the admin issued). The relay sets operator_id from that identity; no
 * request field can name an operator. Bodies and answers are JSON (UTF-8). Meeting IDs,
 * room IDs and invite IDs are decimal strings everywhere: never JSON numbers.
 */

export const RELAY_API_VERSION = 1;

/** The paths, relative to the relay's base URL (which may carry a path prefix). */
export const relayPaths = {
  health: '/healthz',
  /** GET, no token needed: how a desktop signs in here ({@link SignInConfig}). */
  signInConfig: '/v1/sign-in-config',
  /** GET: who the token says the caller is ({@link WhoAmI}). */
  me: '/v1/me',
  /** GET ?name=<fuzzy filter>: {@link RoomsAnswer} from the relay's shared directory cache. */
  rooms: '/v1/rooms',
  /** GET /v1/rooms/{meeting_room_id}: {@link RoomAnswer}. */
  room: (meetingRoomId: string): string => `/v1/rooms/${encodeURIComponent(meetingRoomId)}`,
  /** GET: the caller's in-progress and upcoming meetings ({@link MeetingsAnswer}). */
  myMeetings: '/v1/meetings',
  /** GET ?meeting_code=<9 digits>: {@link MeetingsAnswer} (empty when none holds the code). */
  meetingsByCode: '/v1/meetings/by-code',
  /** GET /v1/meetings/{meeting_id}: {@link MeetingAnswer} (meeting null when none). */
  meeting: (meetingId: MeetingId): string => `/v1/meetings/${encodeURIComponent(meetingId)}`,
  /** POST {@link RoomCallBody}: {@link RoomCallAnswer}. Sent once: never retried. */
  roomCall: '/v1/room-calls',
  /** POST {@link CancelBody}: 204. Sent once: never retried. */
  cancel: '/v1/room-calls/cancel',
  /** POST {@link CallInfoBody}: {@link CallInfoAnswer} (a read: safe to retry). */
  callInfo: '/v1/room-calls/info',
} as const;

export interface Health {
  /** Only ever 'ok': a relay that cannot reach its storage answers 503, a stopping one
   * accepts no connection. */
  readonly status: 'ok';
  readonly version: string;
  readonly api: typeof RELAY_API_VERSION;
  /** 'sqlite' | 'postgres+redis' | 'memory' (tests). */
  readonly storage: string;
}

/** What a desktop needs to sign a person in; only the public parts of the relay's setup. */
export interface SignInConfig {
  /** OIDC sign-in (authorisation code + PKCE, loopback redirect), when the relay accepts it. */
  readonly oidc: {
    readonly issuer: string;
    /** The public client registered for RoomCall desktops (no client secret). */
    readonly client_id: string;
    readonly scopes: readonly string[];
    /**
     * Only for providers that demand one from installed apps (Google's "Desktop app" clients:
     * Google issues it and says it is not treated as confidential). Sent with the code exchange
     * and refreshes (client_secret_post); absent for Keycloak, Entra ID and Okta public clients.
     */
    readonly client_secret?: string;
  } | null;
  /** Whether per-person tokens an admin issued are accepted. */
  readonly tokens: boolean;
}

export interface WhoAmI {
  /** The enterprise userid the relay acts as for this caller (operator_id). */
  readonly operator_id: string;
  /** How the caller was identified. */
  readonly via: 'oidc' | 'token';
  /** The token's expiry (ISO 8601), when it has one. */
  readonly expires_at: string | null;
}

export interface RoomsAnswer {
  readonly rooms: readonly Room[];
  /** When the relay last read the directory from Tencent (ISO 8601). */
  readonly fetched_at: string;
}
export interface RoomAnswer {
  readonly room: RoomDetails;
}
export interface MeetingsAnswer {
  readonly meetings: readonly Meeting[];
}
export interface MeetingAnswer {
  readonly meeting: Meeting | null;
}

export interface RoomCallBody {
  readonly meeting_id: MeetingId;
  readonly target: CallTarget;
}
export type RoomCallAnswer = { readonly invite_id: string; readonly status: number | null };
export interface CancelBody {
  readonly meeting_id: MeetingId;
  readonly target: CallTarget;
  readonly invite_id: string;
}
export interface CallInfoBody {
  readonly meeting_id: MeetingId;
  readonly target: CallTarget;
}
export interface CallInfoAnswer {
  readonly state: RoomCallInfo['state'];
  readonly status: number;
  readonly response_time: string | null;
}

/**
 * Why the relay said no, as the body of every non-2xx answer. `category` is the core's
 * ProblemCategory (main/core/problem) of what went wrong, so a client words it as it would the
 * same failure without a relay; `tencent` carries Tencent's own answer when Tencent refused.
 * Never a secret, a token or a header value.
 */
export interface RelayErrorBody {
  readonly error: {
    /** Relay-side reasons: 'unauthenticated' (401), 'token-expired' (401), 'token-revoked'
     * (401), 'forbidden' (403), 'rate-limited' (429, with Retry-After), 'bad-request' (400),
     * 'not-found' (404), 'upstream' (Tencent answered with an error: see `tencent`),
     * 'upstream-network' / 'upstream-timeout' (502 / 504: Tencent did not answer),
     * 'unconfirmed' (502: room-call sent, Tencent's reply lost; do not resend blindly),
     * 'idp-unavailable' (503: the identity provider did not answer, so the sign-in could not
     * be checked; keep the token and try again later), 'internal' (500). */
    readonly reason: string;
    /** The core's ProblemCategory of the failure (added by the server: see above). */
    readonly category?: ProblemCategory;
    /** For people: what happened, in English. */
    readonly message: string;
    /** The relay's request id, also in its audit log and logs (X-Request-Id). */
    readonly request_id: string;
    readonly tencent?: {
      readonly status: number;
      readonly error_code: number | null;
      readonly new_error_code: number | null;
      readonly message: string | null;
    };
  };
}
