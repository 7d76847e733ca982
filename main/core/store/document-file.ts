import { lstat, rename } from 'node:fs/promises';
import path from 'node:path';
import { errorCode, FileTooLargeError, NotAFileError, readFileLimited } from './atomic-file';
import { DocumentBusyError } from './document-errors';
import {
  acquireProcessLock,
  FileBusyError,
  type ProcessLock,
  type ProcessLockOptions,
} from './process-lock';
import type { Problem } from './store-warning';

/**
 * The file operations of a JSON document (json-document.ts): reading its bytes with the
 * problems that make it unusable, moving an unusable file aside, and holding the lock between
 * processes.
 */

export type Outcome<T> =
  { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'bad'; readonly problem: Problem };

/** A time for a file name (the moved-aside and rejected-entries copies). */
export function timestamp(date: Date): string {
  // Colons are not allowed in Windows file names.
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Whether anything is at `file`, a dangling link or a folder included (lstat does not follow
 * links); false when it cannot be checked. For the moved-aside copies' names here, and for
 * whether a document's file exists at all (the app's session, before managed defaults apply).
 */
export async function pathExists(file: string): Promise<boolean> {
  try {
    await lstat(file);
    return true;
  } catch {
    return false;
  }
}

/** Renames the unusable file out of the way; null when even that is impossible. */
export async function moveAside(
  file: string,
  dir: string,
  stem: string,
  now: Date,
): Promise<string | null> {
  const base = `${stem}.corrupt-${timestamp(now)}`;
  for (let n = 1; n < 100; n += 1) {
    const target = path.join(dir, n === 1 ? `${base}.json` : `${base}-${n}.json`);
    if (await pathExists(target)) continue;
    try {
      await rename(file, target);
      return target;
    } catch {
      return null;
    }
  }
  return null;
}

export async function readBytes(
  file: string,
  maxBytes: number,
): Promise<Outcome<Uint8Array | null>> {
  try {
    return { kind: 'ok', value: await readFileLimited(file, maxBytes) };
  } catch (error) {
    if (error instanceof FileTooLargeError) return { kind: 'bad', problem: 'too-large' };
    if (error instanceof NotAFileError) return { kind: 'bad', problem: 'not-a-file' };
    const code = errorCode(error);
    if (code === 'EACCES' || code === 'EPERM') return { kind: 'bad', problem: 'unreadable' };
    if (code === 'ELOOP') return { kind: 'bad', problem: 'not-a-file' };
    // Anything else (EMFILE, EIO…) may be passing: the file is left alone and the error shown.
    throw error;
  }
}

/**
 * Runs `task` holding the lock between processes. When no lock file can be made at all (a
 * folder RoomCall may not write, read-only media), the task runs anyway: it cannot write or
 * move anything there either, so there is nothing to race for, and it fails or reports the
 * document read-only as it would have.
 */
export async function underProcessLock<R>(
  file: string,
  name: string,
  lockOptions: ProcessLockOptions | undefined,
  task: () => Promise<R>,
): Promise<R> {
  let lock: ProcessLock | null = null;
  try {
    lock = await acquireProcessLock(file, lockOptions);
  } catch (error) {
    if (error instanceof FileBusyError) throw new DocumentBusyError(name, error);
    const code = errorCode(error);
    if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
  }
  try {
    return await task();
  } finally {
    await lock?.release();
  }
}
