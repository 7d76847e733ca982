import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { ESM_REQUIRE_BANNER } from '../../scripts/cli-build';

/**
 * Bundles a TypeScript entry (and the core it imports) into one .mjs that a child `node`
 * process can run, for tests that must kill or isolate a real process. Native modules cannot be
 * bundled (keytar; pg names an optional native module esbuild cannot resolve): `external`
 * stays outside, imported by absolute file URL so the bundle may live anywhere.
 */

const require = createRequire(import.meta.url);

function externalByUrl(external: readonly string[]): Plugin {
  return {
    name: 'external-by-url',
    setup(builder) {
      // require() takes a path, import() a URL: the store loads keytar with require where the
      // bundle has one (the CLI's banner gives it one), with import() elsewhere.
      builder.onResolve({ filter: new RegExp(`^(${external.join('|')})$`) }, (args) => {
        const resolved = require.resolve(args.path);
        return {
          path: args.kind === 'require-call' ? resolved : pathToFileURL(resolved).href,
          external: true,
        };
      });
    },
  };
}

export async function bundleForNode(
  entry: string,
  outDir: string,
  external: readonly string[] = ['keytar'],
): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'error',
    // As the CLI's bundle does (scripts/cli-build.ts): the store loads keytar with require.
    banner: { js: ESM_REQUIRE_BANNER },
    plugins: [externalByUrl(external)],
  });
  return outfile;
}
