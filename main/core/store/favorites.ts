import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { parseDialString, parseRoomId } from '../input/dial-string';
import type { InputLanguage } from '../input/messages';
import { trimTyped } from '../input/text';
import {
  openJsonDocument,
  type JsonDocument,
  type JsonDocumentOptions,
  type LoadedDocument,
} from './json-document';
import { DEFAULT_MAX_FILE_BYTES } from './atomic-file';
import { favoriteMessages, type FavoriteMessages } from './favorite-messages';
import {
  FAVORITES_VERSION,
  favoritesFileSchema,
  MAX_FAVORITES,
  MAX_ROOM_TEXT,
  type AddressFavorite,
  type Favorite,
} from '../../shared/model/favorites-schema';
import { STORE_FILES } from './paths';
import { parseJsonBytes, parseJsonText } from './safe-json';
import { targetKey } from '../../shared/rules/targets';
import { favoriteDisplayName } from '../../shared/rules/favorites';
import { MAX_LABEL } from '../../shared/rules/favorites';
import type { DialProtocol } from '../../shared/rules/targets';

/**
 * Favourites: meeting rooms (by meeting_room_id, with the name and location last seen) and
 * SIP/H.323 addresses, in the user's order. No two favourites call the same thing. The data
 * model is main/shared/model/favorites-schema.ts; this module validates input, imports and
 * exports, and keeps the file.
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

type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

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
  if (/\p{Cc}/u.test(label)) return { ok: false, message: m.labelControl };
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
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, message: m.notObject };
  }
  const entry = input as Record<string, unknown>;
  // Hand-written lists may leave `kind` out: what the entry holds says which it is.
  const kind =
    entry['kind'] ?? ('meetingRoomId' in entry ? 'room' : 'protocol' in entry ? 'mra' : undefined);
  const label = checkLabel(entry['label'], lang);
  if (!label.ok) return label;

  if (kind === 'room') {
    const room = parseRoomId(entry['meetingRoomId'], lang);
    if (!room.ok) return room;
    const name = checkRoomText(entry['name'], 'name', m);
    if (!name.ok) return name;
    const location = checkRoomText(entry['location'], 'location', m);
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
    return checkAddress(entry['protocol'], entry['dialString'], label.value, lang);
  }
  return { ok: false, message: m.kindInvalid };
}

/** The address rules, shared by adding, importing and editing so they can never drift apart. */
function checkAddress(
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
function describeEntry(input: unknown, m: FavoriteMessages): string {
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

const EXPORT_FORMAT = 'roomcall-favorites';
const EXPORT_VERSION = 1;

export interface FavoritesExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly favorites: readonly Record<string, unknown>[];
}

/** The portable form: no ids (they are local), no empty fields. */
export function buildFavoritesExport(items: readonly Favorite[]): FavoritesExport {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    favorites: items.map((item) => {
      const label = item.label === null ? {} : { label: item.label };
      if (item.kind === 'room') {
        return {
          kind: 'room',
          meetingRoomId: item.meetingRoomId,
          ...(item.name === '' ? {} : { name: item.name }),
          ...(item.location === '' ? {} : { location: item.location }),
          ...label,
        };
      }
      return { kind: 'mra', protocol: item.protocol, dialString: item.dialString, ...label };
    }),
  };
}

export interface ImportSkip {
  /** 1-based position of the entry in the imported list. */
  readonly position: number;
  readonly entry: string;
  readonly reason: string;
}

export interface ImportReport {
  readonly added: readonly Favorite[];
  readonly skipped: readonly ImportSkip[];
}

export interface ImportPlan {
  readonly add: readonly FavoriteFields[];
  readonly skipped: readonly ImportSkip[];
}

/**
 * Decides, entry by entry, what an import adds to `existing` and why it skips the rest (the
 * reasons and entry names in `lang`). Throws FavoriteError('invalid') when the document as a
 * whole is not a RoomCall favourites export.
 */
