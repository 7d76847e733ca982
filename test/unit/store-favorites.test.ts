import { readFile, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildFavoritesExport, parseFavoritesFile } from '../../main/core/store/favorites-import';
import { FavoriteError, type NewFavorite } from '../../main/core/store/favorites-check';
import { openFavorites } from '../../main/core/store/favorites';
import { findFavorite } from '../../main/core/store/favorites-find';
import type { StoreWarning } from '../../main/core/store/store-warning';
import { collectWarnings, useTempDir } from '../helpers/temp-dir';
import { MAX_FAVORITES, type Favorite } from '../../main/shared/model/favorites-schema';
import { favoriteDisplayName } from '../../main/shared/rules/favorites';

const everest: NewFavorite = {
  kind: 'room',
  meetingRoomId: '1234567890123456789',
  name: 'Everest 5F',
  location: 'Shenzhen HQ',
};
const sip: NewFavorite = { kind: 'mra', protocol: 'sip', dialString: 'Room@VC.example.com' };
const h323: NewFavorite = { kind: 'mra', protocol: 'h323', dialString: '+861012345678' };

function counter(): () => string {
  let next = 0;
  return () => {
    next += 1;
    return `f${next}`;
  };
}

describe('favourites', () => {
  const dir = useTempDir();
  const open = (onWarning: (warning: StoreWarning) => void = () => undefined) =>
    openFavorites({ dir: dir(), onWarning, newId: counter() });

  async function list(): Promise<readonly Favorite[]> {
    return (await open().load()).value;
  }

  it('starts empty', async () => {
    expect(await open().load()).toEqual({ value: [], readOnly: false });
  });

  it('adds rooms and addresses in order and reads them back from disk', async () => {
    const store = open();
    expect(await store.add(everest)).toEqual({
      status: 'added',
      favorite: {
        id: 'f1',
        kind: 'room',
        meetingRoomId: '1234567890123456789',
        name: 'Everest 5F',
        location: 'Shenzhen HQ',
        label: null,
      },
    });
    await store.add(sip);
    await store.add({ ...h323, label: ' Boardroom codec ' });
    const saved = await list();
    expect(saved.map((favorite) => favorite.id)).toEqual(['f1', 'f2', 'f3']);
    expect(saved[2]).toMatchObject({ dialString: '+861012345678', label: 'Boardroom codec' });
    expect(saved.map(favoriteDisplayName)).toEqual([
      'Everest 5F',
      'Room@VC.example.com',
      'Boardroom codec',
    ]);
  });

  it.each<[string, NewFavorite]>([
    ['the same room id', { kind: 'room', meetingRoomId: '1234567890123456789', name: 'Other' }],
    ['the same SIP address in another case', { ...sip, dialString: 'room@vc.EXAMPLE.com' }],
    ['the same SIP address with sip:', { ...sip, dialString: 'sip:room@vc.example.com' }],
  ])('refuses a duplicate: %s', async (_, duplicate) => {
    const store = open();
    await store.add(everest);
    await store.add(sip);
    const result = await store.add(duplicate);
    expect(result.status).toBe('duplicate');
    expect(await list()).toHaveLength(2);
  });

  it('treats one dial string over SIP and over H.323 as two favourites', async () => {
    const store = open();
    await store.add({ kind: 'mra', protocol: 'sip', dialString: '10.0.0.7' });
    expect(
      (await store.add({ kind: 'mra', protocol: 'h323', dialString: '10.0.0.7' })).status,
    ).toBe('added');
  });

  it('validates dial strings and room ids with the input parsers’ messages', async () => {
    const store = open();
    await expect(
      store.add({ kind: 'mra', protocol: 'sip', dialString: 'vc.example.com' }),
    ).rejects.toThrow(/no user part/);
    await expect(
      store.add({ kind: 'mra', protocol: 'h323', dialString: '10.0.0.7:1720' }),
    ).rejects.toThrow(/H.323 takes no port/);
    await expect(store.add({ kind: 'room', meetingRoomId: ' ' })).rejects.toBeInstanceOf(
      FavoriteError,
    );
    expect(await list()).toEqual([]);
  });

  it('gives the input parsers’ messages in the language asked for (a window’s)', async () => {
    const store = open();
    await expect(
      store.add({ kind: 'mra', protocol: 'h323', dialString: '10.0.0.7:1720' }, 'zh-CN'),
    ).rejects.toThrow('“10.0.0.7:1720”不是有效的 H.323 地址：H.323 不支持端口，请使用 10.0.0.7。');
    await expect(store.add({ kind: 'room', meetingRoomId: ' ' }, 'zh-CN')).rejects.toThrow(
      '请输入会议室 ID。',
    );
    const saved = await store.add(sip);
    await expect(
      store.updateAddress(
        saved.favorite.id,
        { protocol: 'sip', dialString: 'room@host:0' },
        'zh-CN',
      ),
    ).rejects.toThrow('“room@host:0”不是有效的 SIP 地址：端口“0”不是 1 到 65535 之间的数字。');
    const report = await store.importFavorites(
      {
        format: 'roomcall-favorites',
        version: 1,
        favorites: [{ kind: 'mra', protocol: 'sip', dialString: '1001' }],
      },
      'zh-CN',
    );
    expect(report.skipped.map((skip) => skip.reason)).toEqual([
      '“1001”不是有效的 SIP 地址：单独的号码不是 SIP 地址，请写成“1001@SIP 域名”的形式。',
    ]);
  });

  it('gives its own messages in the language asked for too, refusing without writing', async () => {
    const store = open();
    await store.add(everest);
    await store.add(sip);
    const before = await readFile(store.file, 'utf8');
    const refusals: [() => Promise<unknown>, string][] = [
      [() => store.add({ ...h323, label: 'a\u0007b' }, 'zh-CN'), '名称不能包含控制字符。'],
      [
        () => store.add({ ...everest, meetingRoomId: '42', name: 'x'.repeat(201) }, 'zh-CN'),
        '会议室名称最多 200 个字符。',
      ],
      [() => store.rename('f1', 'x'.repeat(101), 'zh-CN'), '名称最多 100 个字符。'],
      [() => store.rename('nope', 'Desk', 'zh-CN'), '没有 ID 为“nope”的常用项。'],
      [() => store.move('f1', 5, 'zh-CN'), '位置 6 不在 1 到 2 之间。'],
      [
        () => store.updateAddress('f1', { protocol: 'sip', dialString: 'a@b.example' }, 'zh-CN'),
        '“Everest 5F”是会议室，不是地址，只能修改名称。',
      ],
    ];
    for (const [attempt, message] of refusals) {
      await expect(attempt()).rejects.toBeInstanceOf(FavoriteError);
      await expect(attempt()).rejects.toThrow(message);
    }
    expect(await readFile(store.file, 'utf8')).toBe(before);
    await store.add({ kind: 'mra', protocol: 'h323', dialString: '10.0.0.7', label: 'Codec' });
    await expect(
      store.updateAddress('f2', { protocol: 'h323', dialString: '10.0.0.7' }, 'zh-CN'),
    ).rejects.toMatchObject({
      kind: 'duplicate',
      message: 'H.323 地址“10.0.0.7”已在常用中，名称为“Codec”。',
    });
    expect((await list()).map((favorite) => favorite.id)).toEqual(['f1', 'f2', 'f3']);
  });

  it('renames (sets and clears a label) without changing ids or order', async () => {
    const store = open();
    await store.add(everest);
    await store.add(sip);
    expect(await store.rename('f1', 'Big room')).toMatchObject({ id: 'f1', label: 'Big room' });
    expect((await list()).map(favoriteDisplayName)).toEqual(['Big room', 'Room@VC.example.com']);
    await store.rename('f1', null);
    expect((await list()).map(favoriteDisplayName)).toEqual(['Everest 5F', 'Room@VC.example.com']);
    await store.rename('f1', '   ');
    expect((await list())[0]?.label).toBeNull();
    await expect(store.rename('nope', 'x')).rejects.toMatchObject({ kind: 'not-found' });
    await expect(store.rename('f1', 'x'.repeat(101))).rejects.toMatchObject({ kind: 'invalid' });
  });

  describe('updateAddress', () => {
    /** The three test favourites f1 (room), f2 (SIP), f3 (H.323), and the file's bytes. */
    async function threeSaved() {
      const store = open();
      for (const favorite of [everest, sip, { ...h323, label: 'Codec' }]) await store.add(favorite);
      return { store, before: await readFile(store.file, 'utf8') };
    }

    it('replaces the address in place: same id, same position, the others untouched', async () => {
      const { store } = await threeSaved();
      const updated = await store.updateAddress('f2', {
        protocol: 'h323',
        dialString: ' +861087654321 ',
        label: ' Lab ',
      });
      const expected = {
        id: 'f2',
        kind: 'mra',
        protocol: 'h323',
        dialString: '+861087654321',
        label: 'Lab',
      };
      expect(updated).toEqual(expected);
      const saved = await list();
      expect(saved.map((favorite) => favorite.id)).toEqual(['f1', 'f2', 'f3']);
      expect(saved[1]).toEqual(expected);
      expect(saved[0]).toMatchObject({ kind: 'room', name: 'Everest 5F' });
      expect(saved[2]).toMatchObject({ dialString: '+861012345678', label: 'Codec' });
    });

    it('clears the label with null or blank, and may change only the case of its own address', async () => {
      const { store } = await threeSaved();
      await store.updateAddress('f3', { protocol: 'h323', dialString: '+861012345678', label: '' });
      expect((await list())[2]?.label).toBeNull();
      // Its own key does not count as a duplicate.
      await store.updateAddress('f2', { protocol: 'sip', dialString: 'sip:room@vc.example.com' });
      expect((await list())[1]).toMatchObject({ id: 'f2', dialString: 'sip:room@vc.example.com' });
    });

    it('writes nothing when nothing changed', async () => {
      const { store, before } = await threeSaved();
      const { mtimeMs } = await stat(store.file);
      expect(
        await store.updateAddress('f3', {
          protocol: 'h323',
          dialString: '+861012345678',
          label: 'Codec',
        }),
      ).toMatchObject({ id: 'f3' });
      expect(await readFile(store.file, 'utf8')).toBe(before);
      expect((await stat(store.file)).mtimeMs).toBe(mtimeMs);
    });

    it.each<[string, string]>([
      ['in another case', 'ROOM@vc.example.com'],
      ['with sip:', 'sip:room@vc.example.com'],
    ])(
      'refuses an address another favourite already calls (%s), changing nothing',
      async (_, dialString) => {
        const { store, before } = await threeSaved();
        const attempt = store.updateAddress('f3', { protocol: 'sip', dialString, label: 'X' });
        await expect(attempt).rejects.toBeInstanceOf(FavoriteError);
        await expect(attempt).rejects.toMatchObject({
          kind: 'duplicate',
          message: `SIP '${dialString}' is already in your favourites as 'Room@VC.example.com'.`,
        });
        expect(await readFile(store.file, 'utf8')).toBe(before);
      },
    );

    it('refuses an invalid address or label with the input parsers’ messages, changing nothing', async () => {
      const { store, before } = await threeSaved();
      const refused = [
        store.updateAddress('f2', { protocol: 'sip', dialString: 'vc.example.com' }),
        store.updateAddress('f2', { protocol: 'h323', dialString: '10.0.0.7:1720' }),
        store.updateAddress('f2', { protocol: 'sip', dialString: '   ' }),
        store.updateAddress('f2', {
          protocol: 'sip',
          dialString: 'a@b.example',
          label: 'x'.repeat(101),
        }),
      ];
      await expect(refused[0]).rejects.toThrow(/no user part/);
      await expect(refused[1]).rejects.toThrow(/H.323 takes no port/);
      for (const attempt of refused)
        await expect(attempt).rejects.toMatchObject({ kind: 'invalid' });
      expect(await readFile(store.file, 'utf8')).toBe(before);
    });

    it('refuses an id that is not there, and a room, changing nothing', async () => {
      const { store, before } = await threeSaved();
      await expect(
        store.updateAddress('nope', { protocol: 'sip', dialString: 'a@b.example' }),
      ).rejects.toMatchObject({ kind: 'not-found' });
      await expect(
        store.updateAddress('f1', { protocol: 'sip', dialString: 'a@b.example' }),
      ).rejects.toMatchObject({
        kind: 'invalid',
        message: "'Everest 5F' is a room, not an address: only its label can be changed.",
      });
      expect(await readFile(store.file, 'utf8')).toBe(before);
    });

    it('checks against the list on disk, not one read earlier', async () => {
      const { store } = await threeSaved();
      // Another process (the CLI) adds an address after this store last read the file.
      await open().add({ kind: 'mra', protocol: 'sip', dialString: 'new@vc.example.com' });
      await expect(
        store.updateAddress('f2', { protocol: 'sip', dialString: 'new@vc.example.com' }),
      ).rejects.toMatchObject({ kind: 'duplicate' });
      expect((await list()).map((favorite) => favorite.id)).toEqual(['f1', 'f2', 'f3', 'f4']);
    });
  });

  it('removes by id', async () => {
    const store = open();
    await store.add(everest);
    await store.add(sip);
    expect(await store.remove('f1')).toMatchObject({ id: 'f1' });
    expect(await store.remove('f1')).toBeNull();
    expect((await list()).map((favorite) => favorite.id)).toEqual(['f2']);
  });

  it('moves to any position and refuses one outside the list', async () => {
    const store = open();
    for (const favorite of [everest, sip, h323]) await store.add(favorite);
    expect((await store.move('f3', 0)).map((favorite) => favorite.id)).toEqual(['f3', 'f1', 'f2']);
    expect((await store.move('f3', 2)).map((favorite) => favorite.id)).toEqual(['f1', 'f2', 'f3']);
    expect((await store.move('f1', 1)).map((favorite) => favorite.id)).toEqual(['f2', 'f1', 'f3']);
    expect((await list()).map((favorite) => favorite.id)).toEqual(['f2', 'f1', 'f3']);
    await expect(store.move('f1', 3)).rejects.toMatchObject({ kind: 'out-of-range' });
    await expect(store.move('f1', -1)).rejects.toMatchObject({ kind: 'out-of-range' });
    await expect(store.move('f1', 0.5)).rejects.toMatchObject({ kind: 'out-of-range' });
    await expect(store.move('zz', 0)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('keeps at most MAX_FAVORITES', async () => {
    const store = open();
    const items = Array.from({ length: MAX_FAVORITES }, (_, index) => ({
      id: `x${index}`,
      kind: 'room',
      meetingRoomId: String(1000 + index),
    }));
    await writeFile(store.file, JSON.stringify({ version: 1, items }));
    await expect(store.add(everest)).rejects.toMatchObject({ kind: 'full' });
    // Said in the language asked for.
    await expect(store.add(everest, 'zh-CN')).rejects.toMatchObject({
      kind: 'full',
      message: `常用项已满（最多 ${MAX_FAVORITES} 个）。`,
    });
    await expect(store.add(everest)).rejects.toThrow(
      `Favourites are full (at most ${MAX_FAVORITES}).`,
    );
  });

  it('refreshes the name and location last seen, and writes nothing when they are the same', async () => {
    const store = open();
    await store.add(everest);
    await store.add(sip);
    const seen = {
      meeting_room_id: '1234567890123456789',
      meeting_room_name: 'Everest 6F',
      meeting_room_location: 'Shenzhen Tower B',
    };
    expect(await store.refreshRooms([seen])).toBe(1);
    expect((await list())[0]).toMatchObject({ name: 'Everest 6F', location: 'Shenzhen Tower B' });
    const before = await readFile(store.file, 'utf8');
    expect(await store.refreshRooms([seen])).toBe(0);
    expect(await readFile(store.file, 'utf8')).toBe(before);
  });

  it('drops a repeated entry from a hand-edited file instead of refusing the file', async () => {
    const store = open();
    await writeFile(
      store.file,
      JSON.stringify({
        version: 1,
        items: [
          { id: 'a', kind: 'mra', protocol: 'sip', dialString: 'x@y.example' },
          { id: 'b', kind: 'mra', protocol: 'sip', dialString: 'X@Y.example' },
          { id: 'a', kind: 'room', meetingRoomId: '9' },
        ],
      }),
    );
    const { warnings, onWarning } = collectWarnings<StoreWarning>();
    expect((await open(onWarning).load()).value.map((favorite) => favorite.id)).toEqual(['a']);
    expect(warnings).toEqual([]);
  });

  describe('export and import', () => {
    it('exports the portable format: no ids, no empty fields', async () => {
      const store = open();
      await store.add(everest);
      await store.add({ ...sip, label: 'Lobby' });
      await store.add({ kind: 'room', meetingRoomId: '42' });
      expect(await store.exportFavorites()).toEqual({
        format: 'roomcall-favorites',
        version: 1,
        favorites: [
          {
            kind: 'room',
            meetingRoomId: '1234567890123456789',
            name: 'Everest 5F',
            location: 'Shenzhen HQ',
          },
          { kind: 'mra', protocol: 'sip', dialString: 'Room@VC.example.com', label: 'Lobby' },
          { kind: 'room', meetingRoomId: '42' },
        ],
      });
    });

    it('round-trips an export into another user’s empty list', async () => {
      const store = open();
      for (const favorite of [everest, sip, h323]) await store.add(favorite);
      const text = JSON.stringify(await store.exportFavorites());
      const other = openFavorites({
        dir: `${dir()}/other`,
        onWarning: () => undefined,
        newId: counter(),
      });
      const report = await other.importFavorites(parseFavoritesFile(text));
      expect(report.skipped).toEqual([]);
      expect(report.added).toHaveLength(3);
      expect(buildFavoritesExport((await other.load()).value)).toEqual(
        await store.exportFavorites(),
      );
    });

    it('merges, validates every entry and reports what it skipped and why', async () => {
      const store = open();
      await store.add(everest);
      const report = await store.importFavorites({
        format: 'roomcall-favorites',
        version: 1,
        favorites: [
          { kind: 'mra', protocol: 'sip', dialString: 'lobby@vc.example.com', label: 'Lobby' },
          { kind: 'room', meetingRoomId: '1234567890123456789' },
          { kind: 'mra', protocol: 'sip', dialString: 'vc.example.com' },
          { kind: 'mra', protocol: 'sip', dialString: 'LOBBY@vc.example.com' },
          { kind: 'fax', number: '123' },
          'room 7',
          { protocol: 'h323', dialString: '10.1.2.3' },
          { meetingRoomId: '77', name: 'Inferred room', label: 42 },
          { kind: 'mra', protocol: 'skype', dialString: 'x@y.example' },
        ],
      });
      expect(report.added.map(favoriteDisplayName)).toEqual(['Lobby', '10.1.2.3']);
      expect(report.skipped).toEqual([
        { position: 2, entry: "room '1234567890123456789'", reason: 'already in your favourites' },
        {
          position: 3,
          entry: "SIP 'vc.example.com'",
          reason: expect.stringMatching(/no user part/) as unknown,
        },
        {
          position: 4,
          entry: "SIP 'LOBBY@vc.example.com'",
          reason: 'the same as entry 1 of this file',
        },
        { position: 5, entry: 'an entry', reason: "kind must be 'room' or 'mra'" },
        { position: 6, entry: 'an entry', reason: 'not an object' },
        { position: 8, entry: "room '77'", reason: 'a label must be text' },
        { position: 9, entry: "SIP 'x@y.example'", reason: "protocol must be 'sip' or 'h323'" },
      ]);
      expect((await list()).map(favoriteDisplayName)).toEqual(['Everest 5F', 'Lobby', '10.1.2.3']);
    });

    it('reports what it skipped and why in the language asked for', async () => {
      const store = open();
      await store.add(everest);
      const report = await store.importFavorites(
        {
          format: 'roomcall-favorites',
          version: 1,
          favorites: [
            { kind: 'mra', protocol: 'sip', dialString: 'lobby@vc.example.com', label: 'Lobby' },
            { kind: 'room', meetingRoomId: '1234567890123456789' },
            { kind: 'mra', protocol: 'sip', dialString: 'LOBBY@vc.example.com' },
            { kind: 'fax', number: '123' },
            'room 7',
            { meetingRoomId: '77', name: 'Inferred room', label: 42 },
            { kind: 'room', meetingRoomId: '78', location: 7 },
            { kind: 'mra', protocol: 'skype', dialString: 'x@y.example' },
          ],
        },
        'zh-CN',
      );
      expect(report.added.map(favoriteDisplayName)).toEqual(['Lobby']);
      expect(report.skipped).toEqual([
        { position: 2, entry: '会议室“1234567890123456789”', reason: '已在常用中。' },
        {
          position: 3,
          entry: 'SIP 地址“LOBBY@vc.example.com”',
          reason: '与此文件的第 1 项重复。',
        },
        { position: 4, entry: '一项', reason: 'kind 只能是“room”或“mra”。' },
        { position: 5, entry: '一项', reason: '这一项不是 JSON 对象。' },
        { position: 6, entry: '会议室“77”', reason: '名称必须是文本。' },
        { position: 7, entry: '会议室“78”', reason: '会议室位置必须是文本。' },
        { position: 8, entry: 'SIP 地址“x@y.example”', reason: 'protocol 只能是“sip”或“h323”。' },
      ]);
    });

    it('says the list is full for each entry left out, in the language asked for', async () => {
      const store = open();
      const items = Array.from({ length: MAX_FAVORITES - 1 }, (_, index) => ({
        id: `x${index}`,
        kind: 'room',
        meetingRoomId: String(1000 + index),
      }));
      await writeFile(store.file, JSON.stringify({ version: 1, items }));
      const report = await store.importFavorites(
        {
          format: 'roomcall-favorites',
          version: 1,
          favorites: [
            { kind: 'room', meetingRoomId: '1' },
            { kind: 'room', meetingRoomId: '2' },
          ],
        },
        'zh-CN',
      );
      expect(report.added).toHaveLength(1);
      expect(report.skipped).toEqual([
        { position: 2, entry: '会议室“2”', reason: `常用项已满（最多 ${MAX_FAVORITES} 个）。` },
      ]);
    });

    it('stops adding at the limit and says so for each entry left out', async () => {
      const store = open();
      const favorites = Array.from({ length: MAX_FAVORITES + 2 }, (_, index) => ({
        kind: 'room',
        meetingRoomId: String(index + 1),
      }));
      const report = await store.importFavorites({
        format: 'roomcall-favorites',
        version: 1,
        favorites,
      });
      expect(report.added).toHaveLength(MAX_FAVORITES);
      expect(report.skipped.map((skip) => skip.position)).toEqual([
        MAX_FAVORITES + 1,
        MAX_FAVORITES + 2,
      ]);
    });

    it.each([
      ['not JSON', 'favourites!', /not valid JSON/],
      ['not an object', '[]', /not a JSON object/],
      ['another format', '{"format":"other","version":1,"favorites":[]}', /"format"/],
      [
        'a newer version',
        '{"format":"roomcall-favorites","version":2,"favorites":[]}',
        /version 2.*Update RoomCall/,
      ],
      ['no list', '{"format":"roomcall-favorites","version":1}', /no "favorites" list/],
      ['too deep', `{"favorites":${'['.repeat(1000)}${']'.repeat(1000)}}`, /nested too deeply/],
    ])('refuses a whole file that is %s, changing nothing', async (_, text, message) => {
      const store = open();
      await store.add(everest);
      const before = await readFile(store.file, 'utf8');
      await expect((async () => store.importFavorites(parseFavoritesFile(text)))()).rejects.toThrow(
        message,
      );
      expect(await readFile(store.file, 'utf8')).toBe(before);
    });

    it.each([
      ['not JSON', 'favourites!', '这不是 RoomCall 常用项文件：内容不是有效的 JSON。'],
      ['not an object', '[]', '这不是 RoomCall 常用项文件（内容不是 JSON 对象）。'],
      [
        'another format',
        '{"format":"other","version":1,"favorites":[]}',
        '这不是 RoomCall 常用项文件（“format”不是“roomcall-favorites”）。',
      ],
      [
        'a newer version',
        '{"format":"roomcall-favorites","version":2,"favorites":[]}',
        '此常用项文件为第 2 版，当前 RoomCall 只能读取第 1 版。请更新 RoomCall 后再导入。',
      ],
      [
        'without a version',
        '{"format":"roomcall-favorites","favorites":[]}',
        '此常用项文件缺少有效的“version”。',
      ],
      [
        'no list',
        '{"format":"roomcall-favorites","version":1}',
        '此常用项文件缺少“favorites”列表。',
      ],
      [
        'too deep',
        `{"favorites":${'['.repeat(1000)}${']'.repeat(1000)}}`,
        '这不是 RoomCall 常用项文件：内容嵌套层级过深。',
      ],
    ])('refuses a whole file that is %s in the language asked for', async (_, text, message) => {
      const store = open();
      await expect(
        (async () => store.importFavorites(parseFavoritesFile(text, 'zh-CN'), 'zh-CN'))(),
      ).rejects.toThrow(message);
      expect(() => parseFavoritesFile(Buffer.from([0xff, 0xfe, 0x00]), 'zh-CN')).toThrow(
        '这不是 RoomCall 常用项文件：内容不是 UTF-8 文本。',
      );
      expect(() => parseFavoritesFile('x'.repeat(6 * 1024 * 1024), 'zh-CN')).toThrow(
        /^此文件超过 2 MB，不是常用项文件（500 个常用项约 1 MB）。$/,
      );
    });

    it('refuses binary content as an import file', () => {
      expect(() => parseFavoritesFile(Buffer.from([0xff, 0xfe, 0x00]))).toThrow(/not UTF-8/);
    });
  });

  describe('findFavorite', () => {
    it('finds by id, by 1-based position, by name or by what it calls', async () => {
      const store = open();
      for (const favorite of [everest, sip, { ...h323, label: 'Codec' }]) await store.add(favorite);
      const items = await list();
      expect(findFavorite(items, 'f2')).toMatchObject({ status: 'found', position: 2 });
      expect(findFavorite(items, '3')).toMatchObject({ status: 'found', favorite: { id: 'f3' } });
      expect(findFavorite(items, 'everest 5f')).toMatchObject({ favorite: { id: 'f1' } });
      expect(findFavorite(items, 'codec')).toMatchObject({ favorite: { id: 'f3' } });
      expect(findFavorite(items, '+861012345678')).toMatchObject({ favorite: { id: 'f3' } });
      expect(findFavorite(items, '1234567890123456789')).toMatchObject({ favorite: { id: 'f1' } });
      expect(findFavorite(items, '4')).toEqual({ status: 'none' });
      expect(findFavorite(items, 'nothing')).toEqual({ status: 'none' });
    });

    it('says when a name matches more than one', async () => {
      const store = open();
      await store.add({ ...sip, label: 'Lobby' });
      await store.add({ ...h323, label: 'lobby' });
      const result = findFavorite(await list(), 'LOBBY');
      expect(result.status).toBe('ambiguous');
    });
  });
});
