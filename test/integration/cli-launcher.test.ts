/**
 * The `roomcall` launcher as a real process: built with scripts/build.mjs's own target, next to a
 * stand-in CLI bundle that only says it was loaded. The current Node loads the CLI; an older
 * Node (this machine's system Node, where there is one) is refused in words, exit 1, before the
 * CLI — and so the native keychain module, which crashes an older Node — is ever loaded.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSupportedNode } from '../../main/cli/node-version';
import { cliBuildTargets } from '../../scripts/cli-build';

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-launcher-'));
  const [launcher] = cliBuildTargets(dir);
  if (launcher === undefined) throw new Error('scripts/cli-build.ts has no launcher target');
  await build({ ...launcher, sourcemap: false });
  await writeFile(path.join(dir, 'roomcall-main.mjs'), "process.stdout.write('cli loaded\\n');\n");
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(node: string, env: NodeJS.ProcessEnv = {}, args: readonly string[] = ['rooms']) {
  return spawnSync(node, [path.join(dir, 'roomcall.mjs'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: path.join(dir, 'cache'), ...env },
  });
}

/** A Node.js on PATH older than the launcher accepts, with its version, or null. */
function olderNode(): { path: string; version: string } | null {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node', '/bin/node']) {
    try {
      const version = execFileSync(candidate, ['-p', 'process.versions.node'], {
        encoding: 'utf8',
      }).trim();
      if (!isSupportedNode(version)) return { path: candidate, version };
    } catch {
      // not installed there
    }
  }
  return null;
}

describe('the roomcall launcher', () => {
  it('loads the CLI on a supported Node', () => {
    const result = run(process.execPath);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('cli loaded\n');
    expect(result.status).toBe(0);
  });

  it('answers --version itself, without loading the CLI', async () => {
    const { default: pkg } = (await import('../../package.json', { with: { type: 'json' } })) as {
      default: { version: string };
    };
    for (const flag of ['--version', '-V']) {
      const result = run(process.execPath, {}, [flag]);
      expect(result.stdout).toBe(`${pkg.version}\n`);
      expect(result.status).toBe(0);
    }
    // Anything more is the CLI's to answer.
    expect(run(process.execPath, {}, ['--version', '--json']).stdout).toBe('cli loaded\n');
  });

  it('keeps a compile cache in the user cache folder, and runs without one', async () => {
    expect(run(process.execPath).status).toBe(0);
    expect((await readdir(path.join(dir, 'cache', 'roomcall', 'node'))).length).toBeGreaterThan(0);
    // A cache folder that cannot be made (its parent is a file) only means no cache.
    const unwritable = run(process.execPath, { XDG_CACHE_HOME: path.join(dir, 'roomcall.mjs') });
    expect(unwritable.stderr).toBe('');
    expect(unwritable.stdout).toBe('cli loaded\n');
    expect(unwritable.status).toBe(0);
  });

  const older = olderNode();
  it.skipIf(older === null)(
    `refuses an older Node in words, before loading the CLI (${older === null ? 'no older Node.js on this machine' : older.path})`,
    () => {
      if (older === null) return;
      const result = run(older.path);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`this is Node.js ${older.version}`);
      expect(result.stderr).toContain('Install Node.js 24');
      expect(result.status).toBe(1);
    },
  );
});
