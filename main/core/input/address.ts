/**
 * Network address checks for dial strings. Each returns null when the text is valid, or the
 * reason it is not, so the dial-string parser can say exactly what is wrong. Written without
 * node:net so the rules can run wherever the schemas are imported.
 */

const IPV4_EXAMPLE = 'e.g. 192.168.1.20';

/**
 * Digits with dots are meant as an IPv4 address: a domain name's last label is never all
 * digits, so `1.2.3` or `999.1.1.1` deserve an IPv4 message rather than a host-name one.
 */
export function looksLikeIpv4(text: string): boolean {
  return /^[0-9.]+$/.test(text) && text.includes('.') && /[0-9]/.test(text);
}

/** Dotted decimal, four parts 0..255, no leading zeros (some systems read 010 as octal 8). */
export function ipv4Problem(text: string): string | null {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return `an IPv4 address has 4 numbers separated by dots (${IPV4_EXAMPLE}); '${text}' has ${parts.length}`;
  }
  for (const part of parts) {
    if (!/^[0-9]{1,3}$/.test(part)) {
      return part === ''
        ? `'${text}' has an empty part between dots`
        : `'${part}' in '${text}' is not a number from 0 to 255`;
    }
    if (Number(part) > 255) return `${part} in '${text}' is above 255`;
    if (part.length > 1 && part.startsWith('0')) {
      return `'${part}' in '${text}' has a leading zero`;
    }
  }
  return null;
}

/** RFC 4291 text forms: 8 groups, one '::', an IPv4 tail allowed. Zone IDs (%eth0) are not. */
export function ipv6Problem(text: string): string | null {
  const invalid = `'${text}' is not a valid IPv6 address`;
  if (text.includes('%')) return `${invalid}: zone IDs ('%…') are not accepted`;
  const halves = text.split('::');
  if (halves.length > 2) return `${invalid}: '::' may appear only once`;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  const all = groups.flat();
  let count = all.length;
  const last = all.at(-1);
  if (last?.includes('.') === true) {
    // An IPv4 tail (::ffff:192.0.2.1) stands for the last two groups.
    if (ipv4Problem(last) !== null) return invalid;
    const tailGroups = groups.at(-1) ?? [];
    if (tailGroups.at(-1) !== last) return invalid;
    count += 1;
    all.pop();
  }
  if (!all.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return invalid;
  const compressed = halves.length === 2;
  if (compressed ? count > 7 : count !== 8) return invalid;
  return null;
}

/** A DNS host name (RFC 1123 labels), ASCII only: internationalised names go in punycode. */
export function domainProblem(text: string): string | null {
  if (text.length > 253) return `the host name is longer than 253 characters`;
  if (/^[0-9]+$/.test(text.split('.').at(-1) ?? '')) {
    return `'${text}' is neither a host name nor an IP address`;
  }
  for (const label of text.split('.')) {
    if (label === '') return `the host name '${text}' has an empty part between dots`;
    if (label.length > 63)
      return `'${label.slice(0, 20)}…' in the host name is longer than 63 characters`;
    const stray = Array.from(label).find((char) => !/[a-z0-9-]/i.test(char));
    if (stray !== undefined) return `the host name '${text}' contains '${stray}'`;
    if (label.startsWith('-') || label.endsWith('-')) {
      return `'${label}' in the host name starts or ends with '-'`;
    }
  }
  return null;
}

export function portProblem(text: string): string | null {
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) {
    return `the port '${text}' is not a number from 1 to 65535`;
  }
  return null;
}
