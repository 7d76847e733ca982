import path from 'node:path';
import { build } from 'esbuild';

/**
 * The CLI target of scripts/build.mjs (same esbuild options), written to `dir` instead of out/,
 * so a test's real `roomcall` process and `npm run build`'s wipe of out/ never race. Returns
 * the script to run with `node`.
 */
export async function buildCliBundle(dir: string): Promise<string> {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node22',
    external: ['electron', 'keytar'],
    logLevel: 'warning',
    legalComments: 'none',
    entryPoints: { roomcall: 'main/cli/roomcall.ts' },
    outdir: dir,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: {
      js: [
        "import { createRequire as __roomcallCreateRequire } from 'node:module';",
        'const require = __roomcallCreateRequire(import.meta.url);',
      ].join('\n'),
    },
  });
  return path.join(dir, 'roomcall.mjs');
}
