import { lstat, rename } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import {
  DEFAULT_MAX_FILE_BYTES,
  errorCode,
  FileTooLargeError,
  NotAFileError,
  readFileLimited,
  removeStaleTempFiles,
  replaceFileAtomic,
  withFileLock,
} from './atomic-file';
import { ensureDataDir } from './paths';
import { acknowledgeRejected, keepRejected, unseenRejected } from './rejected-entries';
import {
  acquireProcessLock,
  FileBusyError,
  type ProcessLock,
  type ProcessLockOptions,
} from './process-lock';
import { DEFAULT_MAX_DEPTH, isPlainObject, jsonDepth, parseJsonBytes } from './safe-json';

/**
 * A versioned JSON file with a zod schema: `{ "version": N, ...fields }`.
 *
 * What users save is never silently lost. A file that cannot be used (corrupt, truncated, not
 * UTF-8, too big, too deep, wrong types, unknown version, unreadable, a folder in its place) is
 * renamed to `<name>.corrupt-<timestamp>.json`, a StoreWarning tells the UI or the CLI, and the
 * document continues from its defaults. A file from a newer RoomCall is read as far as this
 * version understands it and never overwritten.
 *
 * The app and the CLI are separate processes sharing these files. Every load and update runs in
 * the per-path queue of this process (withFileLock), and every update also holds the file's lock
 * between processes (`<name>.lock`, see process-lock.ts) while it re-reads the file, applies the
 * change and writes it, so a change made by the other process is kept, never overwritten by a
 * stale copy. A load only reads (the file is replaced atomically), except when it must move a
 * damaged file aside: it takes the lock for that and reads again first, so it never moves away
 * a good file the other process has just written. A lock left by a killed process is taken
 * over; one held by a live process for longer than the wait (5 s) fails the update with
 * DocumentBusyError, and nothing is written.
 */

export type StoreWarningReason =
  | 'not-json'
  | 'not-utf8'
  | 'too-deep'
  | 'too-large'
  | 'not-a-file'
  | 'unreadable'
  | 'not-an-object'
  | 'bad-version'
  | 'invalid-data'
  | 'migration-failed'
  | 'partly-invalid'
  | 'newer-version';

export interface StoreWarning {
  /** The document's name for people: "settings", "favourites"… */
  readonly document: string;
  readonly file: string;
  readonly reason: StoreWarningReason;
  /** Where the unusable file now is; null when it was left in place. */
  readonly movedTo: string | null;
  /** True when changes to this document will not be saved until the file is dealt with. */
  readonly readOnly: boolean;
  /** A sentence for the user: what happened, where the old file is, what happens now. */
  readonly message: string;
}

export type StoreWarningListener = (warning: StoreWarning) => void;

/** Upgrades the fields of a file of version N to version N + 1. */
export type Migration = (fields: Record<string, unknown>) => Record<string, unknown>;

export interface JsonDocumentSpec<T extends object> {
  /** For messages: "settings", "favourites", "recent invites"… */
  readonly name: string;
  readonly fileName: string;
  /** The version this code writes; files of lower versions are migrated on read. */
  readonly version: number;
  /** Must accept `{}` (its defaults are the document's defaults) and its own output. */
  readonly schema: z.ZodType<T>;
  /** migrations[n] takes version n to n + 1; one for every n from 1 to version - 1. */
  readonly migrations?: Readonly<Record<number, Migration>>;
  readonly maxBytes?: number;
  readonly maxDepth?: number;
  /** Written pretty-printed by default (people read these files); false: one line (caches). */
  readonly pretty?: boolean;
  /**
   * For a list: when the file breaks the schema, what of it is still usable and the entries
   * that are not, with why. The usable part replaces the file, the rest is kept beside it
   * (rejected-entries.ts) and the user told. Null: nothing to save this way, the whole file is
   * moved aside as usual.
   */
  readonly salvage?: (fields: Record<string, unknown>) => Salvage<T> | null;
}

export interface Salvage<T> {
  readonly value: T;
  readonly rejected: readonly unknown[];
  /** Why each entry of `rejected` was (same order): for the kept file and the warning. */
  readonly reasons: readonly string[];
}

export interface JsonDocumentOptions {
  readonly dir: string;
  readonly onWarning: StoreWarningListener;
  /** For the moved-aside file's timestamp. */
  readonly now?: () => Date;
  /** The wait for the other process and when its lock is stale (tests shorten them). */
  readonly lock?: ProcessLockOptions;
}

