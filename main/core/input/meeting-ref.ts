/**
 * "Which meeting": what a person types or pastes, turned into a meeting ID or a meeting code.
 *
 * Accepted (after NFKC, so full-width digits and dashes work, and trimming):
 * - a meeting code: exactly 9 digits, optionally grouped with spaces or dashes
 *   (`806146667`, `806-146-667`, `806 146 667`);
 * - a meeting ID: 19 or 20 digits with nothing else, the lengths Tencent issues (the
 *   reference, §2: "up to ~20 digits", 19 seen most, 20 beyond int64). 10 to 18 digits are
 *   refused before any request, saying what a code and an ID look like: a 10-digit number is a
 *   mistyped code or a personal meeting number, never a meeting ID. IDs are copied, never typed
 *   in groups, so a grouped number is always read as a (mistyped) code, never as an ID;
 * - a link (http, https or the desktop client's wemeet: scheme) that carries a code: a
 *   `meeting_code=` / `meetingcode=` / `code=` query parameter (also in a `#…?` fragment), or a
 *   path segment of exactly 9 digits. Any host is accepted, for private deployments and VooV.
 *
 * - a join link, `http(s)://<host>/dm/<token>` (query and trailing slash ignored): each
 *   meeting's join_url. It carries no code, so it is kept as a `link` ref and resolved later by
 *   matching join_url among the operator's meetings (main/core/meetings/join-link.ts).
 *
 * Refused with a message saying what to do: personal meeting links (`/p/<10 digits>`), which
 * carry no meeting code; `/dm/` without a token; links with two different codes.
 *
 * IDs stay strings from end to end: a 19-digit ID is beyond Number.MAX_SAFE_INTEGER.
 */
import { z } from 'zod';
import { formatMeetingCode } from '../../shared/rules/meeting-code';
import { fail, ok, type Result } from '../result';
import type { MeetingCode, MeetingId } from '../wemeet/types';
import { inputMessages, type InputLanguage, type InputMessages } from './messages';
import { cleanTyped } from './text';

export const meetingRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('id'), meetingId: z.string().regex(/^\d{19,20}$/) }).readonly(),
  z.object({ kind: z.literal('code'), code: z.string().regex(/^\d{9}$/) }).readonly(),
  z
    .object({
      kind: z.literal('link'),
      host: z.string().min(1),
      token: z.string().regex(/^[A-Za-z0-9_-]+$/),
    })
    .readonly(),
]);

/** A `/dm/` join link, reduced to what identifies it: the host (lower case) and the token. */
export interface JoinLinkRef {
  readonly kind: 'link';
  readonly host: string;
  /** Case-sensitive, as Tencent's short-link tokens mix cases. */
  readonly token: string;
}

export type MeetingRef =
  | { readonly kind: 'id'; readonly meetingId: MeetingId }
  | { readonly kind: 'code'; readonly code: MeetingCode }
  | JoinLinkRef;

const CODE_DIGITS = 9;
/** The meeting ID lengths Tencent issues: 19 digits (beyond 2^53), 20 (beyond int64). */
const ID_MIN_DIGITS = 19;
const ID_MAX_DIGITS = 20;

/** Spaces and the dashes people (and word processors) put between digit groups. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]+/g;

/**
 * Never throws: any input, even a non-string from an IPC payload, gives a Result. `lang`: the
 * language of the failure message (messages.ts); English by default.
 */
export function parseMeetingRef(input: unknown, lang: InputLanguage = 'en'): Result<MeetingRef> {
  const m = inputMessages[lang];
  const text = typeof input === 'string' ? cleanTyped(input) : '';
  if (text === '') return fail(m.enterMeeting);
  return looksLikeLink(text) ? parseJoinLink(text, m) : parseNumber(text, m);
}

/** "meeting code 806-146-667" / "meeting ID 1234…" / "join link https://…": for messages. */
export function describeMeetingRef(ref: MeetingRef): string {
  if (ref.kind === 'code') return `meeting code ${formatMeetingCode(ref.code)}`;
  if (ref.kind === 'id') return `meeting ID ${ref.meetingId}`;
  return `join link ${joinLinkText(ref)}`;
}

