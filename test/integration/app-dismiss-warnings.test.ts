import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scopeProblem } from '../../main/app/ipc/window-scope';
import { startAppHarness, type AppHarness } from './app-harness';

/**
 * Issue 15 item 3: favourites that break the rules are set aside and every process warns
 * until the person has seen it. The CLI's `favorites list` marks them seen; in the app, the
 * settings window's Dismiss does (dismissWarnings), or the app would warn at every start.
 */

const room = (id: string, label: string | null = null) => ({
  id: `r${id}`,
  kind: 'room',
  meetingRoomId: id,
  name: `Room ${id}`,
  location: '',
  label,
});

describe('dismissing the warnings', () => {
  const harnesses: AppHarness[] = [];
  afterEach(async () => {
    // The later app first: the first one owns (and removes) the data folder.
    for (const h of harnesses.reverse()) await h.close();
    harnesses.length = 0;
  });
  const start = async (dataDir?: string) => {
    const h = await startAppHarness(dataDir === undefined ? {} : { dataDir });
    harnesses.push(h);
    return h;
  };

  it('marks the set-aside favourites seen, so neither this app nor the next warns again', async () => {
    const h = await start();
    await writeFile(
      path.join(h.dataDir, 'favorites.json'),
      JSON.stringify({ version: 1, items: [room('1'), room('2', 'L'.repeat(101))] }),
    );
    // The valid favourite stays; the invalid one is set aside and the app says so.
    expect((await h.ok('listFavorites')).map((favorite) => favorite.id)).toEqual(['r1']);
    const rejected = (await readdir(h.dataDir)).filter((name) =>
      /^favorites\.rejected-.*\.json$/.test(name),
    );
    expect(rejected).toHaveLength(1);
    const rejectedFile = path.join(h.dataDir, rejected[0] ?? '');
    const before = await h.ok('getAppState');
    expect(before.warnings).toHaveLength(1);
    expect(before.warnings[0]?.message).toContain(rejectedFile);

    const pushedBefore = h.eventsNamed('appStateChanged').length;
    const after = await h.ok('dismissWarnings');
    expect(after.warnings).toEqual([]);
    expect((await h.ok('getAppState')).warnings).toEqual([]);
    // The windows that are open learn it too.
    await h.waitForEvent('appStateChanged', (state) => state.warnings.length === 0);
    expect(h.eventsNamed('appStateChanged').length).toBeGreaterThan(pushedBefore);
    expect(await readdir(h.dataDir)).toContain(`${rejected[0] ?? ''}.seen`);

    // A new start of the app on the same folder: the favourite is still there, no warning.
    const next = await start(h.dataDir);
    expect((await next.ok('listFavorites')).map((favorite) => favorite.id)).toEqual(['r1']);
    expect((await next.ok('getAppState')).warnings).toEqual([]);
    // The rejected entries are kept for the person to fix and import, not deleted.
    expect(await readdir(h.dataDir)).toContain(rejected[0]);
  });

  it('without a dismissal, the next app warns again', async () => {
    const h = await start();
    await writeFile(
      path.join(h.dataDir, 'favorites.json'),
      JSON.stringify({ version: 1, items: [room('1', 'L'.repeat(101))] }),
    );
    await h.ok('listFavorites');
    expect((await h.ok('getAppState')).warnings).toHaveLength(1);
    const next = await start(h.dataDir);
    await next.ok('listFavorites');
    expect((await next.ok('getAppState')).warnings).toHaveLength(1);
  });

  it('is the settings window’s alone', () => {
    expect(scopeProblem('dismissWarnings', 'settings')).toBeNull();
    expect(scopeProblem('dismissWarnings', 'popover')).toMatch(/may not/);
    expect(scopeProblem('dismissWarnings', 'picker')).toMatch(/may not/);
  });
});
