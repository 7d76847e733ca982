import { randomBytes } from 'node:crypto';
import { lstat, rename, rmdir, unlink } from 'node:fs/promises';
import { errorCode } from './atomic-file';

/**
 * File operations of the lock between processes (process-lock.ts) that tolerate what other
 * processes and other systems leave: Windows' pending deletes, a folder where a lock should be.
 */

/** Windows reports a name whose deletion is still pending (a reader has it open) this way. */
export function transientOnWindows(error: unknown): boolean {
  const code = errorCode(error);
  return (
    process.platform === 'win32' && (code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')
  );
}

export async function removeQuietly(target: string): Promise<void> {
  try {
    await unlink(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    // unlink refuses a folder: EISDIR on Linux, EPERM on macOS and Windows.
    if (await isFolder(target)) {
      await removeFolder(target);
      return;
    }
    if (!transientOnWindows(error)) throw error;
  }
}

async function isFolder(target: string): Promise<boolean> {
  try {
    return (await lstat(target)).isDirectory();
  } catch {
    return false;
  }
}

/** An empty folder goes; one with anything in it is renamed aside, its content kept. */
async function removeFolder(target: string): Promise<void> {
  try {
    await rmdir(target);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw error;
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    await rename(target, `${target}.moved-${stamp}-${randomBytes(3).toString('hex')}`);
  }
}
