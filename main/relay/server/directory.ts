import type { Room, WemeetApi } from '../../core/wemeet/api';
import type { DirectoryCache, DirectorySnapshot } from '../ports';

/**
 * The room directory, read from Tencent at most once per TTL for every person and every
 * instance (DirectoryCache.refreshOnce), then filtered here. The directory is the account's,
 * the same whoever reads it; the first caller's operator reads it.
 */

export const DIRECTORY_SCOPE = 'rooms';

export interface DirectoryOptions {
  readonly cache: DirectoryCache;
  readonly ttlMs: number;
  readonly now: () => number;
}

export async function currentDirectory(
  api: WemeetApi,
  options: DirectoryOptions,
): Promise<DirectorySnapshot> {
  const cached = await options.cache.get(DIRECTORY_SCOPE);
  if (cached !== null && isFresh(cached, options)) return cached;
  return options.cache.refreshOnce(DIRECTORY_SCOPE, async () => {
    // Another instance may have refreshed while this one waited its turn.
    const again = await options.cache.get(DIRECTORY_SCOPE);
    if (again !== null && isFresh(again, options)) return again;
    // refreshOnce stores what this returns, for every instance.
    return { rooms: await api.listRooms(), fetchedAtMs: options.now() };
  });
}

function isFresh(snapshot: DirectorySnapshot, options: DirectoryOptions): boolean {
  const age = options.now() - snapshot.fetchedAtMs;
  return age >= 0 && age < options.ttlMs;
}

/**
 * The API's `meeting_room_name` filter, applied to the cached list: a substring match without
 * case, as Tencent's fuzzy filter behaves (reference §3), so the desktops see what a direct
 * filtered query would give.
 */
export function filterRooms(rooms: readonly Room[], name: string | undefined): readonly Room[] {
  if (name === undefined || name === '') return rooms;
  const wanted = name.toLocaleLowerCase();
  return rooms.filter((room) => room.meeting_room_name.toLocaleLowerCase().includes(wanted));
}
