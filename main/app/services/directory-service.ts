import type { DirectoryCache, DirectorySnapshot } from '../../core/store/directory-cache';
import type { Directory, DirectoryStatus, IpcError } from '../../shared/ipc/contract';
import { toIpcError } from '../handlers/to-ipc-error';
import type { AppClock } from './clock';
import type { FavoritesService } from './favorites-service';
import type { Account, Session } from './session';
import { roomView } from './views';

export interface DirectoryServiceOptions {
  readonly session: Pick<Session, 'account' | 'requireAccount'>;
  readonly cache: DirectoryCache;
  readonly favorites: Pick<FavoritesService, 'refreshRooms'>;
  readonly clock: AppClock;
  readonly onStatus: (status: DirectoryStatus) => void;
}

interface Sync {
  readonly scope: string;
  progress: { loaded: number; total: number } | null;
}

/**
 * The enterprise's rooms: shown at once from the cache file, refreshed in the background on
 * request with progress pushed as directoryChanged, then saved to the cache. A refresh also
 * updates the names and locations the room favourites remember.
 */
export class DirectoryService {
  readonly #options: DirectoryServiceOptions;
  /** The cache as last read or written, so a 10,000-room list is not re-read per window. */
  #snapshot: { readonly scope: string; readonly value: DirectorySnapshot | null } | null = null;
  #sync: Sync | null = null;
  #task: Promise<void> = Promise.resolve();
  #error: IpcError | null = null;

  constructor(options: DirectoryServiceOptions) {
    this.#options = options;
  }

  async get(): Promise<Directory> {
    const account = await this.#options.session.account();
    if (account.status !== 'ready') {
      return {
        ...this.#status(null),
        syncing: false,
        progress: null,
        error: toIpcError(account.error),
        rooms: [],
      };
    }
    const snapshot = await this.#load(account.cacheScope);
    return { ...this.#status(snapshot), rooms: (snapshot?.rooms ?? []).map(roomView) };
  }

  /** Starts a refresh unless one is running; resolves at once with the status. */
  async refresh(): Promise<DirectoryStatus> {
    const account = await this.#options.session.requireAccount();
    const snapshot = await this.#load(account.cacheScope);
    if (this.#sync?.scope === account.cacheScope) return this.#status(snapshot);
    const sync: Sync = { scope: account.cacheScope, progress: null };
    this.#sync = sync;
    this.#error = null;
    this.#push(snapshot);
    this.#task = this.#run(account, sync);
    return this.#status(snapshot);
  }

  /** Resolves when the refresh in flight (if any) is over. */
  whenIdle(): Promise<void> {
    return this.#task;
  }

  /** The account changed: the cached list may be another enterprise's. */
  accountChanged(): void {
    this.#snapshot = null;
    this.#error = null;
  }

  async #run(account: Extract<Account, { status: 'ready' }>, sync: Sync): Promise<void> {
    try {
      const rooms = await account.api.listRooms({
        onProgress: (loaded, total) => {
          sync.progress = { loaded, total };
          if (this.#sync === sync) this.#push(this.#current(sync.scope));
        },
      });
      const fetchedAt = new Date(this.#options.clock.now());
      const saved = await this.#options.cache
        .save(rooms, sync.scope, fetchedAt)
        .catch((error: unknown) => {
          // A cache that cannot be written (read-only, disk full) still shows what was fetched.
          this.#error = toIpcError(error);
          return { scope: sync.scope, fetchedAt: fetchedAt.toISOString(), rooms };
        });
      this.#snapshot = { scope: sync.scope, value: saved };
      await this.#options.favorites.refreshRooms(rooms).catch(() => undefined);
    } catch (error) {
      if (this.#sync === sync) this.#error = toIpcError(error);
    } finally {
      if (this.#sync === sync) {
        this.#sync = null;
        this.#push(this.#current(sync.scope));
      }
    }
  }

  async #load(scope: string): Promise<DirectorySnapshot | null> {
    if (this.#snapshot?.scope === scope) return this.#snapshot.value;
    const { value } = await this.#options.cache.load(scope);
    this.#snapshot = { scope, value };
    return value;
  }

  #current(scope: string): DirectorySnapshot | null {
    return this.#snapshot?.scope === scope ? this.#snapshot.value : null;
  }

  #status(snapshot: DirectorySnapshot | null): DirectoryStatus {
    return {
      fetchedAt: snapshot?.fetchedAt ?? null,
      roomCount: snapshot?.rooms.length ?? 0,
      syncing: this.#sync !== null,
      progress: this.#sync?.progress ?? null,
      error: this.#error,
    };
  }

  #push(snapshot: DirectorySnapshot | null): void {
    this.#options.onStatus(this.#status(snapshot));
  }
}