export interface LoadedDocument<T> {
  readonly value: T;
  /** The file is newer than this version, or damaged and could not be moved aside. */
  readonly readOnly: boolean;
}

export interface JsonDocument<T extends object> {
  readonly file: string;
  load(): Promise<LoadedDocument<T>>;
  /**
   * Applies `change` to what is on disk now and saves it; resolves to what was saved. A change
   * that returns its argument itself writes nothing.
   */
  update(change: (current: T) => T): Promise<T>;
  /**
   * Marks the entries rejected from this document (spec.salvage) as seen by the user, so
   * processes stop warning about them; resolves to the files marked.
   */
  acknowledgeRejected(): Promise<string[]>;
}

/** An update refused to protect a file that this version must not overwrite. */
export class ReadOnlyDocumentError extends Error {
  readonly kind = 'read-only';
  readonly file: string;
  constructor(name: string, file: string, why: string) {
    super(`Your change to the ${name} was not saved: ${why}`);
    this.name = 'ReadOnlyDocumentError';
    this.file = file;
  }
}

/**
 * An update that found the file locked by another RoomCall process (the app or the CLI) for the
 * whole wait: nothing was written. Passing, unlike a read-only file: the same change works a
 * moment later. Its own kind end to end: IPC error kind 'busy', CLI exit 1 with a "try again".
 */
export class DocumentBusyError extends Error {
  readonly kind = 'busy';
  readonly file: string;
  readonly busy: FileBusyError;
  constructor(name: string, busy: FileBusyError) {
    super(`Your change to the ${name} was not saved: ${busy.message}`);
    this.name = 'DocumentBusyError';
    this.file = busy.file;
    this.busy = busy;
  }
}

/** An update whose result breaks the schema: the change is refused, the file untouched. */
export class InvalidChangeError extends Error {
  readonly kind = 'invalid-change';
  readonly problems: readonly string[];
  constructor(name: string, problems: readonly string[]) {
    super(`Your change to the ${name} was not saved: ${problems.join('; ')}.`);
    this.name = 'InvalidChangeError';
    this.problems = problems;
  }
}

/** An update whose result this version would refuse to read back. */
export class DocumentTooLargeError extends Error {
  readonly kind = 'too-large';
  constructor(name: string, limit: number) {
    super(`The ${name} would exceed ${limit} bytes (or nest too deeply): not saved.`);
    this.name = 'DocumentTooLargeError';
  }
}

const REASON_WORDS: Readonly<Record<StoreWarningReason, string>> = {
  'not-json': 'it is not valid JSON (damaged or cut short)',
  'not-utf8': 'it is not text (binary content)',
  'too-deep': 'it is nested too deeply to be a RoomCall file',
  'too-large': 'it is far larger than a RoomCall file can be',
  'not-a-file': 'something other than a file (such as a folder) is in its place',
  unreadable: 'RoomCall is not allowed to read it',
  'not-an-object': 'it does not hold a JSON object',
  'bad-version': 'its version number is missing or invalid',
  'invalid-data': 'some of its values have the wrong type or are out of range',
  'migration-failed': 'it could not be upgraded from its older format',
  'partly-invalid': 'some of its entries have the wrong type or are out of range',
  'newer-version': 'it was written by a newer version of RoomCall',
};

type Problem = Exclude<StoreWarningReason, 'newer-version' | 'partly-invalid'>;

/** A file that breaks the schema but whose usable part spec.salvage found. */
interface Salvaged<T> {
  readonly salvaged: Salvage<T>;
}

type Outcome<T> =
  { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'bad'; readonly problem: Problem };

