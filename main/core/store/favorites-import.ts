import type { InputLanguage } from '../input/messages';
import { favoriteMessages } from './favorite-messages';
import {
  checkNewFavorite,
  describeEntry,
  FavoriteError,
  type FavoriteFields,
} from './favorites-check';
import { MAX_FAVORITES, type Favorite } from '../../shared/model/favorites-schema';
import { targetKey } from '../../shared/rules/targets';
import { isPlainObject, parseJsonBytes, parseJsonText } from './safe-json';

/**
 * The portable favourites file: export, and import of a file someone else wrote. Favourites
 * files are passed between colleagues, so an import file is untrusted input, and every cost
 * of an import is bounded before the work starts:
 * - its size (MAX_IMPORT_BYTES), checked before it is read or parsed;
 * - its number of entries (MAX_IMPORT_ENTRIES), checked after the (size-bounded) parse and
 *   before any entry is validated;
 * - the report: counts, and the reasons for the first MAX_REPORTED_SKIPS skipped entries only.
 * A 5 MB file of 2.6 million bogus entries once made an import peak at 1.2 GB and print
 * 250 MB of reasons; now it is refused in milliseconds with one sentence (issue 15).
 */

export const EXPORT_FORMAT = 'roomcall-favorites';
export const EXPORT_VERSION = 1;

/**
 * The largest import file. An export of the most favourites there can be (500), every field at
 * its longest and in Chinese (3 bytes a character), pretty-printed, is about 1 MB; 2 MiB leaves
 * room for a hand-written file while refusing a hostile one before reading it.
 */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/**
 * The most entries an import file may list: four times what the list can hold, so a file that
 * repeats favourites already there still imports, while a list of millions is refused whole.
 */
export const MAX_IMPORT_ENTRIES = 4 * MAX_FAVORITES;

/** How many skipped entries a report names with their reasons; the rest are only counted. */
export const MAX_REPORTED_SKIPS = 20;

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

export interface ImportPlan {
  readonly add: readonly FavoriteFields[];
  /** The first MAX_REPORTED_SKIPS skipped entries, in the file's order. */
  readonly skipped: readonly ImportSkip[];
  /** How many entries were skipped in all (skipped.length when it is not more). */
  readonly skippedCount: number;
}

/** What an import did: the plan's skips, and the favourites it added (with their ids). */
export interface ImportReport extends Omit<ImportPlan, 'add'> {
  readonly added: readonly Favorite[];
}

/**
 * Decides, entry by entry, what an import adds to `existing` and why it skips the rest (the
 * reasons and entry names in `lang`). Throws FavoriteError('invalid') when the document as a
 * whole is not a RoomCall favourites export, or lists more than MAX_IMPORT_ENTRIES entries.
 */
export function planFavoritesImport(
  document: unknown,
  existing: readonly Favorite[],
  lang: InputLanguage = 'en',
): ImportPlan {
  const m = favoriteMessages[lang];
  if (!isPlainObject(document)) throw new FavoriteError('invalid', m.importNotObject);
  if (document['format'] !== EXPORT_FORMAT) {
    throw new FavoriteError('invalid', m.importWrongFormat(EXPORT_FORMAT));
  }
  const version = document['version'];
  if (version !== EXPORT_VERSION) {
    throw new FavoriteError(
      'invalid',
      typeof version === 'number' && version > EXPORT_VERSION
        ? m.importNewerVersion(version, EXPORT_VERSION)
        : m.importNoVersion,
    );
  }
  const entries = document['favorites'];
  if (!Array.isArray(entries)) throw new FavoriteError('invalid', m.importNoList);
  if (entries.length > MAX_IMPORT_ENTRIES) {
    throw new FavoriteError('invalid', m.importTooManyEntries(entries.length, MAX_IMPORT_ENTRIES));
  }

  const keys = new Map<string, 'existing' | number>();
  for (const item of existing) keys.set(targetKey(item), 'existing');
  let room = MAX_FAVORITES - existing.length;
  const add: FavoriteFields[] = [];
  const skipped: ImportSkip[] = [];
  let skippedCount = 0;
  entries.forEach((entry: unknown, index) => {
    const position = index + 1;
    const skip = (reason: string): void => {
      skippedCount += 1;
      if (skipped.length < MAX_REPORTED_SKIPS) {
        skipped.push({ position, entry: describeEntry(entry, m), reason });
      }
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
  return { add, skipped, skippedCount };
}

/** Refuses content over MAX_IMPORT_BYTES (FavoriteError, in `lang`) before any work on it. */
export function checkImportSize(bytes: number, lang: InputLanguage = 'en'): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new FavoriteError('invalid', favoriteMessages[lang].fileTooLarge(MAX_IMPORT_BYTES));
  }
}

/**
 * Reads an import file's content (bytes or text) as JSON: at most MAX_IMPORT_BYTES (checked
 * first), nested no deeper than RoomCall's own files. Throws FavoriteError('invalid') with a
 * reason in `lang`, never the content.
 */
export function parseFavoritesFile(
  content: string | Uint8Array,
  lang: InputLanguage = 'en',
): unknown {
  const m = favoriteMessages[lang];
  // A string's UTF-8 size is at least its length: a long one is refused without counting.
  const size =
    typeof content !== 'string'
      ? content.byteLength
      : content.length > MAX_IMPORT_BYTES
        ? content.length
        : Buffer.byteLength(content);
  checkImportSize(size, lang);
  const parsed = typeof content === 'string' ? parseJsonText(content) : parseJsonBytes(content);
  if (parsed.ok) return parsed.value;
  throw new FavoriteError('invalid', m.fileNotReadable(parsed.problem));
}
