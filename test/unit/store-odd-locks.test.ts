import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openFavorites } from '../../main/core/store/favorites';
import { acquireProcessLock } from '../../main/core/store/process-lock';
import { useTempDir } from '../helpers/temp-dir';

/**
 * Locks RoomCall never leaves: a folder named `favorites.json.lock` once blocked every write
 * with EISDIR; an empty or unreadable lock file made every write wait for its 30-second age.
 * Each must be taken over, and nothing in a folder lost.
 */

const address = {
  kind: 'mra',
  protocol: 'sip',
  dialString: 'a@vc.example.com',
  label: 'A',
} as const;

describe('odd lock files', () => {
  const dir = useTempDir();
  const open = () => openFavorites({ dir: dir(), onWarning: () => undefined });
  const lock = () => path.join(dir(), 'favorites.json.lock');

  it("an empty folder in the lock's place is removed and the change saved", async () => {
    await mkdir(lock());
    await open().add(address);
    expect((await open().load()).value).toHaveLength(1);
    expect(await readdir(dir())).toEqual(['favorites.json']);
  });

  it('a folder with something in it is renamed aside, its content kept', async () => {
    await mkdir(lock());
    await writeFile(path.join(lock(), 'notes.txt'), 'mine');
    await open().add(address);
    const names = await readdir(dir());
    const moved = names.find((name) => name.startsWith('favorites.json.lock.moved-'));
    expect(moved).toBeDefined();
    expect(await readFile(path.join(dir(), moved ?? '', 'notes.txt'), 'utf8')).toBe('mine');
    expect(names).not.toContain('favorites.json.lock');
  });

  it.each([
    ['empty', ''],
    ['not JSON', 'garbage'],
    ['JSON without an owner', '{"pid":"x"}'],
  ])(
    'a fresh %s lock file is taken over after a short grace, not waited for in vain',
    async (_, content) => {
      await writeFile(lock(), content);
      // Within the grace it may be a creator's lock about to be written: not taken at once.
      await expect(
        acquireProcessLock(path.join(dir(), 'favorites.json'), { timeoutMs: 200 }),
      ).rejects.toThrow(/is busy/);
      // The default wait (5 s) would end in "busy" if the lock were judged by its 30-s age.
      const held = await acquireProcessLock(path.join(dir(), 'favorites.json'));
      await held.release();
      await open().add(address);
      expect(await readdir(dir())).toEqual(['favorites.json']);
    },
  );
});
