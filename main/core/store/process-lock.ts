import { randomBytes } from 'node:crypto';
import { link, open, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { hostname } from 'node:os';
import { z } from 'zod';
import { errorCode, processIsAlive, READ_FLAGS, tempNameFor } from './atomic-file';
import { removeQuietly, transientOnWindows } from './lock-files';

/**
 * A lock between processes (the app and the CLI share one data folder), around one file's
 * read-modify-write, so that neither overwrites the other's change with a stale copy.
 *
 * - The lock is `<file>.lock` next to the file, holding `{pid, hostname, createdAt, token}`.
 *   It is created exclusively and complete: the owner is written to a temporary file that is
 *   then hard-linked to the lock's name (link fails when the name exists, like open 'wx'), so
 *   nobody ever sees a half-written lock, even when its creator is killed. Where the file system
 *   has no hard links (FAT, some network shares), open(…, 'wx') plus a write is used instead
 *   (there a creator killed between the two leaves an empty lock, stale after `staleMs`).
 * - Others wait with a short backoff (2-50 ms), at most `timeoutMs` (5 s), then fail with a
 *   FileBusyError naming the file; nothing is written then.
 * - A lock is stale when its pid is not alive on this host (a killed app or CLI), when it is
 *   older than `staleMs` (30 s, far longer than any update takes: a reused pid, another host),
 *   or when it carries this process's pid but not a token this process holds (a previous
 *   process with the same pid, common in containers).
 * - An odd lock, one RoomCall would never leave, is not waited for: something other than a file
 *   (a folder named `<file>.lock` once blocked every write with EISDIR) is stale at once, and
 *   goes (an empty folder is removed, anything in one is kept: the folder is renamed to
 *   `<file>.lock.moved-<time>`); a file without a readable owner (empty, or not JSON) is stale
 *   after `ODD_STALE_MS`, since a creator writes its owner at once (the fallback without hard
 *   links may leave an empty lock when killed between its create and its write).
 * - Breaking a stale lock happens under a second lock, `<file>.lock.break`, which is held only
 *   while the stale lock is read again, judged again and removed; then the exclusive create
 *   decides who gets the lock. So two processes that both found the same stale lock cannot
 *   both remove it (the second would remove the first one's new, live lock). A breaker left by
 *   a killed process is stale by the same rules and simply removed: only a process killed in
 *   that microsecond window plus a second race at that moment could still let two in.
 * - The lock is released in `finally`, and only when it is still this holder's (its token).
 *
 * Temporary files are named like the atomic writes' (`<file>.<pid>-<hex>.tmp`), so the clean-up
 * of a killed writer's leftovers (removeStaleTempFiles) covers them too.
 */

const LOCK_SUFFIX = '.lock';
const BREAKER_SUFFIX = '.lock.break';
const DEFAULT_LOCK_TIMEOUT_MS = 5_000;
const DEFAULT_LOCK_STALE_MS = 30_000;
const MAX_LOCK_BYTES = 4096;
/** How long a lock file without a readable owner may be someone's about-to-be-written lock. */
export const ODD_STALE_MS = 2_000;

export interface ProcessLockOptions {
  /** How long to wait for a live holder before FileBusyError. */
  readonly timeoutMs?: number;
  /** A lock older than this is stale whoever holds it. */
  readonly staleMs?: number;
}

const ownerSchema = z.object({
  pid: z.int().positive(),
  hostname: z.string().max(256),
  createdAt: z.string().max(64),
  token: z.string().max(64),
});

export type LockOwner = z.output<typeof ownerSchema>;

/** The file stayed locked by another process for the whole wait. */
export class FileBusyError extends Error {
  readonly file: string;
  /** Who held the lock when the wait ended; null when the lock could not be read. */
  readonly owner: LockOwner | null;
  /** What to do, for the CLI's hint line and the windows' error hint. */
  readonly hint: string;
  constructor(file: string, owner: LockOwner | null, waitedMs: number) {
    const who =
      owner === null
        ? 'another RoomCall process'
        : `another RoomCall process (pid ${owner.pid} on ${owner.hostname}, since ${owner.createdAt})`;
    super(
      `${file} is busy: ${who} has been changing it for more than ${Math.round(waitedMs / 100) / 10} s.`,
    );
    this.name = 'FileBusyError';
    this.file = file;
    this.owner = owner;
    this.hint = `Another RoomCall (the app or the \`roomcall\` CLI) is saving this file: try again in a moment. If no other RoomCall is running, remove ${file}${LOCK_SUFFIX}.`;
  }
}

/** Tokens of the locks (and breakers) this process holds now. */
const held = new Set<string>();

function newOwner(): LockOwner {
  return {
    pid: process.pid,
    hostname: hostname(),
    createdAt: new Date().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
}

interface Found {
  readonly owner: LockOwner | null;
  readonly mtimeMs: number;
  /** Not a regular file (a folder, a device): never RoomCall's. */
  readonly notAFile?: boolean;
}

/** The lock at `lockFile` (owner and age from one open handle); null when there is none. */
async function readLock(lockFile: string): Promise<Found | null> {
  let handle: FileHandle;
  try {
    handle = await open(lockFile, READ_FLAGS);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    // Windows refuses to open a folder as a file.
    if (errorCode(error) === 'EISDIR') return { owner: null, mtimeMs: 0, notAFile: true };
    // Being deleted on Windows: as good as held, by nobody we can name.
    if (transientOnWindows(error)) return { owner: null, mtimeMs: Date.now() };
    throw error;
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { owner: null, mtimeMs: stat.mtimeMs, notAFile: true };
    if (stat.size > MAX_LOCK_BYTES) return { owner: null, mtimeMs: stat.mtimeMs };
    const text = await handle.readFile('utf8');
    let owner: LockOwner | null = null;
    try {
      const parsed = ownerSchema.safeParse(JSON.parse(text));
      if (parsed.success) owner = parsed.data;
    } catch {
      // Unreadable content: judged by its age alone.
    }
    return { owner, mtimeMs: stat.mtimeMs };
  } finally {
    await handle.close();
  }
}

function isStale(found: Found, staleMs: number): boolean {
  if (found.notAFile === true) return true;
  // The file system's clock for both sides of the age: mtime is set when the lock is created.
  const age = Date.now() - found.mtimeMs;
  if (age > staleMs) return true;
  const { owner } = found;
  if (owner === null) return age > Math.min(ODD_STALE_MS, staleMs);
  if (owner.hostname !== hostname()) return false;
  if (owner.pid === process.pid) return !held.has(owner.token);
  return !processIsAlive(owner.pid);
}

/** Creates `lockFile` holding `owner`, complete, if nothing is there; false when taken. */
async function tryCreate(file: string, lockFile: string, owner: LockOwner): Promise<boolean> {
  const content = JSON.stringify(owner);
  const temp = tempNameFor(file);
  await writeFile(temp, content, { flag: 'wx', mode: 0o600 });
  try {
    await link(temp, lockFile);
    return true;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'EEXIST') return false;
    // No hard links here (or a pending delete on Windows): fall back to an exclusive create.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') {
      throw error;
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
  let handle: FileHandle;
  try {
    handle = await open(lockFile, 'wx', 0o600);
  } catch (error) {
    if (errorCode(error) === 'EEXIST' || transientOnWindows(error)) return false;
    throw error;
  }
  try {
    await handle.writeFile(content);
  } finally {
    await handle.close();
  }
  return true;
}

/**
 * Removes the lock if it is (still) stale, under the breaker lock; true when the lock is gone
 * and the caller should try to create it again at once.
 */
async function breakStale(file: string, lockFile: string, staleMs: number): Promise<boolean> {
  const breaker = `${file}${BREAKER_SUFFIX}`;
  const mine = newOwner();
  if (!(await tryCreate(file, breaker, mine))) {
    // Someone else is breaking it; or died doing so, and then their breaker goes.
    const other = await readLock(breaker);
    if (other !== null && isStale(other, staleMs)) await removeQuietly(breaker);
    return false;
  }
  held.add(mine.token);
  try {
    const current = await readLock(lockFile);
    if (current === null) return true;
    if (!isStale(current, staleMs)) return false;
    await removeQuietly(lockFile);
    return true;
  } finally {
    held.delete(mine.token);
    await removeQuietly(breaker);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function acquire(file: string, options: ProcessLockOptions): Promise<LockOwner> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const staleMs = options.staleMs ?? DEFAULT_LOCK_STALE_MS;
  const lockFile = `${file}${LOCK_SUFFIX}`;
  const started = Date.now();
  let delay = 2;
  for (;;) {
    const owner = newOwner();
    // Marked held before it exists: a lock with our pid and an unknown token is stale.
    held.add(owner.token);
    let created = false;
    try {
      created = await tryCreate(file, lockFile, owner);
    } finally {
      if (!created) held.delete(owner.token);
    }
    if (created) return owner;

    const found = await readLock(lockFile);
    // Gone meanwhile, or stale and now removed: the next exclusive create decides at once.
    const free =
      found === null || (isStale(found, staleMs) && (await breakStale(file, lockFile, staleMs)));
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new FileBusyError(file, found?.owner ?? null, waited);
    if (free) continue;
    // Jittered, so that two waiters do not keep colliding in step.
    await sleep(Math.min(delay * (0.5 + Math.random()), timeoutMs - waited));
    delay = Math.min(delay * 2, 50);
  }
}

async function release(file: string, owner: LockOwner): Promise<void> {
  const lockFile = `${file}${LOCK_SUFFIX}`;
  try {
    const found = await readLock(lockFile).catch(() => null);
    // Not ours any more (held past staleMs and broken): someone else's now, left alone.
    if (found?.owner?.token === owner.token) await removeQuietly(lockFile);
  } finally {
    held.delete(owner.token);
  }
}

export interface ProcessLock {
  readonly owner: LockOwner;
  release(): Promise<void>;
}

/** Waits for `<file>.lock` and takes it; throws FileBusyError when the wait runs out. */
export async function acquireProcessLock(
  file: string,
  options: ProcessLockOptions = {},
): Promise<ProcessLock> {
  const owner = await acquire(file, options);
  return { owner, release: () => release(file, owner) };
}

/**
 * Runs `task` while this process holds `<file>.lock`, released in any case. Callers also queue
 * in process (withFileLock), so one process's own writers do not contend for the lock file.
 */
export async function withProcessLock<T>(
  file: string,
  task: () => Promise<T>,
  options: ProcessLockOptions = {},
): Promise<T> {
  const lock = await acquireProcessLock(file, options);
  try {
    return await task();
  } finally {
    await lock.release();
  }
}
