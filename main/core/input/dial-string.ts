/**
 * Dial strings for room-call's `mra_address` (SIP and H.323 devices outside the account).
 *
 * The API takes "an IP address or a URI" for SIP and "an IP address or an E.164 number" for
 * H.323, so a valid dial string is sent exactly as typed, only trimmed: a `sip:` prefix is kept
 * (the API documents it as optional) and nothing is re-cased or re-formatted.
 *
 * SIP accepts:
 * - an IPv4 address, optionally with a port: `192.168.1.20`, `192.168.1.20:5061`;
 * - an IPv6 address: bare `2001:db8::20` (no port), or bracketed `[2001:db8::20]:5061`;
 * - a SIP URI `user@host[:port]`, optionally prefixed `sip:` or `sips:` (any case), where host
 *   is a DNS name, an IPv4 address or a bracketed IPv6 address, and user is RFC 3261's
 *   unreserved characters plus `&=+$,` and %HH escapes;
 * - `sip:`/`sips:` followed by an IP address.
 * SIP refuses: a host without a user (`vc.example.com`: the API asks for user@host), a
 * password (`user:pw@host`), URI parameters and headers (`;transport=tls`, `?subject=…`),
 * `sip://`, spaces and non-ASCII characters.
 *
 * H.323 accepts an IPv4 address, a bare IPv6 address, or an E.164 number: 1 to 15 digits with
 * an optional leading `+`. A number written for people ("+86 10 1234 5678", "(010) 1234-5678",
 * full-width "＋８６－１０…") is accepted and sent as its digits ("+861012345678"): the parsed
 * value then differs from what was typed, and the app says what was saved. It refuses ports and
 * `number@host` (gateway dialling is not among the API's documented forms: call such endpoints
 * over SIP).
 */
import { fail, ok, type Result } from '../result';
import type { CallTarget } from '../wemeet/types';
import { domainProblem, ipv4Problem, ipv6Problem, looksLikeIpv4, portProblem } from './address';
import { inputMessages, type InputLanguage, type InputMessages } from './messages';
import { trimTyped } from './text';
import type { DialProtocol } from '../../shared/rules/targets';

const MAX_LENGTH = 255;
const MAX_ROOM_ID = 128;

/** `lang`: the language of the failure message (messages.ts); English by default. */
export function parseSipDialString(input: unknown, lang: InputLanguage = 'en'): Result<string> {
  const m = inputMessages[lang];
  const text = typeof input === 'string' ? trimTyped(input) : '';
  if (text === '') return fail(m.enterDialString('sip'));
  const common = commonProblem(text, 'sip', m);
  if (common !== null) return fail(common);

  const scheme = /^sips?:/i.exec(text)?.[0] ?? '';
  const rest = text.slice(scheme.length);
  const problem = sipProblem(rest, scheme, lang);
  return problem === null ? ok(text) : fail(m.notDialString('sip', text, problem));
}

export function parseH323DialString(input: unknown, lang: InputLanguage = 'en'): Result<string> {
  const m = inputMessages[lang];
  const text = typeof input === 'string' ? trimTyped(input) : '';
  if (text === '') return fail(m.enterDialString('h323'));
  const phone = e164Digits(text);
  if (phone !== null) {
    const problem = h323Problem(phone, lang);
    return problem === null ? ok(phone) : fail(m.notDialString('h323', text, problem));
  }
  const common = commonProblem(text, 'h323', m);
  if (common !== null) return fail(common);
  const problem = h323Problem(text, lang);
  return problem === null ? ok(text) : fail(m.notDialString('h323', text, problem));
}

export function parseDialString(
  protocol: DialProtocol,
  input: unknown,
  lang: InputLanguage = 'en',
): Result<string> {
  return protocol === 'sip' ? parseSipDialString(input, lang) : parseH323DialString(input, lang);
}

