import { foldForSearch } from '../lib/search-text';

/**
 * How a row shows a long name in the popover's narrow window. Rooms of one building differ at
 * the end of their names ("深圳腾讯滨海大厦 18F 1801 会议室" / "… 1802 会议室"), which is
 * exactly where a plain ellipsis cuts: the row keeps the tail and shortens the head instead.
 */
export interface NameParts {
  /** May be shortened with an ellipsis. Empty when the whole name is the tail. */
  readonly head: string;
  /** Always shown: from the last token with a digit (the room number) to the end. */
  readonly tail: string;
}

/** Characters a room number is written with around its digits: "1801", "A-1203", "L12". */
const NUMBER_CHAR = /[A-Za-z0-9\-_.#/]/;
const DIGIT = /[0-9]/;
/** A short last word ("泰山厅", "Boardroom") is the distinguishing part of a name without digits. */
const SHORT_WORD = 10;

export function splitName(name: string): NameParts {
  let end = name.length;
  while (end > 0 && !DIGIT.test(name.charAt(end - 1))) end -= 1;
  let start: number;
  if (end > 0) {
    start = end - 1;
    while (start > 0 && NUMBER_CHAR.test(name.charAt(start - 1))) start -= 1;
  } else {
    start = name.trimEnd().lastIndexOf(' ') + 1;
    if (start === 0 || name.length - start > SHORT_WORD) return { head: name, tail: '' };
  }
  return { head: name.slice(0, start), tail: name.slice(start) };
}

/** Separators of names and locations: "深圳·滨海大厦 18F" and "深圳-滨海大厦-18" say the same. */
const SEPARATOR = /[\s·・\-_/|,，、]/u;
const SEPARATORS = new RegExp(`${SEPARATOR.source}+`, 'gu');
const HAN = /\p{Script=Han}/u;

/** Whether position `at` of a text is between two words (Chinese has no spaces to go by). */
function wordBoundary(text: string, at: number): boolean {
  const before = text.charAt(at - 1);
  const after = text.charAt(at);
  return SEPARATOR.test(before) || SEPARATOR.test(after) || HAN.test(before) !== HAN.test(after);
}

/** Folded, without separators: "深圳-腾讯滨海大厦-18" is part of "深圳腾讯滨海大厦 18F 1801". */
function comparable(text: string): string {
  return foldForSearch(text).replace(SEPARATORS, '');
}

/**
 * What a room's location adds to its name: nothing when the name already holds each of its
 * parts ("深圳-滨海大厦-18" under "深圳·滨海大厦 18F 1801 会议室"), else the location without
 * the words it shares with the start of the name ("深圳-滨海大厦-20" under it → "20"), so the
 * row's second line never repeats its first.
 */
export function locationBeyondName(name: string, location: string): string {
  const place = location.trim();
  const inName = comparable(name);
  const parts = place.split(SEPARATORS).filter((part) => part !== '');
  if (parts.every((part) => inName.includes(comparable(part)))) return '';
  // The shared start, compared character by character, separators skipped on both sides…
  let shared = 0;
  let next = 0;
  for (let at = 0; at < place.length && next <= name.length; at += 1) {
    const char = place.charAt(at);
    if (SEPARATOR.test(char)) continue;
    while (SEPARATOR.test(name.charAt(next))) next += 1;
    if (foldForSearch(char) !== foldForSearch(name.charAt(next))) break;
    next += 1;
    shared = at + 1;
  }
  // …cut back to a word's end: at a separator, or where Chinese meets other writing.
  while (shared > 0 && !wordBoundary(place, shared)) shared -= 1;
  const rest = place.slice(shared).replace(new RegExp(`^${SEPARATOR.source}+`, 'u'), '');
  return rest === '' ? place : rest;
}
