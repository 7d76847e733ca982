import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Bundles a TypeScript entry (and the core it imports) into one .mjs that a child `node`
 * process can run, for tests that must kill or isolate a real process. Native modules cannot be
 * bundled: they stay external, imported by absolute file URL so the bundle may live anywhere.
 */

const NATIVE = ['keytar'];
const require = createRequire(import.meta.url);

const nativeByUrl: Plugin = {
  name: 'native-by-url',
  setup(builder) {
    builder.onResolve({ filter: new RegExp(`^(${NATIVE.join('|')})$`) }, (args) => ({
      path: pathToFileURL(require.resolve(args.path)).href,
      external: true,
    }));
  },
};

export async function bundleForNode(entry: string, outDir: string): Promise<string> {
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'error',
    plugins: [nativeByUrl],
  });
  return outfile;
}