/** Length, inner spaces and non-ASCII: the same words for both protocols. */
function commonProblem(text: string, protocol: DialProtocol, m: InputMessages): string | null {
  if (text.length > MAX_LENGTH) return m.dialTooLong(protocol, MAX_LENGTH, text.length);
  const stray = Array.from(text).find((char) => !/[\x21-\x7e]/.test(char));
  if (stray === undefined) return null;
  return /\s/.test(stray) ? m.dialSpaces(protocol, text) : m.dialChar(protocol, stray, text);
}

function sipProblem(rest: string, scheme: string, lang: InputLanguage): string | null {
  const m = inputMessages[lang];
  if (rest === '') return m.nothingAfterScheme(scheme);
  if (rest.startsWith('//')) return m.noSlashes;
  if (rest.includes(';')) return m.noUriParameters;
  if (rest.includes('?')) return m.noUriHeaders;
  const at = rest.lastIndexOf('@');
  if (at === -1) {
    const address = hostPortProblem(rest, { domain: false, bareIpv6: true }, lang);
    if (address === null) return null;
    if (/^\+?[0-9]+$/.test(rest)) return m.numberAlone(rest);
    // A host name alone (with or without a port) is a URI missing its user part.
    const [host = '', ...port] = rest.split(':');
    if (port.length <= 1 && !looksLikeIpv4(host) && domainProblem(host) === null) {
      return m.noUserPart(scheme !== '');
    }
    return address;
  }
  const user = rest.slice(0, at);
  const host = rest.slice(at + 1);
  if (user.includes('@')) return m.severalAts;
  const userIssue = sipUserProblem(user, m);
  if (userIssue !== null) return userIssue;
  if (host === '') return m.nothingAfterAt;
  return hostPortProblem(host, { domain: true, bareIpv6: false }, lang);
}

/** RFC 3261 `user`: unreserved / escaped / user-unreserved, minus ';?/' (parameters are refused). */
function sipUserProblem(user: string, m: InputMessages): string | null {
  if (user === '') return m.nothingBeforeAt;
  if (user.includes(':')) return m.noPassword;
  const escapes = user.replace(/%[0-9a-f]{2}/gi, '');
  const stray = Array.from(escapes).find((char) => !/[a-z0-9\-_.!~*'()&=+$,]/i.test(char));
  if (stray === undefined) return null;
  return stray === '%' ? m.badEscape : m.userChar(stray);
}

interface HostRules {
  /** Whether a DNS name may stand as host (in a URI) or only an IP address. */
  readonly domain: boolean;
  /** Whether an IPv6 address may go without brackets (then it cannot carry a port). */
  readonly bareIpv6: boolean;
}

function hostPortProblem(text: string, rules: HostRules, lang: InputLanguage): string | null {
  const m = inputMessages[lang];
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close === -1) return m.unmatchedBracket;
    const after = text.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return m.afterBracket(after);
    return (
      ipv6Problem(text.slice(1, close), lang) ??
      (after === '' ? null : portProblem(after.slice(1), lang))
    );
  }
  const colons = text.split(':').length - 1;
  if (colons >= 2) {
    const problem = ipv6Problem(text, lang);
    if (problem !== null || rules.bareIpv6) return problem;
    return m.bracketIpv6(text);
  }
  const [host = '', port] = text.split(':');
  if (host === '') return m.noHostBeforeColon;
  if (port !== undefined) {
    const problem = portProblem(port, lang);
    if (problem !== null) return problem;
  }
  if (looksLikeIpv4(host)) return ipv4Problem(host, lang);
  if (!rules.domain) return m.useSipForms;
  return domainProblem(host, lang);
}

const E164_MAX_DIGITS = 15;

/** Dashes people and IMEs type that NFKC leaves alone (hyphen, en and em dash, minus, 一-like). */
const DASHES = /[\u2010-\u2015\u2212\u30fc\uff70]/g;

