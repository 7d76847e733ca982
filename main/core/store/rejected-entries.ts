import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { replaceFileAtomic } from './atomic-file';
import { timestamp } from './document-file';

/**
 * Entries of a list file that this version cannot use (one favourite with a 101-character
 * label, say) are taken out so the rest stays usable, and kept, never dropped: in
 * `<stem>.rejected-<time>.json` beside the file. Each such file is "unseen" until the user has
 * been told about it in a place they look at: `roomcall favorites list` printed the warning,
 * or the person pressed Dismiss under it in the app's settings window (dismissWarnings). Until
 * then every process that opens the document warns about it once, so a warning printed by a
 * background process nobody watched is not the only one. Seen: an empty `<rejected file>.seen` beside it (the rejected file
 * itself is left as it was, for the user to fix and import).
 */

const SEEN_SUFFIX = '.seen';

export interface RejectedEntries {
  readonly format: 'roomcall-rejected-entries';
  /** The document's name for people: "favourites". */
  readonly document: string;
  /** The file the entries were taken out of. */
  readonly from: string;
  readonly rejectedAt: string;
  /** Why each was rejected, in the order of `entries`. */
  readonly reasons: readonly string[];
  readonly entries: readonly unknown[];
}

function isRejectedName(stem: string, name: string): boolean {
  return name.startsWith(`${stem}.rejected-`) && name.endsWith('.json');
}

/** Writes the rejected entries beside `file` (atomically, 0600); resolves to their file. */
export async function keepRejected(
  file: string,
  stem: string,
  content: Omit<RejectedEntries, 'format' | 'from' | 'rejectedAt'>,
  now: Date,
): Promise<string> {
  const dir = path.dirname(file);
  const names = new Set(await readdir(dir).catch(() => []));
  const base = `${stem}.rejected-${timestamp(now)}`;
  let n = 1;
  while (names.has(n === 1 ? `${base}.json` : `${base}-${n}.json`)) n += 1;
  const target = path.join(dir, n === 1 ? `${base}.json` : `${base}-${n}.json`);
  const document: RejectedEntries = {
    format: 'roomcall-rejected-entries',
    from: file,
    rejectedAt: now.toISOString(),
    ...content,
  };
  await replaceFileAtomic(target, `${JSON.stringify(document, null, 2)}\n`);
  return target;
}

/** The rejected-entries files of `stem` beside `file` that the user has not seen yet. */
export async function unseenRejected(file: string, stem: string): Promise<string[]> {
  const dir = path.dirname(file);
  const names = await readdir(dir).catch((): string[] => []);
  const present = new Set(names);
  return names
    .filter((name) => isRejectedName(stem, name) && !present.has(`${name}${SEEN_SUFFIX}`))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Marks every rejected-entries file of `stem` as seen; resolves to those just marked. */
export async function acknowledgeRejected(file: string, stem: string): Promise<string[]> {
  const unseen = await unseenRejected(file, stem);
  for (const rejected of unseen) {
    await writeFile(`${rejected}${SEEN_SUFFIX}`, '', { mode: 0o600 });
  }
  return unseen;
}
