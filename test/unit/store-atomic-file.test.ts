import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FileTooLargeError,
  NotAFileError,
  readFileLimited,
  removeStaleTempFiles,
  tempFileOwner,
  withFileLock,
  writeFileAtomic,
} from '../../main/core/store/atomic-file';
import { decodeUtf8, jsonDepth, parseJsonText } from '../../main/core/store/safe-json';
import { useTempDir } from '../helpers/temp-dir';

/** A pid that is certainly not running: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('writeFileAtomic', () => {
  const dir = useTempDir();

  it('writes, replaces, and leaves no temporary file behind', async () => {
    const file = path.join(dir(), 'a.json');
    await writeFileAtomic(file, 'one');
    await writeFileAtomic(file, 'two');
    expect(await readFile(file, 'utf8')).toBe('two');
    expect(await readdir(dir())).toEqual(['a.json']);
  });

  it('creates files readable by their owner only', async () => {
    const file = path.join(dir(), 'a.json');
    await writeFileAtomic(file, 'x');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('serialises writes to one path: the last call wins, whatever their sizes', async () => {
    const file = path.join(dir(), 'a.json');
    const writes = Array.from({ length: 40 }, (_, index) =>
      writeFileAtomic(file, `${index}:`.padEnd(index % 2 === 0 ? 200_000 : 10, '.')),
    );
    await Promise.all(writes);
    expect((await readFile(file, 'utf8')).startsWith('39:')).toBe(true);
  });

  it('removes its temporary file when the rename fails', async () => {
    const file = path.join(dir(), 'a.json');
    await mkdir(file);
    await expect(writeFileAtomic(file, 'x')).rejects.toThrow();
    expect(await readdir(dir())).toEqual(['a.json']);
  });
});

describe('withFileLock', () => {
  it('runs tasks for one path in order and does not let a failure block the queue', async () => {
    const order: string[] = [];
    const slow = withFileLock('/tmp/x', async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      order.push('slow');
    });
    const failing = withFileLock('/tmp/./x', () => Promise.reject(new Error('no')));
    const last = withFileLock('/tmp/x', () => {
      order.push('last');
      return Promise.resolve(3);
    });
    await slow;
    await expect(failing).rejects.toThrow('no');
    expect(await last).toBe(3);
    expect(order).toEqual(['slow', 'last']);
  });

  it('lets different paths run side by side', async () => {
    const order: string[] = [];
    const a = withFileLock('/tmp/a', async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      order.push('a');
    });
    const b = withFileLock('/tmp/b', () => {
      order.push('b');
      return Promise.resolve();
    });
    await Promise.all([a, b]);
    expect(order).toEqual(['b', 'a']);
  });
});

describe('readFileLimited', () => {
  const dir = useTempDir();

  it('reads a file, and says null for a missing one', async () => {
    const file = path.join(dir(), 'a');
    await writeFile(file, 'hello');
    expect(Buffer.from((await readFileLimited(file)) ?? []).toString()).toBe('hello');
    expect(await readFileLimited(path.join(dir(), 'missing'))).toBeNull();
  });

  it('refuses a file over the limit without reading it all', async () => {
    const file = path.join(dir(), 'big');
    await writeFile(file, Buffer.alloc(1001));
    await expect(readFileLimited(file, 1000)).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await readFileLimited(file, 1001)).toHaveLength(1001);
  });

  it('refuses a folder', async () => {
    await expect(readFileLimited(dir())).rejects.toBeInstanceOf(NotAFileError);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without blocking', async () => {
    const fifo = path.join(dir(), 'fifo');
    spawnSync('mkfifo', [fifo]);
    await expect(readFileLimited(fifo)).rejects.toBeInstanceOf(NotAFileError);
  });
});

describe('removeStaleTempFiles', () => {
  const dir = useTempDir();

  it('removes what a dead writer left, keeps what a live one is writing', async () => {
    const file = path.join(dir(), 'settings.json');
    const dead = `settings.json.${deadPid()}-0123456789ab.tmp`;
    const live = `settings.json.${process.ppid}-0123456789ab.tmp`;
    const other = `favorites.json.${deadPid()}-0123456789ab.tmp`;
    for (const name of [dead, live, other, 'settings.json']) {
      await writeFile(path.join(dir(), name), 'x');
    }
    const removed = await removeStaleTempFiles(file);
    expect(removed).toEqual([path.join(dir(), dead)]);
    expect((await readdir(dir())).sort()).toEqual([other, 'settings.json', live].sort());
  });

  it('removes a live pid’s file once it is older than any write could take', async () => {
    const file = path.join(dir(), 'settings.json');
    const name = `settings.json.${process.ppid}-0123456789ab.tmp`;
    await writeFile(path.join(dir(), name), 'x');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(path.join(dir(), name), hourAgo, hourAgo);
    expect(await removeStaleTempFiles(file)).toEqual([path.join(dir(), name)]);
  });

  it('recognises only its own temporary names', () => {
    expect(tempFileOwner('a.json', 'a.json.123-0123456789ab.tmp')).toBe(123);
    expect(tempFileOwner('a.json', 'a.json.corrupt-2026.json')).toBeNull();
    expect(tempFileOwner('a.json', 'b.json.123-0123456789ab.tmp')).toBeNull();
    expect(tempFileOwner('a.json', 'a.json.x-0123456789ab.tmp')).toBeNull();
  });
});

describe('safe JSON', () => {
  it('measures nesting outside strings only', () => {
    expect(jsonDepth('{"a":[1,{"b":2}]}')).toBe(3);
    expect(jsonDepth('{"a":"[[[[[[\\"[["}')).toBe(1);
    expect(jsonDepth('[]')).toBe(1);
    expect(jsonDepth('"x"')).toBe(0);
  });

  it('refuses deep nesting before parsing', () => {
    expect(parseJsonText('['.repeat(100_000) + ']'.repeat(100_000))).toEqual({
      ok: false,
      problem: 'too-deep',
    });
    expect(parseJsonText('[[1]]', 2)).toEqual({ ok: true, value: [[1]] });
  });

  it('rejects invalid UTF-8 and drops a BOM', () => {
    expect(decodeUtf8(Buffer.from([0xff, 0xfe]))).toBeNull();
    expect(decodeUtf8(Buffer.from([0xef, 0xbb, 0xbf, 0x31]))).toBe('1');
  });
});
