/**
 * A favourites change while another RoomCall holds favorites.json (its lock file, naming a
 * live process on this host): main waits, then answers 'busy' and saves nothing. The picker
 * says so in the row, its "Try again" is the next stops by keyboard, and once the other
 * RoomCall is done it makes the change once.
 */
import { spawn } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import {
  addRoomFavorites,
  expect,
  expectNoSeriousA11yIssues,
  keepScreenshot,
  open,
  SIM_ROOMS,
  test,
} from './fixtures';

test('a move refused as busy is tried again by keyboard and made once', async ({
  page,
  preview,
}, testInfo) => {
  test.setTimeout(60_000);
  await addRoomFavorites(preview, [SIM_ROOMS.accepted.index, SIM_ROOMS.boardroom.index]);
  await open(page, preview, 'picker');
  await page.getByRole('tab', { name: /Favourites/ }).click();
  const list = page.getByRole('list', { name: 'Favourites' });
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // The other RoomCall: a process that is alive while the test runs (not this one: the lock
  // of a pid that is this process's without its token counts as stale).
  const other = spawn('sleep', ['60'], { stdio: 'ignore' });
  const lock = path.join(preview.dataDir, 'favorites.json.lock');
  try {
    if (other.pid === undefined) throw new Error('could not start a process to hold the lock');
    await writeFile(
      lock,
      JSON.stringify({
        pid: other.pid,
        hostname: hostname(),
        createdAt: new Date().toISOString(),
        token: 'another-roomcall',
      }),
    );

    const name = SIM_ROOMS.boardroom.name;
    const moveUp = page.getByRole('button', { name: `Move ${name} up` });
    await moveUp.focus();
    await page.keyboard.press('Enter');
    const row = list.getByRole('listitem').filter({ hasText: name });
    const alert = row.getByRole('alert');
    await expect(alert).toContainText(`Could not move ${name}.`, { timeout: 20_000 });
    await expect(alert).toContainText('Not saved: RoomCall is busy with this file');
    await expect(list.getByRole('listitem').first()).toContainText(SIM_ROOMS.accepted.name);
    await keepScreenshot(page, testInfo, 'favourite-retry-busy');
    await expectNoSeriousA11yIssues(page, 'favourite-retry-busy');

    // Try again is a few Tab presses away: after the row's own controls.
    const retryName = `Try again: Move ${name} up`;
    const retry = row.getByRole('button', { name: retryName });
    const focusedName = () => page.locator(':focus').getAttribute('aria-label');
    let presses = 0;
    while ((await focusedName()) !== retryName) {
      presses += 1;
      expect(presses, 'Tab presses to reach Try again').toBeLessThanOrEqual(5);
      await page.keyboard.press('Tab');
    }
    await expect(retry).toBeFocused();

    // The other RoomCall is done.
    await rm(lock);
    await page.keyboard.press('Enter');
    await expect(list.getByRole('listitem').first()).toContainText(name);
    await expect(row.getByRole('alert')).toHaveCount(0);
    // Focus is back on the moved row's button (now the first row: "Move … down").
    await expect(page.getByRole('button', { name: `Move ${name} down` })).toBeFocused();
    const saved = await preview.services.favorites.list();
    expect(saved.map((favorite) => favorite.kind === 'room' && favorite.name)).toEqual([
      name,
      SIM_ROOMS.accepted.name,
    ]);
  } finally {
    other.kill();
    await rm(lock, { force: true });
  }
});
