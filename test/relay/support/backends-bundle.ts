import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Bundles a child-process entry (the budget load workers) into one .mjs in a temp folder. pg and
 * redis stay outside the bundle (pg names an optional native module esbuild cannot resolve),
 * imported by absolute file URL so the bundle may live anywhere.
 */

const EXTERNAL = ['pg', 'redis'];
const require = createRequire(import.meta.url);

const externalByUrl: Plugin = {
  name: 'external-by-url',
  setup(builder) {
    builder.onResolve({ filter: new RegExp(`^(${EXTERNAL.join('|')})$`) }, (args) => ({
      path: pathToFileURL(require.resolve(args.path)).href,
      external: true,
    }));
  },
};

/** The bundle's path; the caller removes `path.dirname(bundle)` when done. */
export async function bundleWorker(entry: string): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-worker-'));
  const outfile = path.join(outDir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    logLevel: 'error',
    plugins: [externalByUrl],
  });
  return outfile;
}
