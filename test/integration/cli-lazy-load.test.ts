/**
 * The built CLI loads the commands' code (handlers.ts: the core, zod, the keychain) only when a
 * command runs: help, the version and usage errors are answered from the command definitions
 * alone. Shown the hard way: with the chunk that holds the commands' code deleted, they still
 * answer as ever, and a command that needs its code fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle } from '../helpers/cli-bundle';
import { NO_MANAGED_CONFIG } from './cli-harness';

let dir = '';
let cli = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-lazy-'));
  cli = await buildCliBundle(path.join(dir, 'cli'));
  const chunks = path.join(dir, 'cli', 'chunks');
  const handlers = (await readdir(chunks)).filter((file) => file.startsWith('handlers-'));
  expect(handlers.length).toBeGreaterThan(0);
  for (const file of handlers) await rm(path.join(chunks, file));
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function run(args: readonly string[]) {
  return spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      ...NO_MANAGED_CONFIG,
      HOME: dir,
      XDG_CACHE_HOME: path.join(dir, 'cache'),
      ROOMCALL_DATA_DIR: path.join(dir, 'data'),
      COLUMNS: '100',
    },
  });
}

describe('roomcall without the commands’ code', () => {
  it('prints the help of the program and of every command', () => {
    const root = run(['--help']);
    expect(root.status).toBe(0);
    expect(root.stdout).toContain('Usage: roomcall [options] [command]');
    expect(root.stdout).toContain('Exit codes:');
    for (const command of [['invite'], ['favorites', 'move'], ['auth', 'login'], ['history']]) {
      const help = run([...command, '--help']);
      expect(help.stderr).toBe('');
      expect(help.stdout).toContain(`Usage: roomcall ${command.join(' ')}`);
      expect(help.status).toBe(0);
    }
  });

  it('prints the version', () => {
    const version = run(['-V']);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(version.status).toBe(0);
  });

  it('reports usage errors with exit code 2', () => {
    const unknown = run(['invite', '--bogus']);
    expect(unknown.stderr).toContain("roomcall: error: unknown option '--bogus'");
    expect(unknown.status).toBe(2);
    const badLimit = run(['history', '--limit', '0']);
    expect(badLimit.stderr).toContain('Give a whole number from 1 to 100.');
    expect(badLimit.status).toBe(2);
  });

  // Else the tests above would prove nothing: the deleted chunk is what commands run.
  it('needs the code to run a command', () => {
    const list = run(['favorites', 'list']);
    expect(list.status).not.toBe(0);
  });
});
