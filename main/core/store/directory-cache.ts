import { z } from 'zod';
import type { Room } from '../wemeet/api';
import { roomSchema } from '../wemeet/schemas';
import { openJsonDocument, type JsonDocumentOptions, type LoadedDocument } from './json-document';
import { STORE_FILES } from './paths';

/**
 * The last full room list and when it was fetched, so the app and `roomcall rooms` can show
 * rooms at once and refresh in the background. Rooms keep the API's field names.
 *
 * A cache belongs to one account: `scope` is a caller-chosen key such as
 * "<AppId>@<base URL>" (never a secret), and a cache saved for another scope reads as empty,
 * so switching profiles never shows the previous enterprise's rooms.
 */

/**
 * The largest directory cached: the biggest enterprises have tens of thousands of rooms. A
 * larger list is still shown and still refreshes the favourites' names (save resolves), but is
 * not kept: the cache is emptied rather than left holding an older list.
 */
export const MAX_CACHED_ROOMS = 50_000;

/**
 * 50,000 rooms on one line take ~11-15 MB (~200-300 bytes a room with Chinese names); 64 MB
 * leaves room for long names and is still far from hostile.
 */
export const MAX_DIRECTORY_CACHE_BYTES = 64 * 1024 * 1024;

/** The API's room, as the client parsed it: IDs are strings by then. */
const cachedRoomSchema = roomSchema.extend({
  meeting_room_id: z.string().min(1).max(128),
}) satisfies z.ZodType<Room>;

const directoryCacheFileSchema = z.object({
  scope: z.string().max(500).nullable().default(null),
  /** ISO 8601; null when nothing was cached yet. */
  fetchedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  rooms: z.array(cachedRoomSchema).max(MAX_CACHED_ROOMS).default([]),
});

const DIRECTORY_CACHE_VERSION = 1;

export interface DirectorySnapshot {
  readonly scope: string | null;
  readonly fetchedAt: string;
  readonly rooms: readonly Room[];
}

export interface DirectoryCache {
  readonly file: string;
  /**
   * The cached list for `scope`; null when there is none, or it belongs to another scope.
   * `readOnly` is true when a newer RoomCall wrote the file (it is still shown).
   */
  load(scope: string | null): Promise<LoadedDocument<DirectorySnapshot | null>>;
  /**
   * Keeps the list for `scope`; resolves to it. A list longer than MAX_CACHED_ROOMS is not
   * kept (the cache is emptied) but still resolved, so callers go on to use it.
   */
  save(rooms: readonly Room[], scope: string | null, fetchedAt?: Date): Promise<DirectorySnapshot>;
  clear(): Promise<void>;
}

export function openDirectoryCache(options: JsonDocumentOptions): DirectoryCache {
  const document = openJsonDocument(
    {
      name: 'room directory cache',
      fileName: STORE_FILES.directoryCache,
      version: DIRECTORY_CACHE_VERSION,
      schema: directoryCacheFileSchema,
      maxBytes: MAX_DIRECTORY_CACHE_BYTES,
      pretty: false,
    },
    options,
  );
  const now = options.now ?? (() => new Date());

  return {
    file: document.file,

    async load(scope) {
      const { value, readOnly } = await document.load();
      const { fetchedAt } = value;
      const usable = fetchedAt !== null && value.scope === scope;
      return {
        value: usable ? { scope: value.scope, fetchedAt, rooms: value.rooms } : null,
        readOnly,
      };
    },

    async save(rooms, scope, fetchedAt = now()) {
      if (rooms.length > MAX_CACHED_ROOMS) {
        await document.update(() => ({ scope: null, fetchedAt: null, rooms: [] }));
        return { scope, fetchedAt: fetchedAt.toISOString(), rooms };
      }
      const saved = await document.update(() => ({
        scope,
        fetchedAt: fetchedAt.toISOString(),
        rooms: [...rooms],
      }));
      return {
        scope: saved.scope,
        fetchedAt: saved.fetchedAt ?? fetchedAt.toISOString(),
        rooms: saved.rooms,
      };
    },

    async clear() {
      await document.update(() => ({ scope: null, fetchedAt: null, rooms: [] }));
    },
  };
}
