import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  InvalidCredentialsError,
  MalformedCredentialsError,
  type StoredCredentials,
} from '../../main/core/secrets/credential-store';
import { createKeytarStore, KEYCHAIN_SERVICE } from '../../main/core/secrets/keytar-store';
import { assertNoSecrets } from '../helpers/assert-no-secrets';
import { bundleForNode } from '../helpers/bundle-for-node';

/**
 * The keytar store against a real Secret Service (gnome-keyring), inside the throwaway session
 * that scripts/with-keyring.sh sets up. Run: npm run test:keychain
 */

const sandbox = process.env['ROOMCALL_KEYRING_SANDBOX'];
const here = path.dirname(fileURLToPath(import.meta.url));

const alice: StoredCredentials = {
  appId: '200000001',
  sdkId: '28370276340',
  secretId: 'AKIDkeychainTestSecretId0001',
  secretKey: 'keychainTestSecretKey-0001-Gu5t9xGARNpq',
};
const bob: StoredCredentials = {
  appId: '200000002',
  secretId: 'AKIDkeychainTestSecretId0002',
  secretKey: 'keychainTestSecretKey-0002-8dhq7Pq2',
};
const SECRETS = [alice.secretKey, alice.secretId, bob.secretKey, bob.secretId];

interface KeytarModule {
  setPassword(service: string, account: string, password: string): Promise<void>;
  getPassword(service: string, account: string): Promise<string | null>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

async function rawKeytar(): Promise<KeytarModule> {
  const loaded = (await import('keytar')) as unknown as { default: KeytarModule };
  return loaded.default;
}

let work: string;
let child: string;

beforeAll(async () => {
  // These tests write to the Secret Service of the session they run in: never a real one.
  if (sandbox === undefined || !(process.env['HOME'] ?? '').startsWith(sandbox)) {
    throw new Error(
      'The keychain tests run only inside scripts/with-keyring.sh (npm run test:keychain), never against your own keyring.',
    );
  }
  work = await mkdtemp(path.join(tmpdir(), 'roomcall-keychain-'));
  child = await bundleForNode(path.join(here, '../helpers/keychain-child.ts'), work);
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the keytar store on a real Secret Service', () => {
  const store = createKeytarStore();

  afterEach(async () => {
    for (const profile of ['default', 'lab', 'unicode', 'broken', 'partial']) {
      await store.delete(profile);
    }
  });

  it('sets, gets and deletes', async () => {
    expect(await store.get('default')).toBeNull();
    await store.set('default', alice);
    expect(await store.get('default')).toEqual(alice);
    await store.set('default', bob);
    expect(await store.get('default')).toEqual(bob);
    expect(await store.delete('default')).toBe(true);
    expect(await store.delete('default')).toBe(false);
    expect(await store.get('default')).toBeNull();
  });

  it('keeps one JSON entry per profile under the service "RoomCall"', async () => {
    await store.set('default', alice);
    const raw = await (await rawKeytar()).getPassword(KEYCHAIN_SERVICE, 'default');
    expect(JSON.parse(raw ?? 'null')).toEqual(alice);
  });

  it('keeps profiles apart', async () => {
    await store.set('default', alice);
    await store.set('lab', bob);
    expect(await store.get('default')).toEqual(alice);
    expect(await store.get('lab')).toEqual(bob);
    await store.delete('lab');
    expect(await store.get('default')).toEqual(alice);
    expect(await store.get('lab')).toBeNull();
  });

  it('stores every visible ASCII character as it is', async () => {
    const value = {
      appId: '200!~',
      secretId: 'AKID"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}',
      secretKey: 'k',
    };
    await store.set('unicode', value);
    expect(await store.get('unicode')).toEqual(value);
  });

  it('refuses non-ASCII values (they cannot be sent as headers) before the keychain is written', async () => {
    const value = { appId: '应用-١٢٣', secretId: 'AKID-ключ-🔑', secretKey: '密钥 ünïcødé 🗝️ key' };
    await expect(store.set('unicode', value)).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(await (await rawKeytar()).getPassword(KEYCHAIN_SERVICE, 'unicode')).toBeNull();
  });

  it('reports an entry it did not write as malformed, without showing it', async () => {
    const keytar = await rawKeytar();
    await keytar.setPassword(KEYCHAIN_SERVICE, 'broken', `{"secretKey":"${alice.secretKey}"`);
    const error: unknown = await store.get('broken').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedCredentialsError);
    expect(String(error)).toMatch(/profile 'broken' are malformed.*roomcall auth login/);
    expect(String(error)).not.toContain(alice.secretKey);

    await keytar.setPassword(
      KEYCHAIN_SERVICE,
      'partial',
      JSON.stringify({ appId: alice.appId, secretId: alice.secretId }),
    );
    await expect(store.get('partial')).rejects.toThrow(/SecretKey is missing or invalid/);
  });

  it('never leaves a secret in plain text in any file (the keyring file is encrypted)', async () => {
    await store.set('default', alice);
    await store.set('lab', bob);
    const summary = await assertNoSecrets(process.env['HOME'] ?? '', SECRETS);
    // The keyring file itself was among what was searched.
    expect(summary.filesScanned).toBeGreaterThan(0);
  });
});

