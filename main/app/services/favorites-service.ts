import type { ManagedConfig } from '../../core/managed/managed-config';
import { listFavorites } from '../../core/managed/managed-favorites';
import {
  favoriteMessages,
  type FavoriteMessages,
  type ManagedChange,
} from '../../core/store/favorite-messages';
import {
  FavoriteError,
  type AddressChange,
  type NewFavorite,
} from '../../core/store/favorites-check';
import { parseFavoritesFile } from '../../core/store/favorites-import';
import {
  type AddFavoriteResult,
  type FavoritesStore,
  type SeenRoom,
} from '../../core/store/favorites';
import type { FavoriteView, ImportReportView, ParsedRequestOf } from '../../shared/ipc/contract';
import type { UiLanguage } from '../../shared/rules/language';
import type { Favorite } from '../../shared/model/favorites-schema';

export interface FavoritesServiceOptions {
  readonly store: FavoritesStore;
  readonly managed: ManagedConfig | null;
  readonly onChange: (favorites: readonly FavoriteView[]) => void;
  /**
   * The UI's language, for the messages that go to a window (the input parsers', the store's
   * and this service's: favorite-messages.ts); English when not given.
   */
  readonly language?: (() => Promise<UiLanguage>) | undefined;
}

/** A favourite of the person's own favourites file, as the windows see it. */
function own(favorite: Favorite): FavoriteView {
  return { ...favorite, managed: false };
}

/** addFavorite's answer: the store's result, its favourite marked as the person's own. */
export interface AddFavoriteView {
  readonly status: AddFavoriteResult['status'];
  readonly favorite: FavoriteView;
}

/** The contract's addFavorite request as the store's input (an absent label is no label). */
export function newFavoriteFrom(request: ParsedRequestOf<'addFavorite'>): NewFavorite {
  if (request.kind === 'mra') return request;
  const { kind, meetingRoomId, name, location } = request;
  return { kind, meetingRoomId, name, location, label: request.label ?? null };
}

/**
 * The person's favourites, in their order (`managed: false`), followed by the ones the
 * organisation gives everybody (docs/managed-config.md: "added to what users see";
 * `managed: true`), which cannot be removed, renamed, edited or moved. An organisation's
 * favourite the person also saved shows once, as theirs. Every change is pushed as
 * favoritesChanged.
 */
export class FavoritesService {
  readonly #options: FavoritesServiceOptions;

  constructor(options: FavoritesServiceOptions) {
    this.#options = options;
  }

  /** Every id in it names one favourite (managedFavoriteId). */
  async list(): Promise<readonly FavoriteView[]> {
    const { value } = await this.#options.store.load();
    return listFavorites(value, this.#options.managed);
  }

  /** The favourite with that id. */
  async find(id: string): Promise<FavoriteView> {
    const found = (await this.list()).find((item) => item.id === id);
    if (found === undefined) {
      throw new FavoriteError('not-found', (await this.#messages()).noLongerExists);
    }
    return found;
  }

  async add(input: NewFavorite): Promise<AddFavoriteView> {
    const result = await this.#options.store.add(input, await this.#language());
    if (result.status === 'added') await this.#changed();
    return { status: result.status, favorite: own(result.favorite) };
  }

  async remove(id: string): Promise<readonly FavoriteView[]> {
    await this.#refuseManaged(id, 'removed');
    const removed = await this.#options.store.remove(id);
    return removed === null ? this.list() : this.#changed();
  }

  async move(id: string, toIndex: number): Promise<readonly FavoriteView[]> {
    await this.#refuseManaged(id, 'moved');
    const { value } = await this.#options.store.load();
    // The organisation's favourites come after the person's own: a drop among them means "last".
    const index = Math.min(toIndex, Math.max(0, value.length - 1));
    await this.#options.store.move(id, index, await this.#language());
    return this.#changed();
  }

  async rename(id: string, label: string | null): Promise<readonly FavoriteView[]> {
    await this.#refuseManaged(id, 'renamed');
    await this.#options.store.rename(id, label, await this.#language());
    return this.#changed();
  }

  /** An edit of an address favourite: the store makes it in one write, or not at all. */
  async updateAddress(id: string, change: AddressChange): Promise<readonly FavoriteView[]> {
    await this.#refuseManaged(id, 'edited');
    await this.#options.store.updateAddress(id, change, await this.#language());
    return this.#changed();
  }

  /** The person's own favourites as a portable file (the organisation's are not theirs to move). */
  async exportJson(): Promise<{ fileName: string; json: string }> {
    const document = await this.#options.store.exportFavorites();
    return { fileName: 'roomcall-favorites.json', json: `${JSON.stringify(document, null, 2)}\n` };
  }

  async importJson(json: string): Promise<ImportReportView> {
    const lang = await this.#language();
    const document = parseFavoritesFile(json, lang);
    const report = await this.#options.store.importFavorites(document, lang);
    if (report.added.length > 0) await this.#changed();
    return {
      added: report.added.length,
      // 0-based, as `index` is everywhere else; the core counts from 1 for people.
      skipped: report.skipped.map((skip) => ({ index: skip.position - 1, reason: skip.reason })),
      skippedCount: report.skippedCount,
    };
  }

  /** Room favourites take the names and locations of a fresh directory listing. */
  async refreshRooms(rooms: readonly SeenRoom[]): Promise<void> {
    const changed = await this.#options.store.refreshRooms(rooms);
    if (changed > 0) await this.#changed();
  }

  async #language(): Promise<UiLanguage> {
    return (await this.#options.language?.()) ?? 'en';
  }

  async #messages(): Promise<FavoriteMessages> {
    return favoriteMessages[await this.#language()];
  }

  async #changed(): Promise<readonly FavoriteView[]> {
    const list = await this.list();
    this.#options.onChange(list);
    return list;
  }

  /** By the flag of the favourite listed under that id (an unknown id is the store's to report). */
  async #refuseManaged(id: string, change: ManagedChange): Promise<void> {
    const found = (await this.list()).find((item) => item.id === id);
    if (found?.managed === true) {
      throw new FavoriteError('invalid', (await this.#messages()).managedRefused(change));
    }
  }
}
