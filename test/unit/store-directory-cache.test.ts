import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openDirectoryCache } from '../../main/core/store/directory-cache';
import type { Room } from '../../main/core/wemeet/api';
import { useTempDir } from '../helpers/temp-dir';

const rooms: Room[] = [
  {
    meeting_room_id: '1234567890123456789',
    meeting_room_name: '珠峰 Everest',
    meeting_room_location: 'Shenzhen',
    meeting_room_status: 2,
    is_allow_call: true,
    participant_number: 12,
  },
  {
    meeting_room_id: '42',
    meeting_room_name: 'K2',
    meeting_room_location: '',
    meeting_room_status: 4,
    is_allow_call: false,
  },
];
const scope = 'app-1@https://api.meeting.qq.com';

describe('room directory cache', () => {
  const dir = useTempDir();
  const open = () => openDirectoryCache({ dir: dir(), onWarning: () => undefined });

  it('is empty before the first fetch', async () => {
    expect(await open().load(scope)).toEqual({ value: null, readOnly: false });
  });

  it('saves the full list with its fetch time, in the API’s field names', async () => {
    const fetchedAt = new Date('2026-02-03T04:05:06.007Z');
    await open().save(rooms, scope, fetchedAt);
    expect(await open().load(scope)).toEqual({
      value: { scope, fetchedAt: '2026-02-03T04:05:06.007Z', rooms },
      readOnly: false,
    });
    const file = JSON.parse(await readFile(open().file, 'utf8')) as { rooms: unknown[] };
    expect(file.rooms[0]).toHaveProperty('meeting_room_id', '1234567890123456789');
  });

  it('reads as empty for another account, so it never shows another enterprise’s rooms', async () => {
    await open().save(rooms, scope);
    expect((await open().load('app-2@https://api.meeting.qq.com')).value).toBeNull();
  });

  it('replaces the whole list on each save, and clears', async () => {
    const cache = open();
    await cache.save(rooms, scope);
    await cache.save(rooms.slice(1), scope);
    expect((await cache.load(scope)).value?.rooms).toEqual(rooms.slice(1));
    await cache.clear();
    expect((await cache.load(scope)).value).toBeNull();
  });

  it('drops fields it does not know', async () => {
    const cache = open();
    await writeFile(
      cache.file,
      JSON.stringify({
        version: 1,
        scope,
        fetchedAt: '2026-02-03T04:05:06.007Z',
        rooms: [{ ...rooms[1], brand_new_field: { nested: true } }],
      }),
    );
    expect((await cache.load(scope)).value?.rooms).toEqual([rooms[1]]);
  });
});
