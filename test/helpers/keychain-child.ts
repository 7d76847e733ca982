/**
 * Uses the real keytar store in a process of its own, so a test can give it an environment
 * the test process cannot have (no Secret Service, a locked keyring). The credentials come in
 * ROOMCALL_TEST_CREDENTIALS (not argv, which `ps` shows); the outcome of set, get and delete
 * goes to stdout as JSON on a line starting with RESULT.
 */
import { writeSync } from 'node:fs';
import type { StoredCredentials } from '../../main/core/secrets/credential-store';
import { KeychainUnavailableError } from '../../main/core/secrets/keychain-errors';
import { createKeytarStore } from '../../main/core/secrets/keytar-store';

type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly name: string;
      readonly problem: string | null;
      readonly message: string;
      readonly hint: string | null;
    };

async function attempt(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return { ok: true, value: (await run()) ?? null };
  } catch (error) {
    const keychain = error instanceof KeychainUnavailableError ? error : null;
    return {
      ok: false,
      name: error instanceof Error ? error.name : 'unknown',
      problem: keychain?.problem ?? null,
      message: error instanceof Error ? error.message : String(error),
      hint: keychain?.hint ?? null,
    };
  }
}

async function main(): Promise<void> {
  const credentials = JSON.parse(
    process.env['ROOMCALL_TEST_CREDENTIALS'] ?? '{}',
  ) as StoredCredentials;
  const store = createKeytarStore();
  const set = await attempt(() => store.set('default', credentials));
  const get = await attempt(() => store.get('default'));
  const remove = await attempt(() => store.delete('default'));
  // On a line of its own: a Secret Service that D-Bus starts may print to the same stdout.
  writeSync(1, `\nRESULT ${JSON.stringify({ set, get, delete: remove })}\n`);
}

main().catch((error: unknown) => {
  writeSync(2, `child failed: ${String(error)}\n`);
  process.exit(1);
});
