/**
 * Clean-up and quoting shared by the input parsers. What people paste comes from chat apps,
 * e-mails and PDFs: full-width digits from an IME, zero-width characters, non-breaking spaces.
 */

/** Characters that are invisible but survive copy and paste (and trim() misses most of them). */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200D\u2060\uFEFF]/g;

/**
 * NFKC turns full-width digits, letters and punctuation (０-９, －, ：, the ideographic
 * space) into their ASCII forms; then invisible characters go and whitespace is trimmed.
 */
export function cleanTyped(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').trim();
}

/** Trims whitespace and invisible characters at the ends only: the inside stays as typed. */
export function trimTyped(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isTrimmable(text.charAt(start))) start += 1;
  while (end > start && isTrimmable(text.charAt(end - 1))) end -= 1;
  return text.slice(start, end);
}

function isTrimmable(char: string): boolean {
  return char.trim() === '' || new RegExp(INVISIBLE.source).test(char);
}

const QUOTE_LIMIT = 48;

/** The input shortened for a message, so a pasted paragraph stays readable. */
export function shorten(text: string): string {
  const chars = Array.from(text);
  return chars.length > QUOTE_LIMIT ? `${chars.slice(0, QUOTE_LIMIT - 1).join('')}…` : text;
}

/** The input in quotes for an English message, shortened (messages.ts quotes Chinese ones). */
export function quote(text: string): string {
  return `'${shorten(text)}'`;
}

/** A character for an English message: printable ones in quotes, others as U+XXXX. */
export function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const printable = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char);
  return printable ? `'${char}'` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
