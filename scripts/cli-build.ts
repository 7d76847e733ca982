// The `roomcall` command line's esbuild targets, shared by scripts/build.mjs (which Node runs
// with its built-in type stripping: keep this file to erasable TypeScript) and the tests that
// build the CLI into a folder of their own. The executable is a small launcher that checks the
// Node version before it loads the CLI (main/cli/launcher.ts); the CLI is its own bundle beside
// it, so an unsupported Node never parses it nor loads the native keychain module.
import { builtinModules, createRequire } from 'node:module';
import path from 'node:path';
import type { BuildOptions, Plugin } from 'esbuild';

// ESM bundles may contain CommonJS dependencies that call require(): give them one.
export const ESM_REQUIRE_BANNER = [
  "import { createRequire as __roomcallCreateRequire } from 'node:module';",
  'const require = __roomcallCreateRequire(import.meta.url);',
].join('\n');

/**
 * commander imports node:child_process at load, for "executable" subcommands roomcall does not
 * have; within commander only, it gets main/cli/commander-child-process.ts, which loads the
 * real module on first use. Saves every start loading child_process (and net, dgram…).
 */
const lazyChildProcessForCommander: Plugin = {
  name: 'roomcall-lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: path.resolve('main/cli/commander-child-process.ts') }
        : undefined,
    );
  },
};

/**
 * Node's own modules by process.getBuiltinModule (Node >= 22.3) instead of `import`: for every
 * builtin an ES module imports, Node builds a facade that reads all of its exports, and some are
 * getters that load more (node:fs's ReadStream loads the streams): ~9 ms of CPU at each start,
 * a quarter of a bare `node -e 0`, for the handful the CLI imports. getBuiltinModule returns the
 * module as require() does, no facade. Each builtin becomes a small ES module whose named
 * exports read the module's properties (the names as this Node has them); the bundler keeps only
 * those imported, so nothing else is read. The launcher refuses older Nodes before it calls
 * anything from a builtin; there the values are undefined, bound and never used.
 */
const nodeRequire = createRequire(import.meta.url);
const BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const builtinsWithoutFacades: Plugin = {
  name: 'roomcall-builtins-without-facades',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => {
      if (!BUILTINS.has(args.path)) return undefined;
      // A CommonJS require() of a builtin is left to the bundle's own `require` (the real
      // module): the small ES module below has only the builtin's own enumerable names, and
      // CommonJS code also reads inherited ones (node-redis's `require('stream').EventEmitter`,
      // a static Stream inherits, was undefined: "Class extends value undefined").
      if (args.kind === 'require-call') return { path: args.path, external: true };
      return { path: `node:${args.path.replace(/^node:/, '')}`, namespace: 'node-builtin' };
    });
    build.onLoad({ filter: /.*/, namespace: 'node-builtin' }, (args) => {
      const names = Object.keys(nodeRequire(args.path) as object).filter(
        (name) => IDENTIFIER.test(name) && name !== 'default',
      );
      const lines = [
        `const builtin = process.getBuiltinModule?.(${JSON.stringify(args.path)});`,
        'export default builtin;',
        ...names.map(
          (name) => `export const ${name} = /* @__PURE__ */ (() => builtin?.${name})();`,
        ),
      ];
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/** The CLI's own `require` (for keytar, CommonJS with a native addon), without importing node:module. */
const CLI_REQUIRE_BANNER =
  "const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);";

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
      plugins: [builtinsWithoutFacades],
    },
    {
      ...common,
      entryPoints: { 'roomcall-main': 'main/cli/roomcall.ts' },
      target: 'node22',
      banner: { js: CLI_REQUIRE_BANNER },
      // Split at the CLI's dynamic imports (each command's code, the context and core behind
      // it, the failures' words): `--help` and usage errors load the command definitions and
      // commander alone; a command loads its own code and the chunks it shares with others.
      splitting: true,
      minifyWhitespace: true,
      minifySyntax: true,
      plugins: [lazyChildProcessForCommander, builtinsWithoutFacades],
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
    },
  ];
}
