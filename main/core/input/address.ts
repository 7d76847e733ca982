/**
 * Network address checks for dial strings. Each returns null when the text is valid, or the
 * reason it is not (a clause in the given language's words, messages.ts), so the dial-string
 * parser can say exactly what is wrong. Written without node:net so the rules can run
 * in the renderer too.
 */
import { inputMessages, type InputLanguage } from './messages';

/**
 * Digits with dots are meant as an IPv4 address: a domain name's last label is never all
 * digits, so `1.2.3` or `999.1.1.1` deserve an IPv4 message rather than a host-name one.
 */
export function looksLikeIpv4(text: string): boolean {
  return /^[0-9.]+$/.test(text) && text.includes('.') && /[0-9]/.test(text);
}

/** Dotted decimal, four parts 0..255, no leading zeros (some systems read 010 as octal 8). */
export function ipv4Problem(text: string, lang: InputLanguage = 'en'): string | null {
  const m = inputMessages[lang];
  const parts = text.split('.');
  if (parts.length !== 4) return m.ipv4PartCount(text, parts.length);
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) {
      return part === '' ? m.ipv4EmptyPart(text) : m.ipv4NotNumber(part, text);
    }
    if (Number(part) > 255) return m.ipv4Above255(part, text);
    if (part.length > 1 && part.startsWith('0')) return m.ipv4LeadingZero(part, text);
  }
  return null;
}

/** RFC 4291 text forms: 8 groups, one '::', an IPv4 tail allowed. Zone IDs (%eth0) are not. */
export function ipv6Problem(text: string, lang: InputLanguage = 'en'): string | null {
  const m = inputMessages[lang];
  if (text.includes('%')) return m.ipv6ZoneId(text);
  const halves = text.split('::');
  if (halves.length > 2) return m.ipv6DoubleColon(text);
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  let count = all.length;
  const last = all.at(-1);
  if (last?.includes('.') === true) {
    // An IPv4 tail (::ffff:192.0.2.1) stands for the last two groups.
    if (ipv4Problem(last) !== null) return m.ipv6Invalid(text);
    const tailGroups = groups.at(-1) ?? [];
    if (tailGroups.at(-1) !== last) return m.ipv6Invalid(text);
    count += 1;
    all.pop();
  }
  const compressed = halves.length === 2;
  const valid =
    all.every((group) => /^[0-9a-f]{1,4}$/i.test(group)) && (compressed ? count <= 7 : count === 8);
  return valid ? null : m.ipv6Invalid(text);
}

/** A DNS host name (RFC 1123 labels), ASCII only: internationalised names go in punycode. */
export function domainProblem(text: string, lang: InputLanguage = 'en'): string | null {
  const m = inputMessages[lang];
  if (text.length > 253) return m.hostTooLong;
  if (/^[0-9]+$/.test(text.split('.').at(-1) ?? '')) return m.hostNotHostOrIp(text);
  for (const label of text.split('.')) {
    if (label === '') return m.hostEmptyPart(text);
    if (label.length > 63) return m.hostLabelTooLong(label.slice(0, 20));
    const stray = Array.from(label).find((char) => !/[a-z0-9-]/i.test(char));
    if (stray !== undefined) return m.hostContains(text, stray);
    if (label.startsWith('-') || label.endsWith('-')) return m.hostLabelHyphen(label);
  }
  return null;
}

export function portProblem(text: string, lang: InputLanguage = 'en'): string | null {
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    return inputMessages[lang].portInvalid(text);
  }
  return null;
}