function timestamp(date: Date): string {
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

export function openJsonDocument<T extends object>(
  spec: JsonDocumentSpec<T>,
  options: JsonDocumentOptions,
): JsonDocument<T> {
  const migrations = spec.migrations ?? {};
  for (let from = 1; from < spec.version; from += 1) {
    if (migrations[from] === undefined) {
      throw new Error(`${spec.fileName}: no migration from version ${from} to ${from + 1}`);
    }
  }
  const file = path.join(options.dir, spec.fileName);
  const stem = spec.fileName.replace(/\.json$/i, '');
  const maxBytes = spec.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxDepth = spec.maxDepth ?? DEFAULT_MAX_DEPTH;
  const now = options.now ?? (() => new Date());
  /** Warnings about files left in place repeat on every load: each is told once per run. */
  const toldInPlace = new Set<string>();
  let cleanedUp = false;

  const defaults = (): T => spec.schema.parse({});

  function warn(reason: StoreWarningReason, movedTo: string | null, readOnly: boolean): void {
    const why = REASON_WORDS[reason];
    let message: string;
    if (reason === 'partly-invalid') {
      message = `Some of your ${spec.name} could not be used because ${why}. They were kept in ${movedTo ?? '?'}; the others are unchanged. RoomCall says this until you have seen your ${spec.name} list.`;
    } else if (reason === 'newer-version') {
      message = `Your ${spec.name} file (${file}) ${why}: RoomCall uses what it understands of it and will not change it. Update RoomCall to save changes.`;
    } else if (movedTo !== null) {
      message = `Your ${spec.name} file could not be used because ${why}. It was kept as ${movedTo}, and RoomCall continues with default ${spec.name}.`;
    } else {
      message = `Your ${spec.name} file (${file}) could not be used because ${why}, and it could not be moved aside: RoomCall uses default ${spec.name} and will not save changes until the file is fixed or removed.`;
    }
    options.onWarning({ document: spec.name, file, reason, movedTo, readOnly, message });
  }

  /** Renames the unusable file out of the way; null when even that is impossible. */
  async function moveAside(): Promise<string | null> {
    const base = `${stem}.corrupt-${timestamp(now())}`;
    for (let n = 1; n < 100; n += 1) {
      const target = path.join(options.dir, n === 1 ? `${base}.json` : `${base}-${n}.json`);
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

  async function readBytes(): Promise<Outcome<Uint8Array | null>> {
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

  function migrate(
    fields: Record<string, unknown>,
    from: number,
  ): Outcome<Record<string, unknown>> {
    let current = fields;
    for (let version = from; version < spec.version; version += 1) {
      const step = migrations[version];
      if (step === undefined) return { kind: 'bad', problem: 'migration-failed' };
      try {
        current = step(current);
      } catch {
        return { kind: 'bad', problem: 'migration-failed' };
      }
      if (!isPlainObject(current)) return { kind: 'bad', problem: 'migration-failed' };
    }
    return { kind: 'ok', value: current };
  }

  /** Why the document is read-only, for the error an update then throws. */
  let readOnlyWhy = '';

  /** The document on disk, or the problem that makes the file unusable (nothing moved yet). */
  async function readDocument(): Promise<LoadedDocument<T> | Problem | Salvaged<T>> {
    if (!cleanedUp) {
      cleanedUp = true;
      await removeStaleTempFiles(file);
      // Entries an earlier run (or the other process) took out: told once in every process.
      if (spec.salvage !== undefined) {
        for (const kept of await unseenRejected(file, stem)) warn('partly-invalid', kept, false);
      }
    }
    const read = await readBytes();
    if (read.kind === 'bad') return read.problem;
    if (read.value === null) return { value: defaults(), readOnly: false };

    const json = parseJsonBytes(read.value, maxDepth);
    if (!json.ok) return json.problem;
    if (!isPlainObject(json.value)) return 'not-an-object';
    const { version, ...fields } = json.value;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
      return 'bad-version';
    }

    if (version > spec.version) {
      warnOnce(`newer-version:${version}`, 'newer-version');
      readOnlyWhy = `${file} was written by a newer version of RoomCall (file version ${version}; this version writes ${spec.version}), and RoomCall will not overwrite it. Update RoomCall to save changes.`;
      // Newer versions mostly add fields; what this version knows is used if it still fits.
      const parsed = spec.schema.safeParse(fields);
      return { value: parsed.success ? parsed.data : defaults(), readOnly: true };
    }

    const migrated = migrate(fields, version);
    if (migrated.kind === 'bad') return migrated.problem;
    const parsed = spec.schema.safeParse(migrated.value);
    if (parsed.success) return { value: parsed.data, readOnly: false };
    const salvaged = spec.salvage?.(migrated.value) ?? null;
    return salvaged === null ? 'invalid-data' : { salvaged };
  }

  /** Reads the document; an unusable file is moved aside. Runs under the process lock. */
  async function readOrQuarantine(): Promise<LoadedDocument<T>> {
    const read = await readDocument();
    if (typeof read === 'string') return quarantine(read);
    return 'salvaged' in read ? repair(read.salvaged) : read;
  }

  /**
   * Keeps the rejected entries beside the file, then replaces the file with the usable part.
   * When either cannot be written, nothing is: the usable part is used read-only.
   */
  async function repair(salvaged: Salvage<T>): Promise<LoadedDocument<T>> {
    let kept: string;
    try {
      kept = await keepRejected(
        file,
        stem,
        { document: spec.name, reasons: salvaged.reasons, entries: salvaged.rejected },
        now(),
      );
      await replaceFileAtomic(file, serialize(salvaged.value));
    } catch {
      warnOnce('stuck:partly-invalid', 'invalid-data');
      readOnlyWhy = `${file} could not be used in full because ${REASON_WORDS['partly-invalid']}, and the entries could not be set aside. Fix or remove that file to save changes.`;
      return { value: salvaged.value, readOnly: true };
    }
    warn('partly-invalid', kept, false);
    return { value: salvaged.value, readOnly: false };
  }

  /**
   * A load reads without the lock between processes; only a file that needs moving aside is
   * read again under it (the other process may have replaced it with a good one meanwhile).
   */
  async function load(): Promise<LoadedDocument<T>> {
    const read = await readDocument();
    if (typeof read !== 'string' && !('salvaged' in read)) return read;
    return underProcessLock(readOrQuarantine);
  }

  /**
   * Runs `task` holding the lock between processes. When no lock file can be made at all (a
   * folder RoomCall may not write, read-only media), the task runs anyway: it cannot write or
   * move anything there either, so there is nothing to race for, and it fails or reports the
   * document read-only as it would have.
   */
  async function underProcessLock<R>(task: () => Promise<R>): Promise<R> {
    let lock: ProcessLock | null = null;
    try {
      lock = await acquireProcessLock(file, options.lock);
    } catch (error) {
      if (error instanceof FileBusyError) throw new DocumentBusyError(spec.name, error);
      const code = errorCode(error);
      if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error;
    }
    try {
      return await task();
    } finally {
      await lock?.release();
    }
  }

  function warnOnce(key: string, reason: StoreWarningReason): void {
    if (toldInPlace.has(key)) return;
    toldInPlace.add(key);
    warn(reason, null, true);
  }

  async function quarantine(problem: Problem): Promise<LoadedDocument<T>> {
    const movedTo = await moveAside();
    if (movedTo === null) {
      warnOnce(`stuck:${problem}`, problem);
      readOnlyWhy = `${file} could not be used because ${REASON_WORDS[problem]}, and it could not be moved aside. Fix or remove that file to save changes.`;
    } else {
      warn(problem, movedTo, false);
    }
    return { value: defaults(), readOnly: movedTo === null };
  }

  function serialize(value: T): string {
    const text = `${JSON.stringify({ version: spec.version, ...value }, null, spec.pretty === false ? undefined : 2)}\n`;
    if (Buffer.byteLength(text) > maxBytes || jsonDepth(text, maxDepth) > maxDepth) {
      throw new DocumentTooLargeError(spec.name, maxBytes);
    }
    return text;
  }

  /** The read-modify-write, under both locks: re-reads what is on disk now. */
  async function updateLocked(change: (current: T) => T): Promise<T> {
    const current = await readOrQuarantine();
    if (current.readOnly) {
      throw new ReadOnlyDocumentError(spec.name, file, readOnlyWhy);
    }
    const changed = change(current.value);
    // The same object back means "nothing to change": no write, no new mtime.
    if (changed === current.value) return current.value;
    // Parsing again applies defaults and catches a change that broke the schema.
    const parsed = spec.schema.safeParse(changed);
    if (!parsed.success) {
      throw new InvalidChangeError(
        spec.name,
        parsed.error.issues.map((issue) =>
          issue.path.length === 0 ? issue.message : `${issue.path.join('.')}: ${issue.message}`,
        ),
      );
    }
    const next = parsed.data;
    await replaceFileAtomic(file, serialize(next));
    return next;
  }

  return {
    file,
    load: () => withFileLock(file, load),
    update: (change) =>
      withFileLock(file, async () => {
        // The lock file goes next to the document: the folder must exist first.
        await ensureDataDir(options.dir);
        return underProcessLock(() => updateLocked(change));
      }),
    acknowledgeRejected: () => acknowledgeRejected(file, stem),
  };
}
