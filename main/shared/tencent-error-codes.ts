/**
 * The Tencent Meeting `error_code`s RoomCall knows, with what each means and what to do: the
 * one list the core's error messages (the CLI's words), the app's problem categories and both
 * languages of the windows' error copy are built from. Pure data, no zod and no Node, so the
 * renderer may import it.
 *
 * Source: Tencent Meeting REST API error codes (docs/reference tencent-meeting-api.md §5).
 * `meaning` is a clause that fits "Tencent Meeting refused GET /v1/…: <meaning> (HTTP 400,
 * error 9003)"; `advice` is a sentence that works in the app and in the CLI; `title` is the
 * windows' English headline (the Chinese words live in the renderer's catalog, keyed by code,
 * and the compiler checks that every code here has them).
 */

import type { ApiRequest } from './rules/api-request';

/** The problem category of a code (main/core/problem.ts): all of them are the server's "no". */
export type TencentCodeCategory = 'auth' | 'clock' | 'permission' | 'rate-limit' | 'refused';

/** A help page that explains the fix (the contract's HelpTopic values). */
export type TencentCodeHelp = 'clock' | 'credentials' | 'permissions';

export interface TencentCodeInfo {
  readonly category: TencentCodeCategory;
  readonly meaning: string;
  readonly advice: string;
  readonly title: string;
  /** The fix happens in Settings (credentials, operator): the windows offer to open them. */
  readonly settings?: true;
  readonly help?: TencentCodeHelp;
  /**
   * The requests Tencent documents the code for, where its words name one ("the room call
   * failed"): on any other request the windows say which request failed instead.
   */
  readonly requests?: readonly ApiRequest[];
}

const RETRY_SOON = 'Wait a few seconds, then try again.';
const ASK_FOR_RIGHTS =
  'Ask the meeting host to make the operator a host or co-host, or use an enterprise admin as operator.';
/** 190001 and 20001: two codes Tencent uses for the same thing. */
const UNKNOWN_OPERATOR = {
  category: 'auth',
  meaning: 'the operator user does not exist in the enterprise',
  advice:
    "Check the operator userid in the settings: it is the enterprise's userid, not a display name.",
  title: 'The operator userid is not known',
  settings: true,
} as const;

export const TENCENT_ERROR_CODES = {
  200003: {
    category: 'auth',
    meaning: 'the request signature was rejected',
    advice:
      'Check that the SecretKey belongs to the SecretId: copy both again from the Tencent Meeting admin console.',
    title: 'The SecretKey does not match the SecretId',
    settings: true,
    help: 'credentials',
  },
  190300: {
    category: 'clock',
    meaning: "the request time is more than 5 minutes off Tencent's clock",
    advice: "Fix this computer's clock (turn on automatic date and time), then try again.",
    title: 'Your computer’s clock is off',
    help: 'clock',
  },
  190301: {
    category: 'refused',
    meaning: 'Tencent refused the request as a replay (same timestamp and nonce seen twice)',
    advice:
      "Try again. If it keeps happening, check this computer's clock and any proxy in between.",
    title: 'The request was refused as a repeat',
  },
  190303: {
    category: 'auth',
    meaning:
      'Tencent does not recognise the AppId or SecretId (or an SdkId was sent where none was assigned)',
    advice:
      'Check the AppId, SecretId and SdkId in the settings; leave SdkId empty unless Tencent assigned one.',
    title: 'The AppId, SdkId or SecretId was not accepted',
    settings: true,
    help: 'credentials',
  },
  190004: {
    category: 'refused',
    meaning: 'Tencent found an invalid parameter in the request',
    advice: 'Check the meeting ID or code, the room and any dial string, then try again.',
    title: 'Tencent Meeting found an invalid parameter',
  },
  190001: UNKNOWN_OPERATOR,
  20001: UNKNOWN_OPERATOR,
  9003: {
    category: 'refused',
    meaning: 'the meeting does not exist',
    advice: 'Check the meeting code or ID: the meeting may have ended, or its code been recycled.',
    title: 'No meeting with that code or ID',
  },
  9042: {
    category: 'permission',
    meaning: 'the operator is not allowed to do this',
    advice: ASK_FOR_RIGHTS,
    title: 'The app is not allowed to do this',
    help: 'permissions',
  },
  190315: {
    category: 'permission',
    meaning: 'only the meeting creator may do this',
    advice: ASK_FOR_RIGHTS,
    title: 'Only the meeting’s creator may do this',
    help: 'permissions',
  },
  10004: {
    category: 'refused',
    meaning: 'the room call failed',
    advice: 'Check that the room is online and idle, then call it again.',
    title: 'The room could not be called',
    requests: ['call'],
  },
  10002: {
    category: 'refused',
    meaning: 'Tencent could not query the room call status',
    advice: RETRY_SOON,
    title: 'The call’s status could not be read',
    requests: ['call', 'call-status'],
  },
  20000: {
    category: 'refused',
    meaning: 'Tencent rejected the type of a request parameter',
    advice:
      'Check the meeting ID and room; if it persists, report it with the RoomCall version (the meeting ID encoding setting may help).',
    title: 'A request parameter has the wrong type',
  },
  190310: {
    category: 'rate-limit',
    meaning: 'the per-minute rate limit was reached',
    advice: 'Wait a minute, then try again.',
    title: 'Too many requests',
  },
  190311: {
    category: 'rate-limit',
    meaning: "the app's daily call quota (Tencent allows 200,000 calls a day per app) is used up",
    advice:
      'RoomCall does not wait a whole day: try again tomorrow, or ask the Tencent Meeting admin to raise the quota.',
    title: 'Today’s request quota is used up',
  },
  190313: {
    category: 'rate-limit',
    meaning: 'this API is being called too often',
    advice: RETRY_SOON,
    title: 'Too many requests',
  },
  9061: {
    category: 'rate-limit',
    meaning: 'meeting queries are too frequent',
    advice: RETRY_SOON,
    title: 'Too many meeting queries',
  },
} as const satisfies Readonly<Record<number, TencentCodeInfo>>;

/** A code RoomCall has words for. */
export type TencentErrorCode = keyof typeof TENCENT_ERROR_CODES;

/** Every known code, in the list's order. */
export const TENCENT_CODES: readonly TencentErrorCode[] = Object.keys(TENCENT_ERROR_CODES).map(
  (key) => Number(key) as TencentErrorCode,
);

export function isTencentErrorCode(code: number): code is TencentErrorCode {
  return Object.hasOwn(TENCENT_ERROR_CODES, code);
}

/** The list's entry for a code the server sent; undefined for one RoomCall has no words for. */
export function tencentCodeInfo(code: number | null): TencentCodeInfo | undefined {
  return code !== null && isTencentErrorCode(code) ? TENCENT_ERROR_CODES[code] : undefined;
}

/**
 * Whether a code's words suit the request that failed: always, unless the code is documented
 * for other requests only (10002 names room-call's status query; on the room list it does not
 * fit). An unknown request fits (nothing to say it does not).
 */
export function codeFitsRequest(
  info: TencentCodeInfo,
  request: ApiRequest | null | undefined,
): boolean {
  return request === null || request === undefined || (info.requests?.includes(request) ?? true);
}
