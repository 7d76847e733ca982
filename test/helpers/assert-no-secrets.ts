import { lstat, readdir, readFile, readlink } from 'node:fs/promises';
import path from 'node:path';

/**
 * Leak checks: every file under a folder (recursively, as bytes) and any given output is
 * searched for each secret, in the encodings a leak would most likely take (secretNeedles):
 * UTF-8, UTF-16 in both byte orders (Windows APIs, some keychain dumps), JSON string escaping,
 * percent-encodings, hex, and base64 at any offset (the three alignments), including base64 of
 * a JSON document or line holding the secret, wrapped or not. A failure names where a secret
 * was found, never the secret itself.
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

/**
 * The part of base64(`bytes`) that stays the same wherever `bytes` sits in a longer input, for
 * the input's alignment `shift` (0-2 bytes before it in its 3-byte group): only the characters
 * whose 6 bits all come from `bytes`. A secret inside a JSON document, a log line or a token
 * that was base64-encoded whole shows up as one of the three.
 */
function base64Core(bytes: Buffer, shift: number): string {
  const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
  const first = Math.ceil((8 * shift) / 6);
  const end = Math.floor((8 * (shift + bytes.length)) / 6);
  return encoded.slice(first, end);
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return be;
}

/** Every byte as %XX: what some encoders emit even for letters and digits. */
function percentEveryByte(bytes: Buffer): string {
  return [...bytes].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

/**
 * What to look for: each encoding of the secret a leak could take, as bytes. Base64 in its
 * three alignments (standard and URL-safe alphabets), of the secret and of its JSON-escaped
 * form; hex in both cases; percent-encoding as encodeURIComponent, as a form field
 * (URLSearchParams) and byte by byte (either case); UTF-16 in both byte orders.
 */
export function secretNeedles(secret: string): readonly (readonly [string, Buffer])[] {
  const forms = new Map<string, string | Buffer>();
  const utf8 = Buffer.from(secret, 'utf8');
  const json = JSON.stringify(secret).slice(1, -1);
  forms.set('utf8', utf8);
  forms.set('json-escaped', json);
  forms.set('utf16le', Buffer.from(secret, 'utf16le'));
  forms.set('utf16be', utf16be(secret));
  forms.set('hex', utf8.toString('hex'));
  forms.set('HEX', utf8.toString('hex').toUpperCase());
  forms.set('percent-encoded', encodeURIComponent(secret));
  forms.set('form-encoded', new URLSearchParams({ s: secret }).toString().slice(2));
  forms.set('percent-every-byte', percentEveryByte(utf8));
  forms.set('PERCENT-every-byte', percentEveryByte(utf8).toUpperCase());
  for (const [name, text] of [
    ['', secret],
    [' of json-escaped', json],
  ] as const) {
    for (let shift = 0; shift < 3; shift += 1) {
      const core = base64Core(Buffer.from(text, 'utf8'), shift);
      forms.set(`base64${name} (alignment ${shift})`, core);
      forms.set(
        `base64url${name} (alignment ${shift})`,
        core.replace(/\+/g, '-').replace(/\//g, '_'),
      );
    }
  }
  // Identical forms (a secret with nothing to escape) are searched once, under the first name.
  const seen = new Set<string>();
  const needles: [string, Buffer][] = [];
  for (const [name, form] of forms) {
    const bytes = typeof form === 'string' ? Buffer.from(form, 'utf8') : form;
    const key = bytes.toString('hex');
    if (seen.has(key) || bytes.length === 0) continue;
    seen.add(key);
    needles.push([name, bytes]);
  }
  return needles;
}

function search(
  where: string,
  haystack: Buffer,
  secrets: readonly string[],
  hits: SecretHit[],
): void {
  // Base64 is often wrapped at 64 or 76 characters (PEM, MIME): searched without line breaks too.
  const unwrapped = haystack.includes(0x0a)
    ? Buffer.from(haystack.toString('latin1').replace(/\r?\n/g, ''), 'latin1')
    : null;
  secrets.forEach((secret, index) => {
    for (const [encoding, needle] of secretNeedles(secret)) {
      let offset = haystack.indexOf(needle);
      let form = encoding;
      if (offset === -1 && unwrapped !== null && encoding.startsWith('base64')) {
        offset = unwrapped.indexOf(needle);
        form = `${encoding}, wrapped`;
      }
      if (offset !== -1) hits.push({ where, secret: index + 1, encoding: form, offset });
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
