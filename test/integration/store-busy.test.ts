/**
 * A data file another RoomCall process keeps locked past the wait (5 s): the app answers an IPC
 * call with its own error kind, 'busy' (not 'storage', which reads like a broken disk), and the
 * CLI says so on stderr with exit 1. The lock is held by a real child process
 * (store-lock-child.ts `hold`), as the CLI or the app would hold it; nothing is written, and the
 * same change goes through once the holder lets go.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcErrorSchema, type RequestOf } from '../../main/shared/ipc/contract';
import { bundleForNode } from '../helpers/bundle-for-node';
import { closeAfterEach } from '../helpers/close-after-each';
import { startAppHarness } from './app-harness';
import { startCliHarness } from './cli-harness';

const here = path.dirname(fileURLToPath(import.meta.url));
let work: string;
let child: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'roomcall-busy-'));
  child = await bundleForNode(path.join(here, '../helpers/store-lock-child.ts'), work);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Holder {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Lets go of the lock and resolves once the child said so. */
  release(): Promise<void>;
}

/** A separate process holding `file`'s lock between processes until released. */
async function holdLock(file: string): Promise<Holder> {
  const proc = spawn(process.execPath, [child, 'hold', file], { stdio: 'pipe' });
  let out = '';
  let err = '';
  const said = (line: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (out.split('\n').includes(line)) resolve();
      };
      proc.stdout.on('data', check);
      proc.on('close', (code) => {
        reject(new Error(`holder exited (${code}) before "${line}": ${err}`));
      });
      check();
    });
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  await said('held');
  return {
    proc,
    release: async () => {
      proc.stdin.end();
      await said('released');
    },
  };
}

const app = closeAfterEach(startAppHarness);
const cli = closeAfterEach(startCliHarness);

const ADDRESS: RequestOf<'addFavorite'> = {
  kind: 'mra',
  protocol: 'sip',
  dialString: 'desk@sip.example.com',
  label: 'Desk',
};

describe('a data file another RoomCall is saving', () => {
  it('the app: IPC error kind "busy" with its hint, nothing saved, then saved on retry', async () => {
    const h = await app();
    const file = path.join(h.dataDir, 'favorites.json');
    const holder = await holdLock(file);
    try {
      const result = await h.call('addFavorite', ADDRESS);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(ipcErrorSchema.parse(result.error)).toEqual(result.error);
      expect(result.error).toMatchObject({ kind: 'busy', code: null });
      expect(result.error.hint).toContain('`roomcall` CLI');
      expect(result.error.hint).toContain('try again in a moment');
      expect(result.error.hint).toContain(`${file}.lock`);
      expect(result.error.message).toContain('favorites.json is busy');
      expect(result.error.message).toContain(`pid ${holder.proc.pid}`);
      expect(h.eventsNamed('favoritesChanged')).toEqual([]);
      await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });

      await holder.release();
      const retried = await h.ok('addFavorite', ADDRESS);
      expect(retried.status).toBe('added');
    } finally {
      holder.proc.kill('SIGKILL');
    }
  }, 30_000);

  it('the CLI: says who holds it and to try again, exit 1 (not a usage error)', async () => {
    const h = await cli();
    const file = path.join(h.dataDir, 'favorites.json');
    const holder = await holdLock(file);
    try {
      const result = await h.run(['favorites', 'add', '--sip', 'desk@sip.example.com', '-l', 'D']);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('roomcall: Your change to the favourites was not saved:');
      expect(result.stderr).toContain(`${file} is busy`);
      expect(result.stderr).toContain(`pid ${holder.proc.pid}`);
      expect(result.stderr).toContain('try again in a moment');
      expect(result.stderr.match(/try again/gi)).toHaveLength(1);
      await expect(readFile(file, 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });

      await holder.release();
      const retried = await h.run(['favorites', 'add', '--sip', 'desk@sip.example.com', '-l', 'D']);
      expect(retried.code).toBe(0);
    } finally {
      holder.proc.kill('SIGKILL');
    }
  }, 30_000);
});
