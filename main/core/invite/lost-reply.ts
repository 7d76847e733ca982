import type { RoomCallInfo } from '../wemeet/api';
import {
  isTransient,
  WemeetApiError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
} from '../wemeet/errors';
import type { AlreadyState } from './types';

/** room-call's "call failed" (500): a refusal, which the status may explain. */
export const CALL_REFUSED = 10004;

/** Low-level causes that prove the request never left this machine. */
const NEVER_SENT = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ENETUNREACH|EHOSTUNREACH/;

/**
 * Whether room-call may have reached Tencent although no usable reply came back: a timeout,
 * a connection lost after sending, a server error that is not a refusal (5xx without a
 * permanent code), or a reply we cannot read. The call may then be ringing: it is
 * "unconfirmed", not failed, until room-call-info says what happened.
 */
export function replyMayBeLost(error: unknown): boolean {
  if (error instanceof WemeetTimeoutError || error instanceof WemeetResponseError) return true;
  if (error instanceof WemeetNetworkError) return !NEVER_SENT.test(error.detail ?? '');
  if (error instanceof WemeetApiError) return error.status >= 500 && isTransient(error);
  return false;
}

/** room-call refused with 10004: the status may say why (already ringing or in the meeting). */
export function isCallRefused(error: unknown): boolean {
  return error instanceof WemeetApiError && error.errorCode === CALL_REFUSED;
}

/**
 * Whether a status means the target needs no call: ringing now, or in the meeting (2, accepted
 * and joining). 5 is left out: the sources disagree on it ("joined" or "cancelled").
 */
export function alreadyState(info: RoomCallInfo): AlreadyState | null {
  if (info.state === 'ringing') return 'ringing';
  if (info.state === 'accepted') return 'in-meeting';
  return null;
}
