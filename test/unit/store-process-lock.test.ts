import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquireProcessLock,
  FileBusyError,
  withProcessLock,
} from '../../main/core/store/process-lock';
import { useTempDir } from '../helpers/temp-dir';

const dir = useTempDir('roomcall-lock-');

function owner(pid: number, host = hostname(), token = 'someone-else'): string {
  return JSON.stringify({ pid, hostname: host, createdAt: new Date().toISOString(), token });
}

/** Makes the lock look `ageMs` old, as its age is read from its mtime. */
async function age(file: string, ageMs: number): Promise<void> {
  const when = new Date(Date.now() - ageMs);
  await utimes(file, when, when);
}

// The test runner's parent: alive, and not this process.
const livePid = process.ppid;

describe('withProcessLock', () => {
  it('holds <file>.lock with pid, hostname and createdAt while the task runs, then removes it', async () => {
    const file = path.join(dir(), 'doc.json');
    const seen = await withProcessLock(file, async () => {
      const lock = JSON.parse(await readFile(`${file}.lock`, 'utf8')) as Record<string, unknown>;
      return lock;
    });
    expect(seen).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(Date.parse(String(seen['createdAt']))).not.toBeNaN();
    expect(await readdir(dir())).toEqual([]);
  });

  it('releases the lock when the task fails', async () => {
    const file = path.join(dir(), 'doc.json');
    await expect(withProcessLock(file, () => Promise.reject(new Error('no')))).rejects.toThrow(
      'no',
    );
    expect(await readdir(dir())).toEqual([]);
  });

  it('lets one holder in at a time, even without the in-process queue', async () => {
    const file = path.join(dir(), 'doc.json');
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, () =>
        withProcessLock(file, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
  });

  it('waits no longer than the bound for a live holder, then names the file and the holder', async () => {
    const file = path.join(dir(), 'doc.json');
    await writeFile(`${file}.lock`, owner(livePid));
    let ran = false;
    const started = Date.now();
    const error: unknown = await withProcessLock(
      file,
      () => {
        ran = true;
        return Promise.resolve();
      },
      { timeoutMs: 200 },
    ).catch((thrown: unknown) => thrown);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(ran).toBe(false);
    expect(error).toBeInstanceOf(FileBusyError);
    const message = error instanceof Error ? error.message : '';
    expect(message).toContain(`${file} is busy`);
    expect(message).toContain(`pid ${livePid}`);
    // The way out, should the holder be no RoomCall at all, is in the hint.
    expect(error instanceof FileBusyError ? error.hint : '').toContain(`remove ${file}.lock`);
    // The live holder's lock is left alone.
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: livePid });
  });

  it('takes over a live pid lock once it is older than the stale bound', async () => {
    const file = path.join(dir(), 'doc.json');
    await writeFile(`${file}.lock`, owner(livePid));
    await age(`${file}.lock`, 60_000);
    expect(await withProcessLock(file, () => Promise.resolve('in'), { timeoutMs: 200 })).toBe('in');
    expect(await readdir(dir())).toEqual([]);
  });

  it('on another host only the age counts: a fresh lock is busy, an old one stale', async () => {
    const file = path.join(dir(), 'doc.json');
    await writeFile(`${file}.lock`, owner(999_999, 'elsewhere.example'));
    await expect(
      withProcessLock(file, () => Promise.resolve(), { timeoutMs: 100 }),
    ).rejects.toBeInstanceOf(FileBusyError);
    await age(`${file}.lock`, 60_000);
    expect(await withProcessLock(file, () => Promise.resolve('in'), { timeoutMs: 100 })).toBe('in');
  });

  it('a lock with this pid that this process does not hold is a previous process’s (pid reused)', async () => {
    const file = path.join(dir(), 'doc.json');
    await writeFile(`${file}.lock`, owner(process.pid));
    expect(await withProcessLock(file, () => Promise.resolve('in'), { timeoutMs: 100 })).toBe('in');
  });

  it('an unreadable lock is judged by its age alone', async () => {
    const file = path.join(dir(), 'doc.json');
    await writeFile(`${file}.lock`, 'not json');
    await expect(
      withProcessLock(file, () => Promise.resolve(), { timeoutMs: 100 }),
    ).rejects.toBeInstanceOf(FileBusyError);
    await age(`${file}.lock`, 60_000);
    expect(await withProcessLock(file, () => Promise.resolve('in'), { timeoutMs: 100 })).toBe('in');
  });

  it('several waiters breaking the same stale lock: still one holder at a time', async () => {
    const file = path.join(dir(), 'doc.json');
    await writeFile(`${file}.lock`, owner(livePid));
    await age(`${file}.lock`, 60_000);
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withProcessLock(file, async () => {
          inside += 1;
          most = Math.max(most, inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside -= 1;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(await readdir(dir())).toEqual([]);
  });

  it('a breaker left by a killed process does not block the take-over', async () => {
    const file = path.join(dir(), 'doc.json');
    await writeFile(`${file}.lock`, owner(livePid));
    await age(`${file}.lock`, 60_000);
    await writeFile(`${file}.lock.break`, owner(process.pid, hostname(), 'dead-breaker'));
    expect(await withProcessLock(file, () => Promise.resolve('in'), { timeoutMs: 500 })).toBe('in');
    expect(await readdir(dir())).toEqual([]);
  });

  it('release leaves alone a lock that is no longer this holder’s', async () => {
    const file = path.join(dir(), 'doc.json');
    const lock = await acquireProcessLock(file);
    // Held past the stale bound and taken over by someone else meanwhile.
    await writeFile(`${file}.lock`, owner(livePid));
    await lock.release();
    expect(JSON.parse(await readFile(`${file}.lock`, 'utf8'))).toMatchObject({ pid: livePid });
  });
});