function planFavoritesImport(
  document: unknown,
  existing: readonly Favorite[],
  lang: InputLanguage = 'en',
): ImportPlan {
  const m = favoriteMessages[lang];
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new FavoriteError('invalid', m.importNotObject);
  }
  const record = document as Record<string, unknown>;
  if (record['format'] !== EXPORT_FORMAT) {
    throw new FavoriteError('invalid', m.importWrongFormat(EXPORT_FORMAT));
  }
  const version = record['version'];
  if (version !== EXPORT_VERSION) {
    throw new FavoriteError(
      'invalid',
      typeof version === 'number' && version > EXPORT_VERSION
        ? m.importNewerVersion(version, EXPORT_VERSION)
        : m.importNoVersion,
    );
  }
  const entries = record['favorites'];
  if (!Array.isArray(entries)) throw new FavoriteError('invalid', m.importNoList);

  const keys = new Map<string, 'existing' | number>();
  for (const item of existing) keys.set(targetKey(item), 'existing');
  let room = MAX_FAVORITES - existing.length;
  const add: FavoriteFields[] = [];
  const skipped: ImportSkip[] = [];
  entries.forEach((entry: unknown, index) => {
    const position = index + 1;
    const skip = (reason: string): void => {
      skipped.push({ position, entry: describeEntry(entry, m), reason });
    };
    const checked = checkNewFavorite(entry, lang);
    if (!checked.ok) {
      skip(checked.message);
      return;
    }
    const key = targetKey(checked.value);
    const seen = keys.get(key);
    if (seen === 'existing') {
      skip(m.skipExisting);
      return;
    }
    if (seen !== undefined) {
      skip(m.skipRepeated(seen));
      return;
    }
    if (room <= 0) {
      skip(m.skipFull(MAX_FAVORITES));
      return;
    }
    keys.set(key, position);
    room -= 1;
    add.push(checked.value);
  });
  return { add, skipped };
}

export type AddFavoriteResult =
  | { readonly status: 'added'; readonly favorite: Favorite }
  | { readonly status: 'duplicate'; readonly favorite: Favorite };

export type FavoriteLookup<T extends Favorite = Favorite> =
  | { readonly status: 'found'; readonly favorite: T; readonly position: number }
  | { readonly status: 'none' }
  | { readonly status: 'ambiguous'; readonly matches: readonly T[] };

/**
 * Finds the favourite a person means: its id, its 1-based position (as `favorites list`
 * numbers them), or its name (case-insensitively) or dial string / room ID. Any list of
 * favourites: the stored ones, or those listed with the organisation's (ListedFavorite).
 */
export function findFavorite<T extends Favorite>(
  items: readonly T[],
  ref: string,
): FavoriteLookup<T> {
  const text = trimTyped(ref);
  const byId = items.findIndex((item) => item.id === text);
  if (byId !== -1) return found(items, byId);
  if (/^\d+$/.test(text)) {
    const position = Number(text);
    if (position >= 1 && position <= items.length) return found(items, position - 1);
  }
  const wanted = text.toLowerCase();
  const matches = items.filter((item) => {
    const target = item.kind === 'room' ? item.meetingRoomId : item.dialString;
    return favoriteDisplayName(item).toLowerCase() === wanted || target.toLowerCase() === wanted;
  });
  const [only, second] = matches;
  if (only === undefined) return { status: 'none' };
  if (second !== undefined) return { status: 'ambiguous', matches };
  return found(items, items.indexOf(only));
}

function found<T extends Favorite>(items: readonly T[], index: number): FavoriteLookup<T> {
  const favorite = items[index];
  return favorite === undefined
    ? { status: 'none' }
    : { status: 'found', favorite, position: index + 1 };
}

/** The directory fields a favourite remembers. */
export interface SeenRoom {
  readonly meeting_room_id: string;
  readonly meeting_room_name: string;
  readonly meeting_room_location: string;
}

/**
 * Reads an import file's content (bytes or text) as JSON, with the same size and depth limits
 * as RoomCall's own files. Throws FavoriteError('invalid') with a reason in `lang`, never the
 * content.
 */
