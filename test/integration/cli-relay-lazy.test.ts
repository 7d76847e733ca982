/**
 * The relay's code (its server, storage, identity and problem rules) is for the relay's
 * machine: the commands every desktop runs never load it, errors included. Shown the hard way,
 * as cli-lazy-load.test.ts does for the commands' code: with every chunk that holds relay code
 * deleted from the built CLI, a desktop command still runs and still words its failure, and a
 * relay command no longer can.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle } from '../helpers/cli-bundle';
import { runBuiltCli } from '../helpers/run-process';
import { NO_MANAGED_CONFIG } from './cli-harness';

/** Names only relay code holds (error classes' names survive bundling as strings). */
const RELAY_MARKERS = ['RelayConfigError', 'RelayStorageError', 'RelayHttpError'];

let dir = '';
let cli = '';
let deleted: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-lazy-'));
  cli = await buildCliBundle(path.join(dir, 'cli'));
  const chunks = path.join(dir, 'cli', 'chunks');
  for (const file of await readdir(chunks)) {
    if (!file.endsWith('.mjs')) continue;
    const text = await readFile(path.join(chunks, file), 'utf8');
    if (RELAY_MARKERS.some((marker) => text.includes(marker))) {
      deleted.push(file);
      await rm(path.join(chunks, file));
    }
  }
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  deleted = [];
});

function run(args: readonly string[]) {
  return runBuiltCli(cli, dir, args, {
    timeoutMs: 15_000,
    env: { ...NO_MANAGED_CONFIG, ROOMCALL_RELAY_SQLITE_PATH: path.join(dir, 'relay.sqlite') },
  });
}

describe('roomcall without the relay’s code', () => {
  it('found relay code to delete, apart from the commands every desktop runs', () => {
    // Which chunks hold it is esbuild's choice (names change as the code does): some do.
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.some((file) => file.startsWith('handlers-'))).toBe(false);
  });

  it('runs a desktop command, and words a failure with the CLI’s own rules', async () => {
    const history = await run(['history', '--json']);
    expect(history.stderr).toBe('');
    expect(history.stdout.trim()).toBe('[]');
    expect(history.code).toBe(0);
    const missing = await run(['favorites', 'remove', '99']);
    expect(missing.stderr).toContain('roomcall:');
    expect(missing.stderr).not.toContain('Cannot find module');
    expect(missing.code).toBe(2);
  });

  // Else the tests above would prove nothing: the deleted chunks are what relay commands run.
  it('needs the relay’s code to run a relay command', async () => {
    const list = await run(['relay', 'token', 'list']);
    expect(list.code).not.toBe(0);
    expect(list.stderr).toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/);
  });
});
