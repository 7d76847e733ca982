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
 * an optional leading `+`. It refuses ports, `number@host` (gateway dialling is not among the
 * API's documented forms: call such endpoints over SIP) and numbers written with separators.
 */
import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import type { CallTarget, DialProtocol } from '../wemeet/types';
import { domainProblem, ipv4Problem, ipv6Problem, looksLikeIpv4, portProblem } from './address';
import { schemaFromParser } from './from-parser';
import { describeChar, quote, trimTyped } from './text';

const MAX_LENGTH = 255;
const SIP_FORMS = 'an IP address (e.g. 192.168.1.20) or a SIP URI (e.g. room@vc.example.com)';
const H323_FORMS = 'an IP address (e.g. 192.168.1.20) or an E.164 number (e.g. +861012345678)';

export function parseSipDialString(input: unknown): Result<string> {
  const text = typeof input === 'string' ? trimTyped(input) : '';
  if (text === '') return fail(`Enter a SIP address: ${SIP_FORMS}.`);
  const common = commonProblem(text, 'A SIP address');
  if (common !== null) return fail(common);

  const scheme = /^sips?:/i.exec(text)?.[0] ?? '';
  const rest = text.slice(scheme.length);
  const problem = sipProblem(rest, scheme);
  return problem === null ? ok(text) : fail(`${quote(text)} is not a SIP address: ${problem}.`);
}

export function parseH323DialString(input: unknown): Result<string> {
  const text = typeof input === 'string' ? trimTyped(input) : '';
  if (text === '') return fail(`Enter an H.323 address: ${H323_FORMS}.`);
  if (/^\+?[0-9(][0-9 ().-]*[0-9]$/.test(text) && /[ ()-]/.test(text)) {
    // A phone number written for people: say which digits to send instead.
    const compact = text.replace(/[ ().-]/g, '');
    return fail(
      `${quote(text)} is not an H.323 address: an E.164 number is digits only, with an optional leading '+' (${compact}).`,
    );
  }
  const common = commonProblem(text, 'An H.323 address');
  if (common !== null) return fail(common);
  const problem = h323Problem(text);
  return problem === null ? ok(text) : fail(`${quote(text)} is not an H.323 address: ${problem}.`);
}

export function parseDialString(protocol: DialProtocol, input: unknown): Result<string> {
  return protocol === 'sip' ? parseSipDialString(input) : parseH323DialString(input);
}

/** Length, inner spaces and non-ASCII: the same words for both protocols. */
function commonProblem(text: string, what: string): string | null {
  if (text.length > MAX_LENGTH) {
    return `${what} has at most ${MAX_LENGTH} characters; this one has ${text.length}.`;
  }
  const stray = Array.from(text).find((char) => !/[\x21-\x7e]/.test(char));
  if (stray === undefined) return null;
  return /\s/.test(stray)
    ? `${what} cannot contain spaces: ${quote(text)}.`
    : `${what} cannot contain ${describeChar(stray)}: ${quote(text)}.`;
}

function sipProblem(rest: string, scheme: string): string | null {
  if (rest === '') return `nothing follows '${scheme}'`;
  if (rest.startsWith('//')) return `write sip:user@host, without '//'`;
  if (rest.includes(';')) return `URI parameters (';…') are not accepted; remove them`;
  if (rest.includes('?')) return `URI headers ('?…') are not accepted; remove them`;
  const at = rest.lastIndexOf('@');
  if (at === -1) {
    const address = hostPortProblem(rest, { domain: false, bareIpv6: true });
    if (address === null) return null;
    if (/^\+?[0-9]+$/.test(rest)) {
      return `a number alone is not a SIP address; write it as ${rest}@your-sip-domain`;
    }
    // A host name alone (with or without a port) is a URI missing its user part.
    const [host = '', ...port] = rest.split(':');
    if (port.length <= 1 && !looksLikeIpv4(host) && domainProblem(host) === null) {
      return `${scheme === '' ? 'it' : 'the URI'} has no user part; use ${SIP_FORMS}`;
    }
    return address;
  }
  const user = rest.slice(0, at);
  const host = rest.slice(at + 1);
  if (user.includes('@')) return `it contains more than one '@'`;
  const userIssue = sipUserProblem(user);
  if (userIssue !== null) return userIssue;
  if (host === '') return `nothing follows '@'`;
  return hostPortProblem(host, { domain: true, bareIpv6: false });
}

/** RFC 3261 `user`: unreserved / escaped / user-unreserved, minus ';?/' (parameters are refused). */
function sipUserProblem(user: string): string | null {
  if (user === '') return `nothing comes before '@'`;
  if (user.includes(':')) return `a password (user:password@host) is not accepted`;
  const escapes = user.replace(/%[0-9a-f]{2}/gi, '');
  const stray = Array.from(escapes).find((char) => !/[a-z0-9\-_.!~*'()&=+$,]/i.test(char));
  if (stray === undefined) return null;
  return stray === '%'
    ? `'%' in the user part must start an escape like %40`
    : `the user part cannot contain ${describeChar(stray)}`;
}

interface HostRules {
  /** Whether a DNS name may stand as host (in a URI) or only an IP address. */
  readonly domain: boolean;
  /** Whether an IPv6 address may go without brackets (then it cannot carry a port). */
  readonly bareIpv6: boolean;
}

function hostPortProblem(text: string, rules: HostRules): string | null {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close === -1) return `'[' has no matching ']'`;
    const after = text.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return `'${after}' follows ']'`;
    return ipv6Problem(text.slice(1, close)) ?? (after === '' ? null : portProblem(after.slice(1)));
  }
  const colons = text.split(':').length - 1;
  if (colons >= 2) {
    const problem = ipv6Problem(text);
    if (problem !== null || rules.bareIpv6) return problem;
    return `put an IPv6 address in brackets: [${text}]`;
  }
  const [host = '', port] = text.split(':');
  if (host === '') return `there is no host before ':'`;
  if (port !== undefined) {
    const problem = portProblem(port);
    if (problem !== null) return problem;
  }
  if (looksLikeIpv4(host)) return ipv4Problem(host);
  if (!rules.domain) return `use ${SIP_FORMS}`;
  return domainProblem(host);
}

const E164_MAX_DIGITS = 15;

function h323Problem(text: string): string | null {
  if (/^\+?[0-9]+$/.test(text)) {
    const digits = text.replace('+', '').length;
    return digits > E164_MAX_DIGITS
      ? `an E.164 number has at most ${E164_MAX_DIGITS} digits; this one has ${digits}`
      : null;
  }
  if (text.includes('@')) {
    return `use ${H323_FORMS}, not name@host; to reach a device behind a gateway, call it over SIP`;
  }
  if (text.startsWith('[')) return `write an IPv6 address without brackets (and without a port)`;
  const colons = text.split(':').length - 1;
  if (colons >= 2) return ipv6Problem(text);
  if (colons === 1) {
    const host = text.slice(0, text.indexOf(':'));
    return looksLikeIpv4(host) && ipv4Problem(host) === null
      ? `H.323 takes no port; use ${host}`
      : `use ${H323_FORMS}`;
  }
  if (looksLikeIpv4(text)) return ipv4Problem(text);
  return `use ${H323_FORMS}`;
}

export const sipDialStringSchema = schemaFromParser(parseSipDialString);
export const h323DialStringSchema = schemaFromParser(parseH323DialString);

/** A meeting_room_id as the API returns it: an opaque token, in practice a long digit string. */
export function parseRoomId(input: unknown): Result<string> {
  const text = typeof input === 'string' ? trimTyped(input) : '';
  if (text === '') return fail('Enter a meeting room ID.');
  if (text.length > 128)
    return fail(`A meeting room ID has at most 128 characters; this one has ${text.length}.`);
  const stray = Array.from(text).find((char) => !/[\x21-\x7e]/.test(char));
  if (stray !== undefined) {
    return fail(
      `A meeting room ID cannot contain ${/\s/.test(stray) ? 'spaces' : describeChar(stray)}: ${quote(text)}.`,
    );
  }
  return ok(text);
}

export const roomIdSchema = schemaFromParser(parseRoomId);

/** What the CLI flags and the app's form give: each field optional, exactly one expected. */
export interface CallTargetInput {
  readonly room?: unknown;
  readonly sip?: unknown;
  readonly h323?: unknown;
}

const TARGET_NAMES = { room: 'a meeting room', sip: 'a SIP address', h323: 'an H.323 address' };

/**
 * Exactly one of room / sip / h323 (a field counts as given unless undefined, so an empty
 * `--sip ""` says the SIP address is empty rather than that nothing was given).
 */
export function parseCallTarget(input: CallTargetInput): Result<CallTarget> {
  const given = (['room', 'sip', 'h323'] as const).filter((key) => input[key] !== undefined);
  const [only, second] = given;
  if (only === undefined) {
    return fail('Choose what to call: a meeting room, a SIP address or an H.323 address.');
  }
  if (second !== undefined) {
    const names = given.map((key) => TARGET_NAMES[key]);
    return fail(`Choose one thing to call, not ${names.join(' and ')}.`);
  }
  if (only === 'room') {
    const room = parseRoomId(input.room);
    return room.ok ? ok({ kind: 'room', meetingRoomId: room.value }) : room;
  }
  const dial = parseDialString(only, input[only]);
  return dial.ok ? ok({ kind: 'mra', protocol: only, dialString: dial.value }) : dial;
}

/** The input shape, parsed to a CallTarget with the same messages. */
export const callTargetInputSchema = z
  .object({ room: z.string().optional(), sip: z.string().optional(), h323: z.string().optional() })
  .transform((value, ctx): CallTarget => {
    const parsed = parseCallTarget(value);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  });

/** An already-built CallTarget (e.g. from the favourites store or an IPC payload), re-checked. */
export const callTargetSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('room'), meetingRoomId: z.string() }),
    z.object({ kind: z.literal('mra'), protocol: z.enum(['sip', 'h323']), dialString: z.string() }),
  ])
  .transform((value, ctx): CallTarget => {
    const parsed = parseCallTarget(
      value.kind === 'room'
        ? { room: value.meetingRoomId }
        : { [value.protocol]: value.dialString },
    );
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.message });
    return z.NEVER;
  });