/**
 * An E.164 number as people write it, reduced to what the API takes: digits with an optional
 * leading '+'. Full-width digits, '＋' and '－' (NFKC), spaces, dashes, dots and brackets as
 * separators. Null when the text is no such number, or needs no change: so an IPv4 address
 * ("10.0.0.1", no other separator) stays an address, and a plain "+861012345678" passes as is.
 */
export function e164Digits(text: string): string | null {
  const plain = text.normalize('NFKC').replace(DASHES, '-');
  if (!/^\+?[0-9(][0-9 ().-]*[0-9)]$/.test(plain) || !/[0-9]/.test(plain)) return null;
  const separated = /[ ()-]/.test(plain);
  if (!separated && (plain === text || plain.includes('.'))) return null;
  return plain.replace(/[ ().-]/g, '');
}

function h323Problem(text: string, lang: InputLanguage): string | null {
  const m = inputMessages[lang];
  if (/^\+?[0-9]+$/.test(text)) {
    const digits = text.replace('+', '').length;
    return digits > E164_MAX_DIGITS ? m.e164TooLong(E164_MAX_DIGITS, digits) : null;
  }
  if (text.includes('@')) return m.h323NoNameAtHost;
  if (text.startsWith('[')) return m.h323NoBrackets;
  const colons = text.split(':').length - 1;
  if (colons >= 2) return ipv6Problem(text, lang);
  if (colons === 1) {
    const host = text.slice(0, text.indexOf(':'));
    return looksLikeIpv4(host) && ipv4Problem(host) === null ? m.h323NoPort(host) : m.useH323Forms;
  }
  if (looksLikeIpv4(text)) return ipv4Problem(text, lang);
  return m.useH323Forms;
}

/**
 * A meeting_room_id: a decimal string, as the API returns it (the response schema refuses any
 * other, main/core/wemeet/schemas.ts; reference §3's example "1234567890123456789"). Kept as a
 * string, never a number: 19 digits exceed 2^53.
 */
export function parseRoomId(input: unknown, lang: InputLanguage = 'en'): Result<string> {
  const m = inputMessages[lang];
  const text = typeof input === 'string' ? trimTyped(input) : '';
  if (text === '') return fail(m.enterRoomId);
  if (text.length > MAX_ROOM_ID) return fail(m.roomIdTooLong(MAX_ROOM_ID, text.length));
  const stray = Array.from(text).find((char) => !/[\x21-\x7e]/.test(char));
  if (stray !== undefined) {
    return fail(/\s/.test(stray) ? m.roomIdSpaces(text) : m.roomIdChar(stray, text));
  }
  const letter = Array.from(text).find((char) => !/[0-9]/.test(char));
  return letter === undefined ? ok(text) : fail(m.roomIdChar(letter, text));
}

/** What the CLI flags and the app's form give: each field optional, exactly one expected. */
export interface CallTargetInput {
  readonly room?: unknown;
  readonly sip?: unknown;
  readonly h323?: unknown;
}

/**
 * Exactly one of room / sip / h323 (a field counts as given unless undefined, so an empty
 * `--sip ""` says the SIP address is empty rather than that nothing was given).
 */
export function parseCallTarget(
  input: CallTargetInput,
  lang: InputLanguage = 'en',
): Result<CallTarget> {
  const m = inputMessages[lang];
  const given = (['room', 'sip', 'h323'] as const).filter((key) => input[key] !== undefined);
  const [only, second] = given;
  if (only === undefined) return fail(m.chooseTarget);
  if (second !== undefined) return fail(m.chooseOneTarget(given));
  if (only === 'room') {
    const room = parseRoomId(input.room, lang);
    return room.ok ? ok({ kind: 'room', meetingRoomId: room.value }) : room;
  }
  const dial = parseDialString(only, input[only], lang);
  return dial.ok ? ok({ kind: 'mra', protocol: only, dialString: dial.value }) : dial;
}
