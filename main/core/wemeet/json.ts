import { parse as losslessParse, isInteger, isSafeNumber } from 'lossless-json';

/**
 * JSON in both directions without ever passing a big integer through a JS number: meeting IDs
 * have up to ~20 digits and 2^53 has 16, so `JSON.parse` and `Number()` silently corrupt them.
 */

/** Safe integers and non-integers become numbers; unsafe integers keep every digit as a string. */
export function parseNumberToken(token: string): number | string {
  if (isInteger(token) && !isSafeNumber(token)) return token;
  return Number(token);
}

/** JSON.parse's rule for repeated keys (the last wins), so both paths agree. */
const lastKeyWins = (info: { newValue: unknown }): unknown => info.newValue;

/**
 * Parses a response body. Throws a SyntaxError on malformed JSON (the client turns it into a
 * WemeetResponseError). Unsafe integers come out as digit strings, everything else as
 * JSON.parse would give it.
 *
 * Native JSON.parse first: it is exact for every integer up to 2^53 - 1, and any integer
 * literal beyond that becomes a number that is integral but not a safe integer. So one walk of
 * the parsed value tells whether a digit may have been lost, and only then is the text parsed
 * again by lossless-json's far slower parser. Most bodies carry their IDs as strings and never
 * pay for the second parse.
 */
export function parseJsonLossless(text: string): unknown {
  const parsed = JSON.parse(text) as unknown;
  if (!hasUnsafeInteger(parsed)) return parsed;
  return losslessParse(text, null, { parseNumber: parseNumberToken, onDuplicateKey: lastKeyWins });
}

/** True when a number somewhere in `value` is integral but beyond Number.MAX_SAFE_INTEGER. */
function hasUnsafeInteger(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasUnsafeInteger);
  for (const key in value) {
    if (hasUnsafeInteger((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

const INTEGER_DIGITS = /^-?(?:0|[1-9]\d*)$/;

/**
 * An integer written into a body as a bare JSON number with every digit, e.g. a 19-digit
 * meeting_id when the server wants an int64. Validated on construction so the raw text
 * cannot inject anything but digits.
 */
export class JsonInteger {
  readonly digits: string;

  constructor(digits: string) {
    if (!INTEGER_DIGITS.test(digits)) {
      throw new RangeError('JsonInteger takes a decimal integer without leading zeros');
    }
    this.digits = digits;
  }
}

export type BodyValue =
  | string
  | number
  | boolean
  | null
  | JsonInteger
  | readonly BodyValue[]
  | { readonly [key: string]: BodyValue | undefined };

/**
 * Serialises a request body exactly: strings through JSON.stringify, JsonInteger as its digits,
 * keys in insertion order, undefined members left out (as JSON.stringify does). Numbers must be
 * safe integers or finite: an unsafe integer here is a bug upstream, not something to round.
 */
export function stringifyBody(value: BodyValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
      throw new RangeError('Unsafe number in a request body: use a string or a JsonInteger');
    }
    return JSON.stringify(value);
  }
  if (value instanceof JsonInteger) return value.digits;
  if (isBodyArray(value)) return `[${value.map(stringifyBody).join(',')}]`;
  const parts: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) parts.push(`${JSON.stringify(key)}:${stringifyBody(member)}`);
  }
  return `{${parts.join(',')}}`;
}

// Array.isArray does not narrow readonly arrays out of a union; this guard does.
function isBodyArray(value: BodyValue): value is readonly BodyValue[] {
  return Array.isArray(value);
}

/** How room-call's meeting_id goes on the wire (UNSETTLED in the API doc: see the reference). */
export type MeetingIdEncoding = 'string' | 'number';

/** meeting_id as a JSON string (the doc's example) or as a bare integer (its type table). */
export function encodeMeetingId(meetingId: string, encoding: MeetingIdEncoding): BodyValue {
  return encoding === 'number' ? new JsonInteger(meetingId) : meetingId;
}
