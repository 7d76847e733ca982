// Builds everything into out/ with esbuild: each entry becomes one self-contained file, which
// the sandboxed preload requires (it cannot load other modules) and which keeps the CLI's
// start-up fast. Type checking is `npm run typecheck`'s job, not the bundler's.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('out', { recursive: true, force: true });

// Native and Electron-provided modules stay outside the bundles.
const external = ['electron', 'keytar'];

// ESM bundles may contain CommonJS dependencies that call require(): give them one.
const esmBanner = [
  "import { createRequire as __roomcallCreateRequire } from 'node:module';",
  'const require = __roomcallCreateRequire(import.meta.url);',
].join('\n');

/** @type {import('esbuild').BuildOptions} */
const node = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  external,
  logLevel: 'warning',
  legalComments: 'none',
};

/** @type {import('esbuild').BuildOptions[]} */
const targets = [
  {
    ...node,
    entryPoints: { roomcall: 'main/cli/roomcall.ts' },
    outdir: 'out/cli',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: { js: `#!/usr/bin/env node\n${esmBanner}` },
  },
  {
    ...node,
    entryPoints: { sim: 'test/sim/main.ts' },
    outdir: 'out/sim',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: { js: esmBanner },
  },
  {
    ...node,
    entryPoints: { bench: 'test/bench/bench.ts' },
    outdir: 'out/bench',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    banner: { js: esmBanner },
  },
];

await Promise.all(targets.map((options) => build(options)));
