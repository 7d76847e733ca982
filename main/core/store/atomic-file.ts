import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, rename, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { asWriteError, errorCode } from './fs-errors';

export { asWriteError, errorCode, FileWriteError, type WriteProblem } from './fs-errors';

/**
 * Files that survive crashes and hostile content:
 * - a write goes to a temporary file in the same folder, is flushed to disk (fsync), then
 *   renamed over the target (atomic on POSIX and on NTFS), and the folder is fsynced so the
 *   rename itself survives a power cut: a reader sees the old content or the new, never half;
 * - writes to one path run one at a time, in call order (a per-path queue), so two quick
 *   saves cannot interleave or finish out of order; that queue serialises one process only:
 *   between processes (the app and the CLI) the JSON document also holds a lock file
 *   (process-lock.ts) around each read-modify-write;
 * - new files are 0600 (owner only);
 * - reads refuse anything that is not a regular file or is larger than a limit, without
 *   blocking on a FIFO and without reading a hostile file's gigabytes into memory.
 */

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export class FileTooLargeError extends Error {
  readonly limit: number;
  constructor(file: string, limit: number) {
    super(`${file} is larger than ${limit} bytes: refused.`);
    this.name = 'FileTooLargeError';
    this.limit = limit;
  }
}

export class NotAFileError extends Error {
  constructor(file: string) {
    super(`${file} is not a regular file (a folder, device or pipe is in its place).`);
    this.name = 'NotAFileError';
  }
}

// O_NONBLOCK: opening a FIFO planted where a file should be must not hang the app. It has no
// effect on regular files, and Windows has neither.
export const READ_FLAGS = constants.O_RDONLY | ((constants.O_NONBLOCK as number | undefined) ?? 0);
const CHUNK = 64 * 1024;

/** The file's bytes; null when it does not exist. Throws FileTooLargeError, NotAFileError. */
export async function readFileLimited(
  file: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<Uint8Array | null> {
  let handle: FileHandle;
  try {
    handle = await open(file, READ_FLAGS);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    // Windows refuses to open a folder as a file.
    if (errorCode(error) === 'EISDIR') throw new NotAFileError(file);
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new NotAFileError(file);
    if (stat.size > maxBytes) throw new FileTooLargeError(file, maxBytes);
    // The size is checked again while reading: the file may grow after the stat.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new FileTooLargeError(file, maxBytes);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

const queues = new Map<string, Promise<unknown>>();

/**
 * Runs `task` after every task queued earlier for the same path has settled. A failed task
 * does not block the ones after it. The key is the resolved path, so "a/../b" and "b" queue
 * together.
 */
export function withFileLock<T>(file: string, task: () => Promise<T>): Promise<T> {
  const key = path.resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

const TEMP_SUFFIX = '.tmp';

/** `<name>.<pid>-<random>.tmp`: the pid lets a later run tell a dead writer's leftovers. */
export function tempNameFor(file: string): string {
  const base = path.basename(file);
  return path.join(
    path.dirname(file),
    `${base}.${process.pid}-${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`,
  );
}

/** The pid in a temporary file name of `base`, or null when `name` is not one of them. */
export function tempFileOwner(base: string, name: string): number | null {
  if (!name.startsWith(`${base}.`) || !name.endsWith(TEMP_SUFFIX)) return null;
  const middle = name.slice(base.length + 1, -TEMP_SUFFIX.length);
  const match = /^(\d+)-[0-9a-f]{12}$/.exec(middle);
  return match?.[1] === undefined ? null : Number(match[1]);
}

export interface AtomicWriteOptions {
  /**
   * Writes the data into the open temporary file. Tests replace it to make a write fail
   * half-way, as a full disk does; everything else uses the default.
   */
  readonly writeData?: (handle: FileHandle, data: string | Uint8Array) => Promise<void>;
}

const writeData = async (handle: FileHandle, data: string | Uint8Array): Promise<void> => {
  await handle.writeFile(data);
};

/**
 * Replaces the file's content atomically. Callers hold withFileLock for this path (the JSON
 * document does, around read-modify-write); writeFileAtomic is the locked version. A full or
 * read-only disk, or a folder that may not be written, is a FileWriteError; the file at the
 * path is then untouched and the temporary file removed.
 */
export async function replaceFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  try {
    await replace(file, data, options.writeData ?? writeData);
  } catch (error) {
    throw asWriteError(error, file);
  }
}

async function replace(
  file: string,
  data: string | Uint8Array,
  write: NonNullable<AtomicWriteOptions['writeData']>,
): Promise<void> {
  const temp = tempNameFor(file);
  // 'wx': never follow or reuse something already there; 0600 before a byte is written.
  const handle = await open(temp, 'wx', 0o600);
  try {
    try {
      await write(handle, data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(path.dirname(file));
}

export function writeFileAtomic(
  file: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  return withFileLock(file, () => replaceFileAtomic(file, data, options));
}

/**
 * On Windows a rename onto a file that a virus scanner or indexer has open fails for a moment
 * with EPERM/EACCES/EBUSY (the reason graceful-fs retries renames there); elsewhere no retry.
 */
async function renameWithRetry(from: string, to: string): Promise<void> {
  const attempts = process.platform === 'win32' ? 8 : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = errorCode(error);
      const transient = code === 'EPERM' || code === 'EACCES' || code === 'EBUSY';
      if (!transient || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }
}

/** Makes a rename durable. Windows cannot open a folder for fsync; some file systems refuse. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Best effort: the data itself is already fsynced; only the rename's durability is at stake.
  } finally {
    await handle?.close();
  }
}

/** Whether a process with this pid runs on this machine (Windows too: libuv probes it). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return errorCode(error) === 'EPERM';
  }
}

const STALE_AFTER_MS = 10 * 60 * 1000;

/**
 * Removes temporary files that a killed writer left next to `file`. One is stale when its
 * writer is gone, or when it is older than any write could take (the pid may have been reused);
 * a live writer's file is left alone, so the app and the CLI can run side by side.
 */
export async function removeStaleTempFiles(file: string, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(file);
  const base = path.basename(file);
  // A folder that cannot be listed has nothing to clean up.
  const names = await readdir(dir).catch((): string[] => []);
  const removed: string[] = [];
  for (const name of names) {
    const owner = tempFileOwner(base, name);
    if (owner === null) continue;
    const full = path.join(dir, name);
    try {
      const stat = await lstat(full);
      if (!stat.isFile()) continue;
      const old = now - stat.mtimeMs > STALE_AFTER_MS;
      const stale = owner === process.pid ? old : old || !processIsAlive(owner);
      if (stale) {
        await unlink(full);
        removed.push(full);
      }
    } catch {
      // Gone already (its writer renamed it) or not ours to remove: either way, not stale.
    }
  }
  return removed;
}
