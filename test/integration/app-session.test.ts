import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialStore } from '../../main/core/secrets/credential-store';
import { KeychainUnavailableError } from '../../main/core/secrets/keychain-errors';
import { startAppHarness, type AppHarness } from './app-harness';

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

/** A keychain that is there but locked, as libsecret reports without an unlocked collection. */
const lockedKeychain: CredentialStore = {
  get: () =>
    Promise.reject(new KeychainUnavailableError('locked-or-denied', 'linux', 'Prompt dismissed')),
  set: () =>
    Promise.reject(new KeychainUnavailableError('locked-or-denied', 'linux', 'Prompt dismissed')),
  delete: () => Promise.reject(new KeychainUnavailableError('locked-or-denied', 'linux', null)),
};

describe('session and app state', () => {
  it('reports a locked keychain as state, and never writes the credentials anywhere else', async () => {
    h = await startAppHarness({ configured: false, services: { credentialStore: lockedKeychain } });
    const state = await h.ok('getAppState');
    expect(state).toMatchObject({ configured: false, credentials: null });
    expect(state.keychain.available).toBe(false);
    expect(state.keychain.message).toContain('locked');

    const saved = await h.call('saveCredentials', {
      ...h.sim.credentials,
      sdkId: null,
      operatorId: h.sim.operatorId,
    });
    expect(saved).toMatchObject({ ok: false, error: { kind: 'keychain' } });
    expect(!saved.ok && saved.error.hint).toContain('keyring');
    for (const name of await readdir(h.dataDir)) {
      const text = await readFile(path.join(h.dataDir, name), 'utf8');
      expect(text).not.toContain(h.sim.credentials.secretKey);
    }
    expect(await h.call('refreshDirectory')).toMatchObject({
      ok: false,
      error: { kind: 'keychain' },
    });
    expect(h.sim.requests).toEqual([]);
  });

  it('tells where the credentials come from and shows only the SecretId tail', async () => {
    h = await startAppHarness();
    const state = await h.ok('getAppState');
    expect(state).toMatchObject({
      version: '1.2.3-test',
      configured: true,
      operatorId: h.sim.operatorId,
      credentials: {
        appId: h.sim.credentials.appId,
        sdkId: null,
        secretIdHint: `…${h.sim.credentials.secretId.slice(-3)}`,
        source: 'keychain',
      },
      keychain: { available: true, message: null },
    });
    const out = await h.ok('logout');
    expect(out).toMatchObject({ configured: false, credentials: null });
    expect(h.store.profiles()).toEqual([]);
  });

  it('lets the WEMEET_* environment win, and locks what it sets', async () => {
    h = await startAppHarness({
      configured: false,
      env: (sim) => ({
        WEMEET_APP_ID: sim.credentials.appId,
        WEMEET_SECRET_ID: sim.credentials.secretId,
        WEMEET_SECRET_KEY: sim.credentials.secretKey,
        WEMEET_OPERATOR_ID: sim.operatorId,
        WEMEET_BASE_URL: sim.baseUrl,
      }),
    });
    const state = await h.ok('getAppState');
    expect(state).toMatchObject({ configured: true, credentials: { source: 'environment' } });
    const settings = await h.ok('getSettings');
    expect(settings.locked).toEqual(['baseUrl', 'operatorId']);
    const refused = await h.call('updateSettings', { operatorId: 'someone-else' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(!refused.ok && refused.error.message).toContain('WEMEET_OPERATOR_ID');
    expect(await h.ok('testConnection')).toEqual({ roomCount: 40, inProgressMeetings: 1 });
  });

  it('stops the room listing after the first page to test the connection', async () => {
    h = await startAppHarness({ rooms: 500 });
    expect(await h.ok('testConnection')).toEqual({ roomCount: 500, inProgressMeetings: 1 });
    expect(h.requestsTo('GET', '/v1/meeting-rooms')).toHaveLength(1);
  });
});
