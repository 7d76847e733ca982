import { spawnSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreWarning } from '../../main/core/store/store-warning';
import { bundleForNode } from '../helpers/bundle-for-node';
import { defaultSettings, type Settings } from '../../main/shared/model/settings-schema';

/**
 * An unreadable file (mode 000) is moved aside like any other unusable file. Root reads every
 * file whatever its mode, so the unit test of this case skips under root; this test covers it
 * there by running the store in a child process as an unprivileged user ("nobody").
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let work: string;
let child: string;

beforeAll(async () => {
  if (!isRoot) return;
  work = await mkdtemp(path.join(tmpdir(), 'roomcall-unreadable-'));
  // The child runs as nobody: the bundle must be readable by everyone.
  await chmod(work, 0o755);
  child = await bundleForNode(path.join(here, '../helpers/store-unreadable-child.ts'), work);
  await chmod(child, 0o644);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

interface ChildResult {
  loaded: { value: Settings; readOnly: boolean };
  warnings: StoreWarning[];
  saved: Settings | { error: string };
}

function runAsNobody(dir: string): ChildResult {
  const run = spawnSync(process.execPath, [child, dir], {
    uid: NOBODY,
    gid: NOBODY,
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as ChildResult;
}

describe('permissions, as an unprivileged user', () => {
  it.skipIf(!isRoot)(
    'an unreadable file (mode 000) is moved aside with a warning, defaults are used, nothing is lost (as nobody; runs only when the suite runs as root, the unit test covers other users)',
    async () => {
      const dir = path.join(work, 'data');
      await mkdir(dir, { mode: 0o700 });
      const file = path.join(dir, 'settings.json');
      const original = JSON.stringify({ version: 1, operatorId: 'before' });
      await writeFile(file, original);
      await chown(dir, NOBODY, NOBODY);
      await chown(file, NOBODY, NOBODY);
      await chmod(file, 0o000);

      const result = runAsNobody(dir);
      expect(result.loaded).toEqual({ value: defaultSettings(), readOnly: false });
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toMatchObject({ reason: 'unreadable', readOnly: false });
      expect(result.saved).toMatchObject({ operatorId: 'after' });

      const movedTo = result.warnings[0]?.movedTo ?? '';
      expect(await readFile(movedTo, 'utf8')).toBe(original);
      expect((await readdir(dir)).sort()).toEqual([path.basename(movedTo), 'settings.json'].sort());
    },
  );

  it.skipIf(!isRoot)(
    'a damaged file in a folder RoomCall may not change is left in place, read-only, never overwritten',
    async () => {
      const dir = path.join(work, 'locked');
      await mkdir(dir, { mode: 0o755 });
      const file = path.join(dir, 'settings.json');
      await writeFile(file, '{"version":1, damaged');
      await chmod(file, 0o666);

      const result = runAsNobody(dir);
      expect(result.loaded).toEqual({ value: defaultSettings(), readOnly: true });
      // Told once, although the file was read twice.
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toMatchObject({
        reason: 'not-json',
        movedTo: null,
        readOnly: true,
      });
      expect(result.warnings[0]?.message).toMatch(/could not be moved aside/);
      expect(result.saved).toEqual({ error: 'ReadOnlyDocumentError' });
      expect(await readFile(file, 'utf8')).toBe('{"version":1, damaged');
      expect(await readdir(dir)).toEqual(['settings.json']);
    },
  );
});
