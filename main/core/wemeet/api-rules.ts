import type { RoomCallInfo } from './api';
import { WemeetApiError } from './errors';
import { callStateFromStatus } from './schemas';
import type { MeetingCode, MeetingId } from './types';

/**
 * The rules every WemeetApi applies the same way, whoever answers (Tencent directly,
 * api-impl.ts, or a RoomCall relay, relay/relay-api.ts): what input is refused before anything
 * is sent, what "not found" means, and how a room-call status reads.
 */

const DIGITS = /^\d+$/;
/** Tencent's "no such meeting" (reference §5), passed on by a relay as it came. */
const MEETING_NOT_FOUND = 9003;

/** A meeting ID is a decimal string; refusing anything else keeps bodies and paths exact. */
export function checkMeetingId(meetingId: MeetingId): string {
  if (!DIGITS.test(meetingId)) throw new RangeError('A meeting ID is a string of digits');
  return meetingId;
}

/** People type codes with spaces or dashes (806-146-667); the API wants the digits. */
export function meetingCodeDigits(code: MeetingCode): string {
  const digits = code.replace(/[\s-]/g, '');
  if (!DIGITS.test(digits)) throw new RangeError('A meeting code is made of digits');
  return digits;
}

function isMeetingNotFound(err: unknown): boolean {
  return err instanceof WemeetApiError && err.errorCode === MEETING_NOT_FOUND;
}

/**
 * A room-call-info answer: the state from the status by the one table (the status is the
 * fact). An absent response_time reads as "", Go's zero value, as a full answer sends it before
 * any answer: the same status reads the same whether or not empty fields are left out.
 */
export function roomCallInfoOf(
  status: number,
  responseTime: string | null | undefined,
): RoomCallInfo {
  return { state: callStateFromStatus(status), status, responseTime: responseTime ?? '' };
}

/**
 * A meeting lookup whose "no such meeting" (9003) is an answer, not a failure: `none` (an
 * empty list for a code, null for an ID). Anything else is thrown as it came.
 */
export async function unlessNotFound<T>(lookup: () => Promise<T>, none: T): Promise<T> {
  try {
    return await lookup();
  } catch (err) {
    if (isMeetingNotFound(err)) return none;
    throw err;
  }
}
