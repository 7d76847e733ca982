import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { MAX_CACHED_ROOMS, openDirectoryCache } from '../../main/core/store/directory-cache';
import { openFavorites } from '../../main/core/store/favorites';
import type { StoreWarning } from '../../main/core/store/store-warning';
import { bigDirectory } from '../helpers/big-directory';
import { collectWarnings, useTempDir } from '../helpers/temp-dir';

/**
 * Big enterprises: a directory of 50,000 rooms is cached and read back (more than 20,000 once
 * were never cached, and the favourites' names then never refreshed). Timings: `./dev bench`.
 */

const scope = 'app-1@https://api.meeting.qq.com';

describe('a large room directory', () => {
  const dir = useTempDir();

  it('50,000 rooms are cached and read back whole, without a warning', async () => {
    const { warnings, onWarning } = collectWarnings<StoreWarning>();
    const rooms = bigDirectory(MAX_CACHED_ROOMS);
    expect(MAX_CACHED_ROOMS).toBe(50_000);
    await openDirectoryCache({ dir: dir(), onWarning }).save(rooms, scope);
    const loaded = await openDirectoryCache({ dir: dir(), onWarning }).load(scope);
    expect(loaded.value?.rooms).toHaveLength(50_000);
    expect(loaded.value?.rooms[49_999]).toEqual(rooms[49_999]);
    expect(warnings).toEqual([]);
    console.log(
      `directory cache of 50,000 rooms: ${((await stat(openDirectoryCache({ dir: dir(), onWarning }).file)).size / 1024 / 1024).toFixed(1)} MB`,
    );
  }, 60_000);

  it('past the cap: not kept (no older list left behind), yet the save resolves so favourites still refresh', async () => {
    const cache = openDirectoryCache({ dir: dir(), onWarning: () => undefined });
    await cache.save(bigDirectory(10), scope);
    const rooms = bigDirectory(MAX_CACHED_ROOMS + 1);
    const saved = await cache.save(rooms, scope);
    expect(saved.rooms).toHaveLength(MAX_CACHED_ROOMS + 1);
    expect((await cache.load(scope)).value).toBeNull();

    const favorites = openFavorites({ dir: dir(), onWarning: () => undefined });
    const last = rooms[MAX_CACHED_ROOMS];
    await favorites.add({ kind: 'room', meetingRoomId: last?.meeting_room_id ?? '', name: 'old' });
    expect(await favorites.refreshRooms(saved.rooms)).toBe(1);
    expect((await favorites.load()).value[0]).toMatchObject({ name: last?.meeting_room_name });
  }, 60_000);
});
