import { parseDialString, parseRoomId } from '../input/dial-string';
import type { InputLanguage } from '../input/messages';
import { trimTyped } from '../input/text';
import type { DialProtocol } from '../../shared/rules/targets';
import { favoriteMessages, type FavoriteMessages } from './favorite-messages';
import {
  MAX_ROOM_TEXT,
  type AddressFavorite,
  type Favorite,
} from '../../shared/model/favorites-schema';
import { MAX_LABEL } from '../../shared/rules/favorites';
import { isPlainObject } from './safe-json';

/**
 * The rules one favourite must meet, whatever it comes from (the UI, the CLI, an import file,
 * the organisation's configuration), with their messages in both languages. Pure: no Node,
 * no file access. The store is favorites.ts; imports and exports are favorites-import.ts.
 */

export type FavoriteErrorKind = 'invalid' | 'not-found' | 'out-of-range' | 'full' | 'duplicate';

export class FavoriteError extends Error {
  readonly kind: FavoriteErrorKind;
  constructor(kind: FavoriteErrorKind, message: string) {
    super(message);
    this.name = 'FavoriteError';
    this.kind = kind;
  }
}

/** A favourite before it has an id, as the UI, the CLI or an import file gives it. */
export type NewFavorite =
  | {
      readonly kind: 'room';
      readonly meetingRoomId: string;
      readonly name?: string;
      readonly location?: string;
      readonly label?: string | null;
    }
  | {
      readonly kind: 'mra';
      readonly protocol: DialProtocol;
      readonly dialString: string;
      readonly label?: string | null;
    };

/** What editing an address favourite replaces: everything but its id and its place. */
export interface AddressChange {
  readonly protocol: DialProtocol;
  readonly dialString: string;
  readonly label?: string | null;
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * Bidirectional formatting characters (embeddings, overrides, isolates, the LRM/RLM/ALM
 * marks): invisible, they reorder the text around them ("Trojan Source", CVE-2021-42574), so
 * a label could read as another room's name or hide what it dials. A label never needs them.
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/**
 * Trims; an empty label means "no label". The message is in `lang` (favorite-messages.ts):
 * an English clause for the CLI to build into its sentence, a Chinese sentence for a window.
 */
export function checkLabel(input: unknown, lang: InputLanguage = 'en'): Checked<string | null> {
  const m = favoriteMessages[lang];
  if (input === undefined || input === null) return { ok: true, value: null };
  if (typeof input !== 'string') return { ok: false, message: m.labelNotText };
  const label = trimTyped(input);
  if (label === '') return { ok: true, value: null };
  // C0 and C1 controls (\p{Cc} includes U+0085 NEXT LINE) break lines and move terminals' cursors.
  if (/\p{Cc}/u.test(label)) return { ok: false, message: m.labelControl };
  if (BIDI_CONTROLS.test(label)) return { ok: false, message: m.labelBidi };
  if (label.length > MAX_LABEL) return { ok: false, message: m.labelTooLong(MAX_LABEL) };
  return { ok: true, value: label };
}

function checkRoomText(
  input: unknown,
  field: 'name' | 'location',
  m: FavoriteMessages,
): Checked<string> {
  if (input === undefined || input === null) return { ok: true, value: '' };
  if (typeof input !== 'string') return { ok: false, message: m.roomTextNotText(field) };
  const text = trimTyped(input);
  return text.length > MAX_ROOM_TEXT
    ? { ok: false, message: m.roomTextTooLong(field, MAX_ROOM_TEXT) }
    : { ok: true, value: text };
}

type Unidentified<T> = T extends Favorite ? Omit<T, 'id'> : never;
export type FavoriteFields = Unidentified<Favorite>;

/**
 * Validates one favourite from any source with the input parsers' rules and messages, and
 * the favourites' own (in `lang`, for a window; English by default, for the CLI).
 */
export function checkNewFavorite(
  input: unknown,
  lang: InputLanguage = 'en',
): Checked<FavoriteFields> {
  const m = favoriteMessages[lang];
  if (!isPlainObject(input)) return { ok: false, message: m.notObject };
  // Hand-written lists may leave `kind` out: what the entry holds says which it is.
  const kind =
    input['kind'] ?? ('meetingRoomId' in input ? 'room' : 'protocol' in input ? 'mra' : undefined);
  const label = checkLabel(input['label'], lang);
  if (!label.ok) return label;

  if (kind === 'room') {
    const room = parseRoomId(input['meetingRoomId'], lang);
    if (!room.ok) return room;
    const name = checkRoomText(input['name'], 'name', m);
    if (!name.ok) return name;
    const location = checkRoomText(input['location'], 'location', m);
    if (!location.ok) return location;
    return {
      ok: true,
      value: {
        kind: 'room',
        meetingRoomId: room.value,
        name: name.value,
        location: location.value,
        label: label.value,
      },
    };
  }
  if (kind === 'mra') {
    return checkAddress(input['protocol'], input['dialString'], label.value, lang);
  }
  return { ok: false, message: m.kindInvalid };
}

/** The address rules, shared by adding, importing and editing so they can never drift apart. */
export function checkAddress(
  protocol: unknown,
  dialString: unknown,
  label: string | null,
  lang: InputLanguage,
): Checked<Omit<AddressFavorite, 'id'>> {
  if (protocol !== 'sip' && protocol !== 'h323') {
    return { ok: false, message: favoriteMessages[lang].protocolInvalid };
  }
  const dial = parseDialString(protocol, dialString, lang);
  if (!dial.ok) return dial;
  return { ok: true, value: { kind: 'mra', protocol, dialString: dial.value, label } };
}

/** How an entry is named in a report: what it calls, never more than a line. */
export function describeEntry(input: unknown, m: FavoriteMessages): string {
  if (typeof input !== 'object' || input === null) return m.entryUnknown;
  const entry = input as Record<string, unknown>;
  const room = entry['meetingRoomId'];
  const dial = entry['dialString'];
  if (typeof room === 'string') return m.entryRoom(room);
  if (typeof dial === 'string') {
    return m.entryAddress(entry['protocol'] === 'h323' ? 'h323' : 'sip', dial);
  }
  return m.entryUnknown;
}
