import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TENCENT_CODES, tencentCodeInfo } from '../../main/shared/tencent-error-codes';

/**
 * docs/cli.md's table of failures quotes the words the CLI prints for each code: they must be
 * the words of main/shared/tencent-error-codes.ts, the one list, or the docs promise words
 * that never appear.
 */
describe("docs/cli.md's error codes", () => {
  const docs = readFileSync('docs/cli.md', 'utf8');
  const rows = [...docs.matchAll(/^\| (\d{4,6}) +\| ([^|]+?) +\| ([^|]+?) +\|$/gm)].map(
    ([, code = '', words = '']) => ({ code: Number(code), words }),
  );

  it('quote the words the CLI prints, code by code', () => {
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const { code, words } of rows) {
      expect(tencentCodeInfo(code)?.meaning, `error ${code}`).toBe(words);
    }
  });

  it('every code in the list has words and advice', () => {
    expect(TENCENT_CODES.length).toBeGreaterThan(10);
    for (const code of TENCENT_CODES) {
      const info = tencentCodeInfo(code);
      expect(info?.meaning.trim(), `error ${code}`).not.toBe('');
      expect(info?.advice.trim(), `error ${code}`).not.toBe('');
    }
  });
});
