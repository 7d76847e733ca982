import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The renderer may import main/shared and the core's pure input parsers, nothing else of main,
 * and the compiler holds that line: renderer/tsconfig.json is a composite project, so a file
 * outside its list fails with TS6307. This compiles a one-line renderer file against that
 * list (the main-side part of it, which is all the line is about: compiling renderer/src too
 * would only make the test slower) and watches an allowed import pass and a forbidden one fail.
 */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const config = ts.getParsedCommandLineOfConfigFile(
  path.join(ROOT, 'renderer/tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) =>
      expect.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')),
  },
);
if (config === undefined) throw new Error('renderer/tsconfig.json did not parse');
const options = { ...config.options, noEmit: true };
const listed = config.fileNames.map((file) => path.relative(ROOT, file).split(path.sep).join('/'));
const mainSide = config.fileNames.filter(
  (file) => !file.includes(`${path.sep}renderer${path.sep}`),
);

const dir = mkdtempSync(path.join(tmpdir(), 'roomcall-boundary-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const fixtures = {
  allowed: 'main/shared/rules/targets',
  forbidden: 'main/core/wemeet/api',
};

/**
 * The codes of the errors each one-line renderer file gets, one importing each fixture (a path
 * from the root). Only those files are checked: the listed ones have their own typecheck.
 */
function compileImports(): Record<keyof typeof fixtures, number[]> {
  const files = Object.fromEntries(
    Object.entries(fixtures).map(([name, target]) => {
      const file = path.join(dir, `${name}.ts`);
      writeFileSync(file, `export * from ${JSON.stringify(path.join(ROOT, target))};\n`);
      return [name, file];
    }),
  ) as Record<keyof typeof fixtures, string>;
  const program = ts.createProgram({
    rootNames: [...Object.values(files), ...mainSide],
    options,
  });
  const codes = (file: string) =>
    [
      ...program.getOptionsDiagnostics(),
      ...program.getSemanticDiagnostics(program.getSourceFile(file)),
    ]
      .filter((diagnostic) => diagnostic.file?.fileName === file)
      .map((diagnostic) => diagnostic.code);
  return { allowed: codes(files.allowed), forbidden: codes(files.forbidden) };
}

describe('the renderer project', () => {
  it('lists only renderer/src, main/shared and the pure input parsers with their types', () => {
    expect(config.options.composite).toBe(true);
    const allowed = /^(renderer\/src\/|main\/shared\/|main\/core\/input\/[^/]+\.ts$)/;
    const extra = listed.filter((file) => !allowed.test(file));
    expect(extra).toEqual(['main/core/result.ts', 'main/core/wemeet/types.ts']);
  });

  it('compiles an import of the shared rules and refuses one of the rest of the core', () => {
    const errors = compileImports();
    expect(errors.allowed).toEqual([]);
    expect(errors.forbidden).toContain(6307);
  });
});
