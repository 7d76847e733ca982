import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManagedConfig } from '../../main/core/managed/managed-config';
import type { FavoriteView as Favorite, RequestOf } from '../../main/shared/ipc/contract';
import { MAX_IMPORT_ENTRIES, MAX_REPORTED_SKIPS } from '../../main/core/store/favorites-import';
import { hostileImportFile } from '../helpers/hostile-favorites';
import { startAppHarness, type AppHarness } from './app-harness';

const ROOMS = '/v1/meeting-rooms';

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

describe('room directory (against the simulator)', () => {
  it('shows the cache at once, refreshes in the background with progress, saves it', async () => {
    h = await startAppHarness({ rooms: 120 });
    const empty = await h.ok('getDirectory');
    expect(empty).toMatchObject({ fetchedAt: null, roomCount: 0, rooms: [], syncing: false });
    expect(h.sim.requests).toEqual([]);

    const started = await h.ok('refreshDirectory');
    expect(started.syncing).toBe(true);
    // A second refresh while one runs joins it.
    expect((await h.ok('refreshDirectory')).syncing).toBe(true);
    const done = await h.waitForEvent('directoryChanged', (status) => !status.syncing);
    expect(done).toMatchObject({ roomCount: 120, error: null, progress: null });
    expect(done.fetchedAt).toBe(new Date(h.time.now).toISOString());
    const progress = h
      .eventsNamed('directoryChanged')
      .flatMap((status) => (status.progress === null ? [] : [status.progress]));
    expect(progress.at(-1)).toEqual({ loaded: 120, total: 120 });
    expect(progress.length).toBeGreaterThanOrEqual(3);
    // 120 rooms in pages of 50: exactly 3 requests, for one refresh.
    expect(h.requestsTo('GET', ROOMS)).toHaveLength(3);

    const directory = await h.ok('getDirectory');
    expect(directory.rooms).toHaveLength(120);
    expect(directory.rooms[0]).toMatchObject({
      meetingRoomId: h.sim.rooms[0]?.meeting_room_id,
      name: h.sim.rooms[0]?.meeting_room_name,
      status: 'idle',
      callable: true,
    });

    // A fresh start of the app reads the saved cache without asking the server.
    const requests = h.sim.requests.length;
    h.app.directory.accountChanged();
    expect((await h.ok('getDirectory')).rooms).toHaveLength(120);
    expect(h.sim.requests.length).toBe(requests);
  });

  it('reports a failed refresh and keeps what it had', async () => {
    h = await startAppHarness();
    await h.ok('refreshDirectory');
    await h.app.directory.whenIdle();
    h.sim.faults.inject({ type: 'error', status: 403, code: 9042, path: ROOMS, times: 3 });
    await h.ok('refreshDirectory');
    const failed = await h.waitForEvent('directoryChanged', (s) => !s.syncing && s.error !== null);
    expect(failed).toMatchObject({ roomCount: 40, error: { kind: 'api', code: 9042 } });
  });

  it('still shows the rooms when the cache cannot be written, and says why', async () => {
    h = await startAppHarness();
    // A cache written by a newer RoomCall is read-only for this one.
    await writeFile(path.join(h.dataDir, 'directory-cache.json'), '{"version": 99}\n');
    await h.ok('refreshDirectory');
    const done = await h.waitForEvent('directoryChanged', (status) => !status.syncing);
    expect(done).toMatchObject({ roomCount: 40, error: { kind: 'storage' } });
    expect((await h.ok('getDirectory')).rooms).toHaveLength(40);
    const state = await h.ok('getAppState');
    expect(state.warnings.map((warning) => warning.file)).toEqual([
      path.join(h.dataDir, 'directory-cache.json'),
    ]);
  });

  it('renames room favourites after the rooms it finds', async () => {
    h = await startAppHarness();
    const room = h.sim.rooms[0];
    if (room === undefined) throw new Error('no room');
    await h.ok('addFavorite', {
      kind: 'room',
      meetingRoomId: room.meeting_room_id,
      name: 'Old',
      location: '',
    });
    await h.ok('refreshDirectory');
    await h.app.directory.whenIdle();
    const [favorite] = await h.ok('listFavorites');
    expect(favorite).toMatchObject({
      name: room.meeting_room_name,
      location: room.meeting_room_location,
    });
    expect(h.eventsNamed('favoritesChanged').at(-1)?.[0]).toMatchObject({
      name: room.meeting_room_name,
    });
  });
});

