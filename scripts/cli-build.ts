// The `roomcall` command line's esbuild targets, shared by scripts/build.mjs (which Node runs
// with its built-in type stripping: keep this file to erasable TypeScript) and the tests that
// build the CLI into a folder of their own. The executable is a small launcher that checks the
// Node version before it loads the CLI (main/cli/launcher.ts); the CLI is its own bundle beside
// it, so an unsupported Node never parses it nor loads the native keychain module.
import type { BuildOptions } from 'esbuild';

// ESM bundles may contain CommonJS dependencies that call require(): give them one.
export const ESM_REQUIRE_BANNER = [
  "import { createRequire as __roomcallCreateRequire } from 'node:module';",
  'const require = __roomcallCreateRequire(import.meta.url);',
].join('\n');

export function cliBuildTargets(outdir: string): BuildOptions[] {
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    sourcemap: 'linked',
    // Native and Electron-provided modules stay outside the bundles.
    external: ['electron', 'keytar'],
    logLevel: 'warning',
    legalComments: 'none',
    outdir,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
  };
  return [
    {
      ...common,
      entryPoints: { roomcall: 'main/cli/launcher.ts' },
      // node16: the check itself must parse on any Node old enough to be refused.
      target: 'node16',
      banner: { js: '#!/usr/bin/env node' },
    },
    {
      ...common,
      entryPoints: { 'roomcall-main': 'main/cli/roomcall.ts' },
      target: 'node22',
      banner: { js: ESM_REQUIRE_BANNER },
    },
  ];
}
