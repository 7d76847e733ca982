import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleForNode } from '../../helpers/bundle-for-node';

/**
 * Bundles a child-process entry (the budget load workers) into one .mjs in a temp folder, with
 * pg and redis left outside the bundle (bundle-for-node.ts says why).
 */

/** The bundle's path; the caller removes `path.dirname(bundle)` when done. */
export async function bundleWorker(entry: string): Promise<string> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-worker-'));
  return bundleForNode(entry, outDir, ['pg', 'redis']);
}
