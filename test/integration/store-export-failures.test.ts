/**
 * `roomcall favorites export -o FILE` into a folder the user may not write, as a real process.
 * Root writes everywhere whatever the modes, so under root the CLI runs as an unprivileged user
 * ("nobody"), as store-unreadable.test.ts does; otherwise as this user in a folder made
 * read-only. The old export must stay whole, nothing be left beside it, and the CLI exit 1 with
 * its own words (not 2, the usage code, and not the raw EACCES text with "report it").
 * The full disk (ENOSPC) case: test/unit/store-write-failures.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFavorites } from '../../main/core/store/favorites';
import { buildCliBundle } from '../helpers/cli-bundle';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let work = '';
let script = '';

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'roomcall-export-'));
  // Under root the child runs as nobody: the bundle must be readable by everyone.
  await chmod(work, 0o755);
  script = await buildCliBundle(work);
  await chmod(script, 0o644);
}, 60_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32')('favorites export into a folder that refuses', () => {
  it('exit 1 in words; the old file whole; no temporary file left', async () => {
    const data = path.join(work, 'data');
    await mkdir(data, { mode: 0o700 });
    const store = openFavorites({ dir: data, onWarning: () => undefined });
    await store.add({ kind: 'mra', protocol: 'sip', dialString: 'a@vc.example.com', label: 'A' });
    const out = path.join(work, 'shared');
    await mkdir(out, { mode: 0o755 });
    const target = path.join(out, 'team-rooms.json');
    const old = '{"format":"roomcall-favorites","version":1,"favorites":[]}\n';
    await writeFile(target, old, { mode: 0o644 });
    if (isRoot) {
      for (const name of ['', 'favorites.json']) await chown(path.join(data, name), NOBODY, NOBODY);
    } else {
      await chmod(out, 0o555);
    }

    const run = spawnSync(process.execPath, [script, 'favorites', 'export', '--output', target], {
      env: { PATH: process.env['PATH'] ?? '', HOME: data, ROOMCALL_DATA_DIR: data },
      encoding: 'utf8',
      ...(isRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    await chmod(out, 0o755);

    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `${target} was not saved: you are not allowed to write in that folder (EACCES). Nothing was changed: a file already there is as it was.`,
    );
    expect(run.stderr).toContain('Choose a folder you can write to');
    expect(run.stderr).not.toMatch(/report it/i);
    expect(run.status).toBe(1);
    expect(await readFile(target, 'utf8')).toBe(old);
    expect(await readdir(out)).toEqual(['team-rooms.json']);
  });
});
