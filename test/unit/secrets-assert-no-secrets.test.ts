import { randomBytes } from 'node:crypto';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNoSecrets, findSecrets } from '../helpers/assert-no-secrets';
import { useTempDir } from '../helpers/temp-dir';

const SECRET = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
/** A secret whose JSON, URL and form encodings all differ from it. */
const SPECIAL = 'k3y/with+spe cial="chars"\\密钥';

/**
 * The secret leaked in every encoding the scanner claims to find, each made here independently
 * of the scanner's own needles (Node's encoders, at several offsets and inside JSON). A row the
 * scanner misses fails its test: the scanner once matched only padded base64 at offset 0 and
 * missed 6 of 6 planted encoded leaks (issue 15).
 */
function plantings(secret: string): [string, Buffer][] {
  const utf8 = Buffer.from(secret, 'utf8');
  const json = JSON.stringify({ appId: '200000001', secretKey: secret, note: 'x' });
  const line = `2026-12-03T10:00:00Z request signed with ${secret} for operator tester1`;
  const around = (middle: Buffer) =>
    Buffer.concat([Buffer.from([0, 255, 7]), middle, Buffer.from(' trailing\n')]);
  const base64At = (prefix: string) => Buffer.from(`${prefix}${secret}`).toString('base64');
  const rows: [string, Buffer][] = [
    ['plain UTF-8 deep in binary', around(utf8)],
    ['UTF-16LE', around(Buffer.from(secret, 'utf16le'))],
    ['UTF-16BE', around(Buffer.from(secret, 'utf16le').swap16())],
    ['lowercase hex', around(Buffer.from(utf8.toString('hex')))],
    ['uppercase hex', around(Buffer.from(utf8.toString('hex').toUpperCase()))],
    ['base64 at offset 0', around(Buffer.from(base64At('')))],
    ['base64 at offset 1', around(Buffer.from(base64At('a')))],
    ['base64 at offset 2', around(Buffer.from(base64At('ab')))],
    ['base64 at offset 3', around(Buffer.from(base64At('abc')))],
    [
      'base64 of a JSON document holding it',
      around(Buffer.from(Buffer.from(json).toString('base64'))),
    ],
    [
      'base64url of a JSON document holding it',
      around(Buffer.from(Buffer.from(json).toString('base64url'))),
    ],
    [
      'base64 of a log line, wrapped at 76 (MIME)',
      around(Buffer.from(mimeWrap(Buffer.from(line).toString('base64')))),
    ],
    [
      'base64 of a log line, unpadded',
      around(Buffer.from(Buffer.from(`${line}!`).toString('base64').replace(/=+$/, ''))),
    ],
    [
      'URL-encoded (encodeURIComponent)',
      around(Buffer.from(`?key=${encodeURIComponent(secret)}&x=1`)),
    ],
    [
      'form-encoded (URLSearchParams)',
      around(Buffer.from(new URLSearchParams({ key: secret }).toString())),
    ],
    [
      'percent-encoded byte by byte',
      around(
        Buffer.from(
          [...utf8].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
        ),
      ),
    ],
    ['JSON-escaped inside a JSON document', around(Buffer.from(json))],
  ];
  return rows;
}

function mimeWrap(base64: string): string {
  return (base64.match(/.{1,76}/g) ?? []).join('\r\n');
}

describe('assertNoSecrets', () => {
  const dir = useTempDir();

  it('passes on a clean folder and reports what it scanned', async () => {
    await mkdir(path.join(dir(), 'sub'));
    await writeFile(path.join(dir(), 'settings.json'), '{"operatorId":"alice"}');
    await writeFile(path.join(dir(), 'sub', 'bin'), Buffer.from([0, 1, 2, 255]));
    expect(await assertNoSecrets(dir(), [SECRET, SECRET_ID])).toMatchObject({
      hits: [],
      filesScanned: 2,
    });
  });

  it.each<[string, Buffer]>(
    plantings(SECRET).map(([name, bytes]) => [name, bytes] as [string, Buffer]),
  )('finds a secret planted as %s in a nested file', async (_, bytes) => {
    await mkdir(path.join(dir(), 'a', 'b'), { recursive: true });
    await writeFile(path.join(dir(), 'a', 'b', 'leak.log'), bytes);
    const error: unknown = await assertNoSecrets(dir(), [SECRET_ID, SECRET]).catch(
      (caught: unknown) => caught,
    );
    expect(String(error)).toMatch(/secret #2 .* in .*leak\.log/);
    // The failure never shows the secret itself.
    expect(String(error)).not.toContain(SECRET);
  });

  it.each(plantings(SPECIAL))(
    'finds a secret with characters to escape planted as %s',
    async (_, bytes) => {
      await writeFile(path.join(dir(), 'out.bin'), bytes);
      const found = await findSecrets({ dirs: [dir()] }, [SPECIAL]);
      expect(found.hits.length).toBeGreaterThan(0);
    },
  );

  it('finds nothing in a megabyte of random bytes (no match by chance)', async () => {
    await writeFile(path.join(dir(), 'noise.bin'), randomBytes(1024 * 1024));
    await writeFile(path.join(dir(), 'noise.b64'), randomBytes(512 * 1024).toString('base64'));
    expect((await findSecrets({ dirs: [dir()] }, [SECRET, SECRET_ID, SPECIAL])).hits).toEqual([]);
  });

  it('checks file names and symlink targets without following links', async () => {
    await writeFile(path.join(dir(), `cache-${SECRET}`), '');
    await symlink('/nonexistent/loop', path.join(dir(), 'link'));
    const summary = await findSecrets({ dirs: [dir()] }, [SECRET]);
    expect(summary.hits.map((hit) => path.basename(hit.where))).toEqual([`cache-${SECRET}`]);
  });

  it('searches given outputs, by label', async () => {
    await expect(assertNoSecrets(['clean', `key=${SECRET}`], [SECRET])).rejects.toThrow(/text:2/);
    await expect(
      assertNoSecrets({ texts: { stdout: 'ok', stderr: encodeURIComponent(`a b/${SECRET}+`) } }, [
        `a b/${SECRET}+`,
      ]),
    ).rejects.toThrow(/text:stderr/);
  });

  it('refuses a missing folder and too-short secrets instead of passing vacuously', async () => {
    await expect(assertNoSecrets(path.join(dir(), 'missing'), [SECRET])).rejects.toThrow(/ENOENT/);
    await expect(assertNoSecrets(dir(), ['abc'])).rejects.toThrow(/shorter than/);
    await expect(assertNoSecrets(dir(), [])).rejects.toThrow(/no secrets/);
  });
});
