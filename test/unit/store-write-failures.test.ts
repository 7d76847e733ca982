import { readdir, readFile, writeFile } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../main/cli/failures';
import { EXIT_FAILURE } from '../../main/cli/exit-codes';
import { FileWriteError, writeFileAtomic } from '../../main/core/store/atomic-file';
import { useTempDir } from '../helpers/temp-dir';

/**
 * A write the disk refuses half-way (a full disk once left 4 KB of truncated JSON in place of a
 * good export, issue 15): the write is made to fail after 4 KB, as ENOSPC does, by replacing
 * the one step that writes the data. The old file must be whole, no temporary file left, and
 * the error typed with its own words. The read-only folder case runs for real, as an
 * unprivileged process, in test/integration/store-export-failures.test.ts.
 */

function failingAfter(bytes: number, code: string) {
  return async (handle: FileHandle, data: string | Uint8Array): Promise<void> => {
    await handle.write(Buffer.from(data).subarray(0, bytes));
    throw Object.assign(new Error(`${code}: the disk refused, write`), { code });
  };
}

const OLD = `${JSON.stringify({ format: 'roomcall-favorites', version: 1, favorites: [] }, null, 2)}\n`;

describe('a write the disk refuses', () => {
  const dir = useTempDir();

  it.each([
    ['ENOSPC', 'disk-full', /the disk is full \(ENOSPC\)/, /Free some disk space/],
    ['EDQUOT', 'disk-full', /the disk is full \(EDQUOT\)/, /Free some disk space/],
    ['EROFS', 'read-only', /the disk is read-only \(EROFS\)/, /writable disk/],
    ['EACCES', 'not-allowed', /not allowed to write in that folder/, /permissions/],
  ])(
    '%s half-way: the old file is whole, no temporary file is left, the error says %s',
    async (code, problem, words, hint) => {
      const file = path.join(dir(), 'team-rooms.json');
      await writeFile(file, OLD);
      const big = 'x'.repeat(100_000);
      const error: unknown = await writeFileAtomic(file, big, {
        writeData: failingAfter(4096, code),
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FileWriteError);
      const typed = error as FileWriteError;
      expect(typed).toMatchObject({ problem, code, file });
      expect(typed.message).toMatch(words);
      expect(typed.message).toContain('a file already there is as it was');
      expect(typed.hint).toMatch(hint);
      expect(await readFile(file, 'utf8')).toBe(OLD);
      expect(await readdir(dir())).toEqual(['team-rooms.json']);

      // The CLI: exit 1 (not the usage code 2), the words and the hint, no "report it".
      const failure = describeFailure(error);
      expect(failure).toEqual({
        exitCode: EXIT_FAILURE,
        message: typed.message,
        hint: typed.hint,
        code: null,
      });
    },
  );

  it('other failures pass unchanged (a bug is not a full disk)', async () => {
    const file = path.join(dir(), 'a.json');
    const error: unknown = await writeFileAtomic(file, 'x', {
      writeData: () => Promise.reject(new TypeError('a bug')),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(await readdir(dir())).toEqual([]);
  });

  it('a missing folder is not a refusing disk: ENOENT passes unchanged (the CLI says so, exit 2)', async () => {
    const error: unknown = await writeFileAtomic(path.join(dir(), 'no', 'x.json'), 'x').catch(
      (caught: unknown) => caught,
    );
    expect(error).not.toBeInstanceOf(FileWriteError);
    expect(error).toMatchObject({ code: 'ENOENT' });
  });
});
