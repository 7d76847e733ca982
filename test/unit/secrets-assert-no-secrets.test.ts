import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertNoSecrets, findSecrets } from '../helpers/assert-no-secrets';
import { useTempDir } from '../helpers/temp-dir';

const SECRET = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
const SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';

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

  it.each<[string, Buffer]>([
    ['plain UTF-8 deep in binary', Buffer.concat([Buffer.from([0, 255]), Buffer.from(SECRET)])],
    ['UTF-16LE', Buffer.from(SECRET, 'utf16le')],
    ['base64', Buffer.from(Buffer.from(SECRET).toString('base64'))],
    ['hex', Buffer.from(Buffer.from(SECRET).toString('hex'))],
  ])('finds a secret written as %s in a nested file', async (_, bytes) => {
    await mkdir(path.join(dir(), 'a', 'b'), { recursive: true });
    await writeFile(path.join(dir(), 'a', 'b', 'leak.log'), bytes);
    const error: unknown = await assertNoSecrets(dir(), [SECRET_ID, SECRET]).catch(
      (caught: unknown) => caught,
    );
    expect(String(error)).toMatch(/secret #2 .* in .*leak\.log/);
    // The failure never shows the secret itself.
    expect(String(error)).not.toContain(SECRET);
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
