/**
 * keytar as the packaged app loads it: the keychain store bundled the way scripts/build.mjs
 * bundles the main process (CommonJS, keytar external) into out/, so `keytar` is resolved from
 * the bundle's own folder up (in the app: app.asar/out/main → app.asar/node_modules, with
 * keytar.node from app.asar.unpacked). The bundle must ask its own CommonJS require for it,
 * never the ESM resolver (import()), and must get keytar's API.
 */
import Module, { createRequire } from 'node:module';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeychainUnavailableError } from '../../main/core/secrets/keychain-errors';
import type { CredentialStore } from '../../main/core/secrets/credential-store';

const outDir = path.resolve('out', 'test-keytar-bundle');
const outfile = path.join(outDir, 'main.cjs');

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('keytar in the CommonJS main bundle', () => {
  it("is loaded with the bundle's own require and gives keytar's API", async () => {
    await build({
      stdin: {
        contents: "export { createKeytarStore } from './main/core/secrets/keytar-store';",
        resolveDir: process.cwd(),
        sourcefile: 'entry.ts',
        loader: 'ts',
      },
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      external: ['electron', 'keytar', 'electron-updater'],
      logLevel: 'error',
    });
    const bundle = createRequire(import.meta.url)(outfile) as {
      createKeytarStore: (options: { service: string }) => CredentialStore;
    };
    const asked: [string, string][] = [];
    const prototype = Module.prototype as unknown as { require: (id: string) => unknown };
    const original = prototype.require;
    prototype.require = function (this: { filename: string }, id: string) {
      asked.push([this.filename, id]);
      return original.call(this, id);
    };
    let failure: unknown = null;
    try {
      // Reading an entry no one has: null, or (no Secret Service here) a keychain error.
      await bundle.createKeytarStore({ service: 'RoomCall-bundle-test' }).get('default');
    } catch (error) {
      failure = error;
    } finally {
      prototype.require = original;
    }
    expect(asked).toContainEqual([outfile, 'keytar']);
    // keytar itself loaded: whatever went wrong, it was not a missing module.
    if (failure !== null) {
      // The bundle has its own copy of the class: compare by name and fields.
      expect(failure).toMatchObject({ name: 'KeychainUnavailableError' });
      expect((failure as KeychainUnavailableError).problem).not.toBe('module-missing');
    }
  });
});
