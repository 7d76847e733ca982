import { describe, expect, it } from 'vitest';
import { MalformedCredentialsError } from '../../main/core/secrets/credential-store';
import {
  classifyKeychainMessage,
  KeychainUnavailableError,
} from '../../main/core/secrets/keychain-errors';
import {
  createKeytarStore,
  KEYCHAIN_SERVICE,
  type KeytarApi,
} from '../../main/core/secrets/keytar-store';

/**
 * The keytar store's logic against a fake keytar; the real keychain is exercised by
 * test/keychain (npm run test:keychain) against a real Secret Service.
 */

const creds = {
  appId: '200000001',
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
};

function fakeKeytar(): KeytarApi & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    getPassword: (service, account) =>
      Promise.resolve(entries.get(`${service}/${account}`) ?? null),
    setPassword: (service, account, password) => {
      entries.set(`${service}/${account}`, password);
      return Promise.resolve();
    },
    deletePassword: (service, account) => Promise.resolve(entries.delete(`${service}/${account}`)),
  };
}

/** A keytar whose every call fails the way a given keychain fails. */
function failingKeytar(message: string): KeytarApi {
  const fail = () => Promise.reject(new Error(message));
  return { getPassword: fail, setPassword: fail, deletePassword: fail };
}

async function failure(promise: Promise<unknown>): Promise<KeychainUnavailableError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KeychainUnavailableError);
  return error as KeychainUnavailableError;
}

describe('createKeytarStore', () => {
  it('keeps one JSON entry per profile under the service "RoomCall"', async () => {
    const keytar = fakeKeytar();
    const store = createKeytarStore({ loadKeytar: () => Promise.resolve(keytar) });
    await store.set('default', creds);
    await store.set('lab', { ...creds, appId: '2' });
    expect([...keytar.entries.keys()]).toEqual(['RoomCall/default', 'RoomCall/lab']);
    expect(JSON.parse(keytar.entries.get('RoomCall/default') ?? '')).toEqual(creds);
    expect(await store.get('lab')).toEqual({ ...creds, appId: '2' });
    expect(await store.delete('lab')).toBe(true);
    expect(await store.get('lab')).toBeNull();
    expect(KEYCHAIN_SERVICE).toBe('RoomCall');
  });

  it('accepts keytar as Node’s ESM loader gives it (under `default`)', async () => {
    const keytar = fakeKeytar();
    const store = createKeytarStore({ loadKeytar: () => Promise.resolve({ default: keytar }) });
    await store.set('default', creds);
    expect(await store.get('default')).toEqual(creds);
  });

  it('reports a malformed entry clearly', async () => {
    const keytar = fakeKeytar();
    keytar.entries.set('RoomCall/default', `secret=${creds.secretKey}`);
    const store = createKeytarStore({ loadKeytar: () => Promise.resolve(keytar) });
    const error: unknown = await store.get('default').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedCredentialsError);
    expect(String(error)).not.toContain(creds.secretKey);
  });

  it.each<[NodeJS.Platform, RegExp]>([
    ['linux', /libsecret.*apt install libsecret-1-0.*WEMEET_APP_ID/],
    ['darwin', /Reinstall RoomCall/],
    ['win32', /Reinstall RoomCall/],
  ])('turns a keytar that cannot load into a clear error (%s)', async (platform, hint) => {
    const store = createKeytarStore({
      platform,
      loadKeytar: () =>
        Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    });
    const error = await failure(store.get('default'));
    expect(error.problem).toBe('module-missing');
    expect(error.message).toMatch(/keytar\) could not be loaded/);
    expect(error.message).toContain('libsecret-1.so.0');
    expect(error.hint).toMatch(hint);
  });

  it('tries to load keytar again after a failed load (the user may have fixed it)', async () => {
    let attempts = 0;
    const keytar = fakeKeytar();
    const store = createKeytarStore({
      loadKeytar: () => {
        attempts += 1;
        return attempts === 1 ? Promise.reject(new Error('not built')) : Promise.resolve(keytar);
      },
    });
    await failure(store.get('default'));
    expect(await store.get('default')).toBeNull();
    expect(attempts).toBe(2);
  });

  it('never puts a secret in the error, even when the keychain echoes it', async () => {
    const echo = (value: string) => Promise.reject(new Error(`could not store ${value}`));
    const store = createKeytarStore({
      platform: 'linux',
      loadKeytar: () =>
        Promise.resolve({
          getPassword: () => Promise.resolve(null),
          setPassword: (_service: string, _account: string, password: string) => echo(password),
          deletePassword: () => Promise.resolve(false),
        }),
    });
    const error = await failure(store.set('default', creds));
    expect(error.message).not.toContain(creds.secretKey);
    expect(error.message).not.toContain(creds.secretId);
    expect(error.message).toContain('[redacted]');
  });

  it.each<[string, NodeJS.Platform, string, RegExp]>([
    [
      'no D-Bus session',
      'linux',
      'Could not connect: No such file or directory',
      /no Secret Service is running.*gnome-keyring/,
    ],
    [
      'no Secret Service on the bus',
      'linux',
      'The name org.freedesktop.secrets was not provided by any .service files',
      /no Secret Service is running/,
    ],
    [
      'a locked keyring whose prompt cannot be shown',
      'linux',
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      /locked or access was denied.*gnome-keyring-daemon --unlock/,
    ],
    [
      'a denied macOS prompt',
      'darwin',
      'User interaction is not allowed.',
      /macOS keychain.*locked.*Unlock the login keychain.*Allow/,
    ],
    [
      'a Credential Manager failure',
      'win32',
      'Element not found.',
      /Windows Credential Manager.*Credential Manager service/,
    ],
  ])('explains %s and how to fix it', async (_, platform, message, explained) => {
    const store = createKeytarStore({
      platform,
      loadKeytar: () => Promise.resolve(failingKeytar(message)),
    });
    for (const operation of [
      store.get('default'),
      store.set('default', creds),
      store.delete('default'),
    ]) {
      const error = await failure(operation);
      expect(error.message).toMatch(explained);
      expect(error.message).toContain(message.slice(0, 20));
    }
  });

  it('sorts Secret Service messages into problems', () => {
    expect(classifyKeychainMessage('Cannot autolaunch D-Bus without X11 $DISPLAY', 'linux')).toBe(
      'no-service',
    );
    expect(classifyKeychainMessage('Prompt dismissed', 'linux')).toBe('locked-or-denied');
    expect(classifyKeychainMessage('Cannot create an item in a locked collection', 'linux')).toBe(
      'locked-or-denied',
    );
    expect(classifyKeychainMessage('Something odd', 'linux')).toBe('failed');
  });
});