interface ChildOutcome {
  readonly ok: boolean;
  readonly name?: string;
  readonly problem?: string | null;
  readonly message?: string;
  readonly hint?: string | null;
}

/** Runs the keytar store in a child with the given environment. */
async function inChild(
  env: NodeJS.ProcessEnv,
  wrap: readonly string[] = [],
): Promise<{ result: Record<'set' | 'get' | 'delete', ChildOutcome>; home: string; data: string }> {
  const home = await mkdtemp(path.join(work, 'home-'));
  const data = await mkdtemp(path.join(work, 'data-'));
  const argv = [...wrap, process.execPath, child];
  const run = spawnSync(argv[0] ?? process.execPath, argv.slice(1), {
    encoding: 'utf8',
    timeout: 45_000,
    env: {
      PATH: process.env['PATH'],
      HOME: home,
      XDG_DATA_HOME: path.join(home, '.local/share'),
      XDG_CONFIG_HOME: path.join(home, '.config'),
      XDG_CACHE_HOME: path.join(home, '.cache'),
      ROOMCALL_DATA_DIR: data,
      ROOMCALL_TEST_CREDENTIALS: JSON.stringify(alice),
      ...env,
    },
  });
  expect(run.status, run.stderr).toBe(0);
  const line = run.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  expect(line, run.stdout).toBeDefined();
  const result = JSON.parse(line?.slice('RESULT '.length) ?? '') as Record<
    'set' | 'get' | 'delete',
    ChildOutcome
  >;
  return { result, home, data };
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

describe('without a usable Secret Service', () => {
  it('throws KeychainUnavailableError saying what is missing, and writes no file', async () => {
    const { result, home, data } = await inChild({
      DBUS_SESSION_BUS_ADDRESS: `unix:path=${path.join(work, 'no-bus-here')}`,
    });
    for (const outcome of [result.set, result.get, result.delete]) {
      expect(outcome).toMatchObject({
        ok: false,
        name: 'KeychainUnavailableError',
        problem: 'no-service',
      });
      expect(outcome.message).toMatch(/no Secret Service is running/);
      expect(outcome.hint).toMatch(/gnome-keyring/);
      expect(outcome.hint).toMatch(/WEMEET_APP_ID/);
    }
    expect(JSON.stringify(result)).not.toContain(alice.secretKey);
    // No plaintext fallback: nothing at all was written, anywhere the store could write.
    expect(await filesUnder(home)).toEqual([]);
    expect(await filesUnder(data)).toEqual([]);
    await assertNoSecrets({ dirs: [home, data], texts: [JSON.stringify(result)] }, SECRETS);
  });

  it('says a locked keyring is locked (a Secret Service without an unlocked login keyring)', async () => {
    // A session of its own whose Secret Service is started on demand by D-Bus, never unlocked;
    // with no display the unlock prompt cannot appear.
    const { result, home, data } = await inChild({}, ['dbus-run-session', '--']);
    expect(result.set).toMatchObject({
      ok: false,
      name: 'KeychainUnavailableError',
      problem: 'locked-or-denied',
    });
    expect(result.set.hint).toMatch(/Unlock your login keyring/);
    expect(JSON.stringify(result)).not.toContain(alice.secretKey);
    expect(await filesUnder(data)).toEqual([]);
    await assertNoSecrets({ dirs: [home, data], texts: [JSON.stringify(result)] }, SECRETS);
  });
});
