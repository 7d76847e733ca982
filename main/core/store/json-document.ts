import path from 'node:path';
import type { z } from 'zod';
import {
  DEFAULT_MAX_FILE_BYTES,
  removeStaleTempFiles,
  replaceFileAtomic,
  withFileLock,
} from './atomic-file';
import {
  DocumentTooLargeError,
  InvalidChangeError,
  ReadOnlyDocumentError,
} from './document-errors';
import { moveAside, readBytes, underProcessLock, type Outcome } from './document-file';
import { ensureDataDir } from './paths';
import { acknowledgeRejected, keepRejected, unseenRejected } from './rejected-entries';
import type { ProcessLockOptions } from './process-lock';
import { DEFAULT_MAX_DEPTH, isPlainObject, jsonDepth, parseJsonBytes } from './safe-json';
import {
  REASON_WORDS,
  warningMessage,
  type Problem,
  type StoreWarningListener,
  type StoreWarningReason,
} from './store-warning';

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

/** A file that breaks the schema but whose usable part spec.salvage found. */
interface Salvaged<T> {
  readonly salvaged: Salvage<T>;
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
    const message = warningMessage(spec.name, file, reason, movedTo);
    options.onWarning({ document: spec.name, file, reason, movedTo, readOnly, message });
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
    const read = await readBytes(file, maxBytes);
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
    return underProcessLock(file, spec.name, options.lock, readOrQuarantine);
  }

  function warnOnce(key: string, reason: StoreWarningReason): void {
    if (toldInPlace.has(key)) return;
    toldInPlace.add(key);
    warn(reason, null, true);
  }

  async function quarantine(problem: Problem): Promise<LoadedDocument<T>> {
    const movedTo = await moveAside(file, options.dir, stem, now());
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
        return underProcessLock(file, spec.name, options.lock, () => updateLocked(change));
      }),
    acknowledgeRejected: () => acknowledgeRejected(file, stem),
  };
}
