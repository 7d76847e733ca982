import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentBusyError } from '../../main/core/store/document-errors';
import { openJsonDocument, type JsonDocumentOptions } from '../../main/core/store/json-document';
import { bundleForNode } from '../helpers/bundle-for-node';
import { counterSchema } from '../helpers/store-lock-shared';

/**
 * The app and the CLI are separate processes updating the same files. Real child processes
 * (the core bundled, run by this Node) increment one counter through json-document `update` at
 * the same time: with the lock between processes every increment survives.
 *
 * Without it (the process lock bypassed in json-document's update) this very test lost updates
 * on every run: 3 children x 150 increments ended at 178, 183 and 179 instead of 450, each
 * read-modify-write overwriting the increments the others made between its read and its write.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
let work: string;
let child: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'roomcall-lock-'));
  child = await bundleForNode(path.join(here, '../helpers/store-lock-child.ts'), work);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Child {
  readonly proc: ChildProcessWithoutNullStreams;
  /** Resolves when the child printed `line`. */
  waitFor(line: string): Promise<void>;
  readonly exited: Promise<{ code: number | null; stderr: string }>;
}

function start(args: readonly string[]): Child {
  const proc = spawn(process.execPath, [child, ...args], { stdio: 'pipe' });
  const lines: string[] = [];
  const waiters: { line: string; resolve: () => void }[] = [];
  let stdout = '';
  let stderr = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    const parts = stdout.split('\n');
    stdout = parts.pop() ?? '';
    lines.push(...parts);
    for (const waiter of waiters) if (lines.includes(waiter.line)) waiter.resolve();
  });
  proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => {
      resolve({ code, stderr });
    });
  });
  return {
    proc,
    exited,
    waitFor: (line) =>
      new Promise<void>((resolve, reject) => {
        if (lines.includes(line)) {
          resolve();
          return;
        }
        waiters.push({ line, resolve });
        void exited.then(({ code, stderr: text }) => {
          reject(new Error(`child exited (${code}) before "${line}": ${text}`));
        });
      }),
  };
}

function counter(dir: string, extra: Partial<JsonDocumentOptions> = {}) {
  return openJsonDocument(
    { name: 'counter', fileName: 'counter.json', version: 1, schema: counterSchema },
    { dir, onWarning: () => undefined, ...extra },
  );
}

/** A pid that was alive a moment ago and is not any more. */
async function deadPid(): Promise<number> {
  const proc = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = proc.pid;
  await new Promise((resolve) => proc.on('close', resolve));
  if (pid === undefined) throw new Error('no pid');
  return pid;
}

describe('the lock between processes', () => {
  it('concurrent updates from several processes: every increment is kept', async () => {
    const dir = await mkdtemp(path.join(work, 'count-'));
    const perChild = 150;
    const children = [0, 1, 2].map(() => start(['count', dir, String(perChild)]));
    await Promise.all(children.map((one) => one.waitFor('ready')));
    // All start at once, so their updates overlap as much as they can.
    for (const one of children) one.proc.stdin.write('go\n');
    const results = await Promise.all(children.map((one) => one.exited));
    for (const result of results) expect(result).toEqual({ code: 0, stderr: '' });

    expect((await counter(dir).load()).value.count).toBe(children.length * perChild);
    // Every lock was released, every temporary file renamed or removed.
    expect(await readdir(dir)).toEqual(['counter.json']);
  }, 60_000);

  it('a lock left by a killed process is taken over at once', async () => {
    const dir = await mkdtemp(path.join(work, 'killed-'));
    const doc = counter(dir);
    await doc.update(() => ({ count: 1 }));
    const holder = start(['hold', doc.file]);
    await holder.waitFor('held');
    holder.proc.kill('SIGKILL');
    await holder.exited;
    expect(await readdir(dir)).toContain('counter.json.lock');

    const started = Date.now();
    expect(await doc.update((current) => ({ count: current.count + 1 }))).toEqual({ count: 2 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await readdir(dir)).toEqual(['counter.json']);
  });

  it('a lock file naming a dead pid on this host is stale, however new', async () => {
    const dir = await mkdtemp(path.join(work, 'dead-'));
    const doc = counter(dir);
    const pid = await deadPid();
    await writeFile(
      `${doc.file}.lock`,
      JSON.stringify({
        pid,
        hostname: hostname(),
        createdAt: new Date().toISOString(),
        token: 'x',
      }),
    );
    expect(await doc.update(() => ({ count: 5 }))).toEqual({ count: 5 });
    expect(await readdir(dir)).toEqual(['counter.json']);
  });

  it('a live holder past the wait: a clear error naming the file, and nothing written', async () => {
    const dir = await mkdtemp(path.join(work, 'busy-'));
    const doc = counter(dir, { lock: { timeoutMs: 400 } });
    await doc.update(() => ({ count: 7 }));
    const before = await readFile(doc.file, 'utf8');
    const holder = start(['hold', doc.file]);
    try {
      await holder.waitFor('held');
      const started = Date.now();
      const error: unknown = await doc
        .update(() => ({ count: 8 }))
        .catch((thrown: unknown) => thrown);
      const waited = Date.now() - started;
      expect(error).toBeInstanceOf(DocumentBusyError);
      const message = error instanceof Error ? error.message : '';
      expect(message).toContain(doc.file);
      expect(message).toContain('busy');
      expect(message).toContain(`pid ${holder.proc.pid}`);
      expect(waited).toBeGreaterThanOrEqual(350);
      expect(waited).toBeLessThan(3_000);
      expect(await readFile(doc.file, 'utf8')).toBe(before);
      expect((await readdir(dir)).sort()).toEqual(['counter.json', 'counter.json.lock']);

      // Once the holder lets go, the next update goes through.
      holder.proc.stdin.end();
      await holder.waitFor('released');
      expect(await doc.update(() => ({ count: 8 }))).toEqual({ count: 8 });
    } finally {
      holder.proc.kill('SIGKILL');
    }
  });

  it('an update waits for a holder that lets go within the wait', async () => {
    const dir = await mkdtemp(path.join(work, 'wait-'));
    const doc = counter(dir);
    const holder = start(['hold', doc.file]);
    try {
      await holder.waitFor('held');
      const update = doc.update((current) => ({ count: current.count + 1 }));
      setTimeout(() => holder.proc.stdin.end(), 200);
      expect(await update).toEqual({ count: 1 });
      expect((await holder.exited).code).toBe(0);
    } finally {
      holder.proc.kill('SIGKILL');
    }
  });
});
