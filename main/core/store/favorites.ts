import { randomBytes } from 'node:crypto';
import type { InputLanguage } from '../input/messages';
import { openJsonDocument, type JsonDocumentOptions, type LoadedDocument } from './json-document';
import { favoriteMessages } from './favorite-messages';
import {
  checkAddress,
  checkLabel,
  checkNewFavorite,
  FavoriteError,
  type AddressChange,
  type FavoriteFields,
  type NewFavorite,
} from './favorites-check';
import {
  buildFavoritesExport,
  planFavoritesImport,
  type FavoritesExport,
  type ImportReport,
} from './favorites-import';
import {
  FAVORITES_VERSION,
  favoritesFileSchema,
  MAX_FAVORITES,
  MAX_ROOM_TEXT,
  type AddressFavorite,
  type Favorite,
} from '../../shared/model/favorites-schema';
import { favoriteDisplayName } from '../../shared/rules/favorites';
import { targetKey } from '../../shared/rules/targets';
import { salvageFavorites } from './favorites-salvage';
import { STORE_FILES } from './paths';

/**
 * Favourites: meeting rooms (by meeting_room_id, with the name and location last seen) and
 * SIP/H.323 addresses, in the user's order. No two favourites call the same thing. The data
 * model is main/shared/model/favorites-schema.ts, the rules for one favourite favorites-check.ts, the portable
 * file favorites-import.ts; this module keeps the file.
 */

export type AddFavoriteResult =
  | { readonly status: 'added'; readonly favorite: Favorite }
  | { readonly status: 'duplicate'; readonly favorite: Favorite };

/** The directory fields a favourite remembers. */
export interface SeenRoom {
  readonly meeting_room_id: string;
  readonly meeting_room_name: string;
  readonly meeting_room_location: string;
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
  /**
   * The user has seen the warning about favourites set aside as invalid (the CLI's list printed
   * it, or the person dismissed it in the app's settings window): processes stop repeating it.
   * Resolves to the files concerned.
   */
  acknowledgeRejected(): Promise<string[]>;
}

export interface FavoritesOptions extends JsonDocumentOptions {
  /** Tests pass a counter; ids only need to be unique within the list. */
  readonly newId?: () => string;
}

export function openFavorites(options: FavoritesOptions): FavoritesStore {
  const document = openJsonDocument(
    {
      name: 'favourites',
      fileName: STORE_FILES.favorites,
      version: FAVORITES_VERSION,
      schema: favoritesFileSchema,
      // One invalid entry must not move the whole list aside: the rest stays (issue 15).
      salvage: salvageFavorites,
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

    acknowledgeRejected: () => document.acknowledgeRejected(),

    importFavorites(imported, lang) {
      return edit((items) => {
        const plan = planFavoritesImport(imported, items, lang);
        const added: Favorite[] = [];
        for (const fields of plan.add) {
          const favorite = identify([...items, ...added], fields);
          added.push(favorite);
        }
        return {
          items: [...items, ...added],
          result: { added, skipped: plan.skipped, skippedCount: plan.skippedCount },
        };
      });
    },
  };
}