export function parseFavoritesFile(
  content: string | Uint8Array,
  lang: InputLanguage = 'en',
): unknown {
  const m = favoriteMessages[lang];
  const size = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (size > DEFAULT_MAX_FILE_BYTES) {
    throw new FavoriteError('invalid', m.fileTooLarge(DEFAULT_MAX_FILE_BYTES));
  }
  const parsed = typeof content === 'string' ? parseJsonText(content) : parseJsonBytes(content);
  if (parsed.ok) return parsed.value;
  throw new FavoriteError('invalid', m.fileNotReadable(parsed.problem));
}

export interface FavoritesStore {
  readonly file: string;
  load(): Promise<LoadedDocument<readonly Favorite[]>>;
  /**
   * Adds at the end; an existing favourite for the same target is returned instead. `lang`:
   * the language of the messages (the input parsers' and favorite-messages.ts; English by
   * default), as in the methods below.
   */
  add(input: NewFavorite, lang?: InputLanguage): Promise<AddFavoriteResult>;
  /** Sets the label; null or '' removes it. */
  rename(id: string, label: string | null, lang?: InputLanguage): Promise<Favorite>;
  /**
   * Replaces an address favourite's protocol, dial string and label in one write, keeping its
   * id and place. Refuses (and writes nothing) when the address is not valid, when another
   * favourite already calls it, when there is no such favourite, or when it is a room.
   */
  updateAddress(id: string, change: AddressChange, lang?: InputLanguage): Promise<AddressFavorite>;
  /** The removed favourite, or null when there was none with that id. */
  remove(id: string): Promise<Favorite | null>;
  /** Moves a favourite to a 0-based index; resolves to the new order. */
  move(id: string, toIndex: number, lang?: InputLanguage): Promise<readonly Favorite[]>;
  /** Updates room favourites' name and location from a fresh directory listing. */
  refreshRooms(rooms: readonly SeenRoom[]): Promise<number>;
  exportFavorites(): Promise<FavoritesExport>;
  /** Merges a parsed export file: validates every entry and reports what it skipped and why. */
  importFavorites(document: unknown, lang?: InputLanguage): Promise<ImportReport>;
}

export interface FavoritesOptions extends JsonDocumentOptions {
  /** Tests pass a counter; ids only need to be unique within the list. */
  readonly newId?: () => string;
}

type FavoritesFile = z.output<typeof favoritesFileSchema>;

