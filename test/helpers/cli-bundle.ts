import path from 'node:path';
import { build } from 'esbuild';
import { cliBuildTargets } from '../../scripts/cli-build';

/**
 * The CLI as scripts/build.mjs builds it (the launcher and the CLI's bundle, the same esbuild
 * targets), written to `dir` instead of out/, so a test's real `roomcall` process and
 * `npm run build`'s wipe of out/ never race. Returns the script to run with `node`: the
 * launcher, as `roomcall` on a PATH runs it.
 */
export async function buildCliBundle(dir: string): Promise<string> {
  await Promise.all(cliBuildTargets(dir).map((target) => build(target)));
  return path.join(dir, 'roomcall.mjs');
}