/** The link as Tencent writes a join_url: https, the host, /dm/ and the token. */
export function joinLinkText(ref: JoinLinkRef): string {
  return `https://${ref.host}/dm/${ref.token}`;
}

/**
 * A join_url (or any link) as a JoinLinkRef, or null when it is not a `/dm/<token>` link.
 * Scheme (http or https), query, fragment and a trailing slash do not matter; the host is
 * compared in lower case (host names are case-insensitive), the token exactly.
 */
export function joinLinkOf(text: string): JoinLinkRef | null {
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  const url = URL.parse(hasScheme ? text : `https://${text}`);
  if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  const [first, token, ...rest] = segments;
  if (first !== 'dm' || token === undefined || rest.length > 0) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return null;
  return { kind: 'link', host: url.hostname.toLowerCase(), token };
}

function looksLikeLink(text: string): boolean {
  // A scheme (https:, wemeet:) or a path: digits with separators never contain either.
  return /^[a-z][a-z0-9+.-]*:/i.test(text) || text.includes('/');
}

function parseNumber(text: string, m: InputMessages): Result<MeetingRef> {
  const digits = text.replace(SEPARATORS, '');
  const stray = Array.from(digits).find((char) => !/[0-9]/.test(char));
  if (stray !== undefined) {
    return fail(
      /[0-9]/.test(digits) ? m.meetingNotDigit(text, stray) : m.meetingNotRecognised(text),
    );
  }
  const grouped = digits !== text;
  if (digits.length === CODE_DIGITS) return ok({ kind: 'code', code: digits });
  if (grouped || digits.length < CODE_DIGITS) return fail(m.codeDigitCount(text, digits.length));
  if (digits.length < ID_MIN_DIGITS || digits.length > ID_MAX_DIGITS) {
    return fail(m.codeOrIdDigitCount(text, digits.length));
  }
  return ok({ kind: 'id', meetingId: digits });
}

const LINK_SCHEMES = new Set(['http:', 'https:', 'wemeet:']);
const CODE_PARAMS = new Set(['meeting_code', 'meetingcode', 'code']);

function parseJoinLink(text: string, m: InputMessages): Result<MeetingRef> {
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(text);
  const url = URL.parse(hasScheme ? text : `https://${text}`);
  if (url === null) return fail(m.invalidLink(text));
  if (!LINK_SCHEMES.has(url.protocol)) return fail(m.notJoinLink(text));

  const segments = url.pathname.split('/').filter((segment) => segment !== '');
  /** `param`: the query key with '=', or null for a path segment. */
  const candidates: { param: string | null; value: string }[] = [];
  for (const params of [url.searchParams, fragmentParams(url.hash)]) {
    for (const [key, value] of params) {
      if (CODE_PARAMS.has(key.toLowerCase())) candidates.push({ param: `${key}=`, value });
    }
  }
  for (const segment of segments) {
    if (/^\d{9}$/.test(segment)) candidates.push({ param: null, value: segment });
  }

  const codes = new Set<string>();
  for (const candidate of candidates) {
    const parsed = parseNumber(cleanTyped(candidate.value), m);
    if (!parsed.ok || parsed.value.kind !== 'code') {
      return fail(m.linkValueNotCode(candidate.param, candidate.value));
    }
    codes.add(parsed.value.code);
  }
  const [first, second] = codes;
  if (first !== undefined && second !== undefined) {
    return fail(m.twoCodes(formatMeetingCode(first), formatMeetingCode(second)));
  }
  if (first !== undefined) return ok({ kind: 'code', code: first });

  if (segments[0] === 'dm') {
    // A code in the link wins above (no request needed); else the token is looked up later.
    const link = url.protocol === 'wemeet:' ? null : joinLinkOf(url.href);
    return link === null ? fail(m.shortLinkWithoutToken(text)) : ok(link);
  }
  if (segments[0] === 'p') return fail(m.personalLink);
  return fail(m.linkWithoutCode(text));
}

/** Single-page-app links put their query after the fragment: `#/join?meeting_code=…`. */
function fragmentParams(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : hash.slice(at + 1));
}