export function openFavorites(options: FavoritesOptions): FavoritesStore {
  const document: JsonDocument<FavoritesFile> = openJsonDocument(
    {
      name: 'favourites',
      fileName: STORE_FILES.favorites,
      version: FAVORITES_VERSION,
      schema: favoritesFileSchema,
    },
    options,
  );
  const makeId = options.newId ?? (() => randomBytes(6).toString('hex'));

  function identify(items: readonly Favorite[], fields: FavoriteFields): Favorite {
    const taken = new Set(items.map((item) => item.id));
    let id = makeId();
    while (taken.has(id)) id = makeId();
    return { ...fields, id };
  }

  /** Runs `change` on a copy of the saved list; saves only when an entry actually changed. */
  async function edit<R>(
    change: (items: Favorite[]) => { items: Favorite[]; result: R },
  ): Promise<R> {
    let outcome: { result: R } | undefined;
    await document.update((current) => {
      const next = change([...current.items]);
      outcome = next;
      const same =
        next.items.length === current.items.length &&
        next.items.every((item, index) => item === current.items[index]);
      return same ? current : { items: next.items };
    });
    if (outcome === undefined) throw new Error('favourites: the update did not run');
    return outcome.result;
  }

  function indexOf(items: readonly Favorite[], id: string, lang: InputLanguage): number {
    const index = items.findIndex((item) => item.id === id);
    if (index === -1) throw new FavoriteError('not-found', favoriteMessages[lang].notFound(id));
    return index;
  }

  return {
    file: document.file,

    async load() {
      const loaded = await document.load();
      return { value: loaded.value.items, readOnly: loaded.readOnly };
    },

    async add(input, lang = 'en') {
      const checked = checkNewFavorite(input, lang);
      if (!checked.ok) throw new FavoriteError('invalid', checked.message);
      return edit<AddFavoriteResult>((items) => {
        const key = targetKey(checked.value);
        const existing = items.find((item) => targetKey(item) === key);
        if (existing !== undefined)
          return { items, result: { status: 'duplicate', favorite: existing } };
        if (items.length >= MAX_FAVORITES) {
          throw new FavoriteError('full', favoriteMessages[lang].full(MAX_FAVORITES));
        }
        const favorite = identify(items, checked.value);
        return { items: [...items, favorite], result: { status: 'added', favorite } };
      });
    },

    async rename(id, label, lang = 'en') {
      const checked = checkLabel(label, lang);
      if (!checked.ok) throw new FavoriteError('invalid', checked.message);
      return edit((items) => {
        const index = indexOf(items, id, lang);
        const favorite = { ...(items[index] as Favorite), label: checked.value };
        items[index] = favorite;
        return { items, result: favorite };
      });
    },

    async updateAddress(id, change, lang = 'en') {
      const m = favoriteMessages[lang];
      const label = checkLabel(change.label, lang);
      if (!label.ok) throw new FavoriteError('invalid', label.message);
      const checked = checkAddress(change.protocol, change.dialString, label.value, lang);
      if (!checked.ok) throw new FavoriteError('invalid', checked.message);
      const fields = checked.value;
      // Every check runs inside the one update, against the list as it is on disk, and throws
      // before anything is written: an edit either happens whole or not at all.
      return edit((items) => {
        const index = indexOf(items, id, lang);
        const current = items[index] as Favorite;
        if (current.kind !== 'mra') {
          throw new FavoriteError('invalid', m.roomNotAddress(favoriteDisplayName(current)));
        }
        // The same rule as add: no two favourites call the same thing. Itself does not count,
        // so changing only the case or the `sip:` prefix of its own address is allowed.
        const key = targetKey(fields);
        const other = items.find((item) => item.id !== id && targetKey(item) === key);
        if (other !== undefined) {
          throw new FavoriteError(
            'duplicate',
            m.addressTaken(fields.protocol, fields.dialString, favoriteDisplayName(other)),
          );
        }
        const unchanged =
          current.protocol === fields.protocol &&
          current.dialString === fields.dialString &&
          current.label === fields.label;
        // Handing back the same entry tells edit() there is nothing to write.
        if (unchanged) return { items, result: current };
        const updated: AddressFavorite = { ...fields, id: current.id };
        items[index] = updated;
        return { items, result: updated };
      });
    },

    remove(id) {
      return edit((items) => {
        const index = items.findIndex((item) => item.id === id);
        if (index === -1) return { items, result: null };
        const [removed] = items.splice(index, 1);
        return { items, result: removed ?? null };
      });
    },

    move(id, toIndex, lang = 'en') {
      return edit((items) => {
        const from = indexOf(items, id, lang);
        if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= items.length) {
          throw new FavoriteError(
            'out-of-range',
            favoriteMessages[lang].outOfRange(toIndex + 1, items.length),
          );
        }
        const [moving] = items.splice(from, 1);
        if (moving !== undefined) items.splice(toIndex, 0, moving);
        return { items, result: items };
      });
    },

    refreshRooms(rooms) {
      const seen = new Map(rooms.map((room) => [room.meeting_room_id, room]));
      return edit((items) => {
        let changed = 0;
        const next = items.map((item) => {
          const room = item.kind === 'room' ? seen.get(item.meetingRoomId) : undefined;
          if (item.kind !== 'room' || room === undefined) return item;
          const name = room.meeting_room_name.slice(0, MAX_ROOM_TEXT);
          const location = room.meeting_room_location.slice(0, MAX_ROOM_TEXT);
          if (name === item.name && location === item.location) return item;
          changed += 1;
          return { ...item, name, location };
        });
        return { items: next, result: changed };
      });
    },

    async exportFavorites() {
      const loaded = await document.load();
      return buildFavoritesExport(loaded.value.items);
    },

    importFavorites(imported, lang) {
      return edit((items) => {
        const plan = planFavoritesImport(imported, items, lang);
        const added: Favorite[] = [];
        for (const fields of plan.add) {
          const favorite = identify([...items, ...added], fields);
          added.push(favorite);
        }
        return { items: [...items, ...added], result: { added, skipped: plan.skipped } };
      });
    },
  };
}
