import { parse as losslessParse, isInteger, isSafeNumber } from 'lossless-json';

/**
 * JSON in both directions without ever passing a big integer through a JS number: meeting IDs
 * have up to ~20 digits and 2^53 has 16, so `JSON.parse` and `Number()` silently corrupt them.
 */

/**
 * Outside strings, a JSON number starts the text or follows `:`, `,` or `[` (plus whitespace),
 * and cannot have a leading zero. If no such number has 16 or more digits, every integer in the
 * text is below 10^15 < 2^53 and native JSON.parse is exact, so the text takes that fast path
 * and never meets a lossy number. Digits inside strings follow a quote, not those characters,
 * so quoted IDs keep the fast path; a false positive (such a pattern inside a string) only
 * costs speed. The scan is one pass of a compiled regex, far cheaper than lossless-json's
 * parser, which is only used when a big integer may be present.
 */
const POSSIBLY_UNSAFE_NUMBER = /[:,[][ \t\n\r]*-?[1-9]\d{15}/;
const STARTS_WITH_NUMBER = /^[ \t\n\r]*[-\d]/;

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
 */
export function parseJsonLossless(text: string): unknown {
  if (!POSSIBLY_UNSAFE_NUMBER.test(text) && !STARTS_WITH_NUMBER.test(text)) {
    return JSON.parse(text) as unknown;
  }
  return losslessParse(text, null, { parseNumber: parseNumberToken, onDuplicateKey: lastKeyWins });
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