describe('favourites', () => {
  it('adds, renames, moves and removes, pushing every change', async () => {
    h = await startAppHarness();
    const a = await h.ok('addFavorite', {
      kind: 'mra',
      protocol: 'sip',
      dialString: 'room-a@vc.example.com',
      label: null,
    });
    expect(a.status).toBe('added');
    const duplicate = await h.ok('addFavorite', {
      kind: 'mra',
      protocol: 'sip',
      dialString: 'sip:room-a@vc.example.com',
      label: 'again',
    });
    expect(duplicate).toMatchObject({ status: 'duplicate', favorite: { id: a.favorite.id } });
    const b = await h.ok('addFavorite', {
      kind: 'room',
      meetingRoomId: '1234567890123456789',
      name: 'Board room',
      location: 'L12',
    });
    await h.ok('renameFavorite', { id: a.favorite.id, label: 'Lab' });
    const moved = await h.ok('moveFavorite', { id: b.favorite.id, toIndex: 0 });
    expect(moved.map((f) => f.id)).toEqual([b.favorite.id, a.favorite.id]);
    expect(moved[1]?.label).toBe('Lab');
    const removed = await h.ok('removeFavorite', { id: b.favorite.id });
    expect(removed.map((f) => f.id)).toEqual([a.favorite.id]);
    expect(h.eventsNamed('favoritesChanged').map((list) => list.length)).toEqual([1, 2, 2, 2, 1]);

    const bad = await h.call('addFavorite', {
      kind: 'mra',
      protocol: 'h323',
      dialString: 'room@host',
      label: null,
    });
    expect(bad).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('edits an address in one change: same id, same place, one push', async () => {
    h = await startAppHarness();
    const add = async (favorite: RequestOf<'addFavorite'>) =>
      (await h.ok('addFavorite', favorite)).favorite.id;
    const sip = await add({
      kind: 'mra',
      protocol: 'sip',
      dialString: 'a@vc.example.com',
      label: null,
    });
    const room = await add({
      kind: 'room',
      meetingRoomId: '1234567890123456789',
      name: 'Board',
      location: '',
    });
    const h323 = await add({
      kind: 'mra',
      protocol: 'h323',
      dialString: '+861012345678',
      label: 'Codec',
    });
    const pushes = h.eventsNamed('favoritesChanged').length;

    const edited = await h.ok('updateAddressFavorite', {
      id: sip,
      protocol: 'h323',
      dialString: ' 10.0.0.7 ',
      label: 'Lab',
    });
    expect(edited.map((favorite) => favorite.id)).toEqual([sip, room, h323]);
    expect(edited[0]).toEqual({
      id: sip,
      kind: 'mra',
      protocol: 'h323',
      dialString: '10.0.0.7',
      label: 'Lab',
      managed: false,
    });
    expect(await h.ok('listFavorites')).toEqual(edited);
    const pushed = h.eventsNamed('favoritesChanged');
    expect(pushed).toHaveLength(pushes + 1);
    expect(pushed.at(-1)).toEqual(edited);
    // The favourite now calls what it shows.
    await h.ok('refreshCurrentMeeting');
    const call = await h.ok('startCall', { favoriteId: sip });
    expect(call.target).toEqual({
      kind: 'mra',
      protocol: 'h323',
      dialString: '10.0.0.7',
      label: 'Lab',
    });
  });

  it('refuses an edit whole: the file and the list stay as they were, nothing is pushed', async () => {
    h = await startAppHarness();
    const add = async (favorite: RequestOf<'addFavorite'>) =>
      (await h.ok('addFavorite', favorite)).favorite.id;
    const sip = await add({
      kind: 'mra',
      protocol: 'sip',
      dialString: 'a@vc.example.com',
      label: 'A',
    });
    const room = await add({
      kind: 'room',
      meetingRoomId: '1234567890123456789',
      name: 'Board',
      location: '',
    });
    const h323 = await add({
      kind: 'mra',
      protocol: 'h323',
      dialString: '+861012345678',
      label: null,
    });
    const file = path.join(h.dataDir, 'favorites.json');
    const before = await readFile(file, 'utf8');
    const list = await h.ok('listFavorites');
    const pushes = h.eventsNamed('favoritesChanged').length;

    const refusals: [unknown, RegExp][] = [
      // Another favourite already calls it (the same rule as add: case and sip: do not count).
      [
        { id: h323, protocol: 'sip', dialString: 'SIP:A@vc.example.com', label: null },
        /already in your favourites as 'A'/,
      ],
      [
        { id: h323, protocol: 'h323', dialString: 'room@host', label: null },
        /not an H\.323 address|H\.323/,
      ],
      [
        { id: room, protocol: 'sip', dialString: 'b@vc.example.com', label: null },
        /is a room, not an address/,
      ],
      [
        { id: 'gone', protocol: 'sip', dialString: 'b@vc.example.com', label: null },
        /no favourite/,
      ],
      // The contract is strict: no kind, no stray fields.
      [
        { id: sip, kind: 'mra', protocol: 'sip', dialString: 'b@vc.example.com', label: null },
        /not valid/,
      ],
      [{ id: sip, protocol: 'sip', dialString: '', label: null }, /not valid/],
    ];
    for (const [payload, message] of refusals) {
      const refused = await h.call('updateAddressFavorite', payload);
      expect(refused).toMatchObject({ ok: false, error: { kind: 'validation', code: null } });
      expect(!refused.ok && refused.error.message).toMatch(message);
    }
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await h.ok('listFavorites')).toEqual(list);
    expect(h.eventsNamed('favoritesChanged')).toHaveLength(pushes);
  });

  it('exports and imports, reporting what it skipped and why', async () => {
    h = await startAppHarness();
    await h.ok('addFavorite', {
      kind: 'mra',
      protocol: 'sip',
      dialString: '192.168.1.20',
      label: null,
    });
    const chosen = path.join(h.dataDir, 'team-favourites.json');
    h.saveDialog.answers.push(chosen);
    const exported = await h.ok('exportFavorites');
    expect(exported).toEqual({ status: 'saved', path: chosen });
    expect(h.saveDialog.shown[0]?.options.defaultPath).toMatch(/\.json$/);
    const document = JSON.parse(await readFile(chosen, 'utf8')) as { favorites: unknown[] };
    document.favorites.push(
      { kind: 'room', meetingRoomId: '99887766554433', name: 'Imported' },
      { kind: 'mra', protocol: 'sip', dialString: 'not a dial string' },
    );
    const report = await h.ok('importFavorites', { json: JSON.stringify(document) });
    expect(report.added).toBe(1);
    expect(report.skipped.map((skip) => skip.index)).toEqual([0, 2]);
    expect(report.skipped[0]?.reason).toContain('already');
    expect(await h.call('importFavorites', { json: '{"no": "format"}' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(await h.call('importFavorites', { json: 'not json' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
  });

  it('a hostile import through IPC: refused or reported in a bounded answer', async () => {
    h = await startAppHarness();
    // 2.6 million bogus entries, 5 MB: within the contract's 5 M characters, over the 2 MB cap.
    const huge = await h.call('importFavorites', { json: hostileImportFile(2_600_000) });
    expect(huge).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(!huge.ok && huge.error.message).toMatch(/larger than 2 MB/);
    expect(JSON.stringify(huge).length).toBeLessThan(1024);

    const valid = { kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com', label: 'VC' };
    const bogus = { kind: 'mra', protocol: 'sip', dialString: 'x@y', label: 'L'.repeat(900) };
    const favorites = [valid, ...Array.from({ length: MAX_IMPORT_ENTRIES - 1 }, () => bogus)];
    const json = JSON.stringify({ format: 'roomcall-favorites', version: 1, favorites });
    const answer = await h.call('importFavorites', { json });
    expect(JSON.stringify(answer).length).toBeLessThan(64 * 1024);
    expect(answer).toMatchObject({
      ok: true,
      data: { added: 1, skippedCount: MAX_IMPORT_ENTRIES - 1 },
    });
    expect(answer.ok && (answer.data as { skipped: unknown[] }).skipped).toHaveLength(
      MAX_REPORTED_SKIPS,
    );
  });

  it("adds the organisation's favourites, flagged managed, which cannot be changed", async () => {
    h = await startAppHarness({ managed: managedLoad({ favorites: [orgFields] }) });
    const list = await h.ok('listFavorites');
    expect(list).toEqual([orgFavorite]);
    for (const [verb, payload] of [
      ['removeFavorite', { id: 'org-1' }],
      ['renameFavorite', { id: 'org-1', label: 'Mine' }],
      ['moveFavorite', { id: 'org-1', toIndex: 0 }],
      [
        'updateAddressFavorite',
        { id: 'org-1', protocol: 'sip', dialString: 'desk@sip.example.com', label: null },
      ],
    ] as const) {
      const refused = await h.call(verb, payload);
      expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } });
      expect(!refused.ok && refused.error.message).toContain('set by your organisation');
    }
    expect(await h.ok('listFavorites')).toEqual([orgFavorite]);
    // It calls like any other favourite.
    await h.ok('refreshCurrentMeeting');
    const call = await h.ok('startCall', { favoriteId: 'org-1' });
    expect(call.target).toMatchObject({ kind: 'mra', dialString: 'lobby@sip.example.com' });
  });

  it("flags the person's own favourites managed: false everywhere, and keeps the file's format", async () => {
    h = await startAppHarness({ managed: managedLoad({ favorites: [orgFields] }) });
    const added = await h.ok('addFavorite', {
      kind: 'mra',
      protocol: 'sip',
      dialString: 'desk@sip.example.com',
      label: 'Desk',
    });
    expect(added.favorite).toMatchObject({ label: 'Desk', managed: false });
    const own = added.favorite;
    expect(await h.ok('listFavorites')).toEqual([own, orgFavorite]);
    expect(h.eventsNamed('favoritesChanged').at(-1)).toEqual([own, orgFavorite]);
    // The same address saved by the person shows once, as theirs.
    const mine = await h.ok('addFavorite', { ...orgFields, label: 'Mine' });
    expect(mine.favorite.managed).toBe(false);
    const list = await h.ok('listFavorites');
    expect(list.map((item) => [item.label, item.managed])).toEqual([
      ['Desk', false],
      ['Mine', false],
    ]);
    // What is saved is the stored shape, without the flag: older versions read it as before.
    const file = JSON.parse(await readFile(path.join(h.dataDir, 'favorites.json'), 'utf8')) as {
      version: number;
      items: object[];
    };
    expect(file.version).toBe(1);
    for (const item of file.items) expect(item).not.toHaveProperty('managed');
  });

  it('goes by the flag, not the id: an own favourite whose id starts with "org-" can be changed', async () => {
    h = await startAppHarness({ managed: managedLoad({ favorites: [orgFields] }) });
    await writeFile(
      path.join(h.dataDir, 'favorites.json'),
      JSON.stringify({
        version: 1,
        items: [
          { id: 'org-hand-edited', kind: 'mra', protocol: 'sip', dialString: 'a@b.example.com' },
        ],
      }),
    );
    const renamed = await h.ok('renameFavorite', {
      id: 'org-hand-edited',
      label: 'Renamed',
    });
    expect(renamed).toEqual([
      {
        id: 'org-hand-edited',
        kind: 'mra',
        protocol: 'sip',
        dialString: 'a@b.example.com',
        label: 'Renamed',
        managed: false,
      },
      orgFavorite,
    ]);
    expect(await h.ok('removeFavorite', { id: 'org-hand-edited' })).toEqual([orgFavorite]);
  });

  it("keeps ids unique: an own favourite with the organisation's first id keeps it, the organisation's takes another", async () => {
    const second = { ...orgFields, dialString: 'hall@sip.example.com', label: 'Hall' };
    const load = managedLoad({ favorites: [orgFields] });
    h = await startAppHarness({
      managed: { ...load, config: { ...load.config, favorites: [orgFields, second] } },
    });
    // A hand-edited file: the person's own favourites hold 'org-1' and 'org-1-2'.
    const saved = JSON.stringify({
      version: 1,
      items: [
        { id: 'org-1', kind: 'mra', protocol: 'sip', dialString: 'mine@sip.example.com' },
        { id: 'org-1-2', kind: 'mra', protocol: 'h323', dialString: '10.0.0.9', label: 'Codec' },
      ],
    });
    const file = path.join(h.dataDir, 'favorites.json');
    await writeFile(file, saved);
    const mine = {
      id: 'org-1',
      kind: 'mra',
      protocol: 'sip',
      dialString: 'mine@sip.example.com',
      label: null,
      managed: false,
    } as const;
    const codec = {
      id: 'org-1-2',
      kind: 'mra',
      protocol: 'h323',
      dialString: '10.0.0.9',
      label: 'Codec',
      managed: false,
    } as const;
    const list = await h.ok('listFavorites');
    expect(list).toEqual([
      mine,
      codec,
      { ...orgFavorite, id: 'org-1-3' },
      { ...second, id: 'org-2', managed: true },
    ]);
    expect(new Set(list.map((item) => item.id)).size).toBe(list.length);
    // Reading changed nothing on disk: the person's favourites and their ids are as saved.
    expect(await readFile(file, 'utf8')).toBe(saved);

    // Each id reaches its own favourite: 'org-1' the person's, 'org-1-3' the organisation's.
    await h.ok('refreshCurrentMeeting');
    const ownCall = await h.ok('startCall', { favoriteId: 'org-1' });
    expect(ownCall.target).toMatchObject({ dialString: 'mine@sip.example.com' });
    const orgCall = await h.ok('startCall', { favoriteId: 'org-1-3' });
    expect(orgCall.target).toMatchObject({ dialString: 'lobby@sip.example.com' });
    const refused = await h.call('renameFavorite', { id: 'org-1-3', label: 'Mine' });
    expect(!refused.ok && refused.error.message).toContain('set by your organisation');
    const renamed = await h.ok('renameFavorite', { id: 'org-1', label: 'Mine' });
    expect(renamed[0]).toEqual({ ...mine, label: 'Mine' });
    expect(renamed.slice(2).map((item) => [item.id, item.managed])).toEqual([
      ['org-1-3', true],
      ['org-2', true],
    ]);

    // Once the person's 'org-1' is gone, the organisation's first favourite is 'org-1' again.
    const removed = await h.ok('removeFavorite', { id: 'org-1' });
    expect(removed.map((item) => [item.id, item.managed])).toEqual([
      ['org-1-2', false],
      ['org-1', true],
      ['org-2', true],
    ]);
  });
});

describe('settings', () => {
  it('saves a change, pushes it, and keeps what was not named', async () => {
    h = await startAppHarness();
    const view = await h.ok('updateSettings', { language: 'zh-CN' });
    expect(view.settings).toMatchObject({ language: 'zh-CN', operatorId: h.sim.operatorId });
    expect(view.settings.baseUrl).toBe(h.sim.baseUrl);
    expect(h.eventsNamed('settingsChanged').at(-1)?.settings.language).toBe('zh-CN');
    // Still configured: the language has nothing to do with the account.
    expect((await h.ok('getAppState')).configured).toBe(true);
  });

  it('refuses to change what the organisation locked, but accepts it unchanged', async () => {
    h = await startAppHarness({
      managed: managedLoad({
        settings: { language: 'en', launchAtLogin: true },
        locked: new Set(['launchAtLogin']),
      }),
    });
    const view = await h.ok('getSettings');
    expect(view.locked).toEqual(['launchAtLogin']);
    expect(view.settings.launchAtLogin).toBe(true);
    const refused = await h.call('updateSettings', { launchAtLogin: false });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(!refused.ok && refused.error.message).toContain('organisation');
    const same = await h.ok('updateSettings', {
      launchAtLogin: true,
      language: 'zh-CN',
    });
    expect(same.settings).toMatchObject({ launchAtLogin: true, language: 'zh-CN' });
  });
});

const orgFields = {
  kind: 'mra',
  protocol: 'sip',
  dialString: 'lobby@sip.example.com',
  label: 'Lobby',
} as const;
/** How the windows see the organisation's one favourite. */
const orgFavorite: Favorite = { ...orgFields, id: 'org-1', managed: true };

function managedLoad(config: Partial<ManagedConfig>) {
  const favorites = config.favorites === undefined ? [] : [orgFields];
  return {
    status: 'ok' as const,
    file: '/etc/roomcall/managed.json',
    config: {
      settings: {},
      operatorIdPattern: null,
      appId: null,
      sdkId: null,
      updateFeedUrl: null,
      locked: new Set(),
      userProblems: [],
      ...config,
      favorites,
    } satisfies ManagedConfig,
  };
}
