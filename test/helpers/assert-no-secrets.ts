import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Leak checks: every file under a folder (recursively, as bytes) and any given output is
 * searched for each secret, in the encodings a leak would most likely take: UTF-8, UTF-16LE
 * (Windows APIs, some keychain dumps), JSON string escaping, percent-encoding, base64 and hex.
 * A failure names where a secret was found, never the secret itself.
 */

export interface SecretSearch {
  /** Folders (or single files) whose every file is read. Each must exist. */
  readonly dirs?: readonly string[];
  /** Outputs to search, by a label for the failure message (e.g. { stdout, stderr }). */
  readonly texts?: Readonly<Record<string, string>> | readonly string[];
}

export interface SecretHit {
  /** A file path, or `text:<label>`. */
  readonly where: string;
  /** 1-based index into the secrets given. */
  readonly secret: number;
  readonly encoding: string;
  readonly offset: number;
}

export interface SecretSearchSummary {
  readonly hits: readonly SecretHit[];
  readonly filesScanned: number;
  readonly textsScanned: number;
}

const MIN_SECRET_LENGTH = 6;

function encodings(secret: string): readonly (readonly [string, Buffer])[] {
  const forms: [string, Buffer][] = [
    ['utf8', Buffer.from(secret, 'utf8')],
    ['utf16le', Buffer.from(secret, 'utf16le')],
    ['base64', Buffer.from(Buffer.from(secret, 'utf8').toString('base64'), 'utf8')],
    ['hex', Buffer.from(Buffer.from(secret, 'utf8').toString('hex'), 'utf8')],
  ];
  const json = JSON.stringify(secret).slice(1, -1);
  if (json !== secret) forms.push(['json-escaped', Buffer.from(json, 'utf8')]);
  const percent = encodeURIComponent(secret);
  if (percent !== secret) forms.push(['percent-encoded', Buffer.from(percent, 'utf8')]);
  return forms;
}

function search(
  where: string,
  haystack: Buffer,
  secrets: readonly string[],
  hits: SecretHit[],
): void {
  secrets.forEach((secret, index) => {
    for (const [encoding, needle] of encodings(secret)) {
      const offset = haystack.indexOf(needle);
      if (offset !== -1) hits.push({ where, secret: index + 1, encoding, offset });
    }
  });
}

async function scan(
  target: string,
  secrets: readonly string[],
  hits: SecretHit[],
): Promise<number> {
  const stat = await lstat(target);
  if (stat.isSymbolicLink()) {
    // Not followed (no loops, no escaping the folder), but where it points is checked.
    search(target, Buffer.from(await readlink(target), 'utf8'), secrets, hits);
    return 1;
  }
  if (stat.isDirectory()) {
    let count = 0;
    for (const name of await readdir(target)) {
      // A secret in a file name is a leak too.
      search(path.join(target, name), Buffer.from(name, 'utf8'), secrets, hits);
      count += await scan(path.join(target, name), secrets, hits);
    }
    return count;
  }
  if (!stat.isFile()) return 0;
  // An unreadable file cannot be proven clean: readFile's error fails the check.
  search(target, await readFile(target), secrets, hits);
  return 1;
}

/** Searches without asserting; for tests that want the numbers. */
export async function findSecrets(
  where: SecretSearch,
  secrets: readonly string[],
): Promise<SecretSearchSummary> {
  if (secrets.length === 0) throw new Error('findSecrets: no secrets to look for');
  secrets.forEach((secret, index) => {
    if (secret.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `findSecrets: secret #${index + 1} is shorter than ${MIN_SECRET_LENGTH} characters; it would match by chance`,
      );
    }
  });
  const hits: SecretHit[] = [];
  let filesScanned = 0;
  for (const dir of where.dirs ?? []) filesScanned += await scan(dir, secrets, hits);
  const given = where.texts ?? {};
  const texts: [string, string][] = isTextList(given)
    ? given.map((text, index): [string, string] => [String(index + 1), text])
    : Object.entries(given);
  for (const [label, text] of texts) {
    search(`text:${label}`, Buffer.from(text, 'utf8'), secrets, hits);
  }
  return { hits, filesScanned, textsScanned: texts.length };
}

/**
 * Fails when any secret appears. `where` is a folder path, a list of outputs, or both as a
 * SecretSearch. Resolves to what was scanned, so a test can also check it scanned something.
 */
export async function assertNoSecrets(
  where: string | readonly string[] | SecretSearch,
  secrets: readonly string[],
): Promise<SecretSearchSummary> {
  const search: SecretSearch =
    typeof where === 'string' ? { dirs: [where] } : isTextList(where) ? { texts: where } : where;
  const summary = await findSecrets(search, secrets);
  if (summary.hits.length > 0) {
    const lines = summary.hits.map(
      (hit) =>
        `  secret #${hit.secret} (${secrets[hit.secret - 1]?.length ?? 0} characters, ${hit.encoding}) in ${hit.where} at offset ${hit.offset}`,
    );
    throw new Error(`Secrets leaked:\n${lines.join('\n')}`);
  }
  return summary;
}

function isTextList(where: unknown): where is readonly string[] {
  return Array.isArray(where);
}
