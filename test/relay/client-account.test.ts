/**
 * The account in relay mode (main/core/account.ts), the sign-in's keychain entry
 * (main/core/secrets/relay-token-*.ts), the relayUrl rule of the settings and the managed
 * configuration, and the bearer's renewal. The keychain is keytar's interface over a map (the
 * real keytar is test/keychain's); every store call is recorded, so "never read" is checked.
 */
import { describe, expect, it } from 'vitest';
import { NotConfiguredError, resolveAccount } from '../../main/core/account';
import { applyManagedSettings } from '../../main/core/managed/apply-managed';
import { parseManagedConfig } from '../../main/core/managed/managed-config';
import { classify } from '../../main/core/problem/classify';
import { createRelayBearer } from '../../main/core/relay/relay-bearer';
import type { CredentialStore } from '../../main/core/secrets/credential-store';
import type { KeytarApi } from '../../main/core/secrets/keytar-store';
import { createKeytarRelayTokenStore } from '../../main/core/secrets/relay-token-keychain';
import {
  MalformedRelayTokenError,
  type RelayToken,
} from '../../main/core/secrets/relay-token-store';
import { createMemoryRelayTokenStore } from '../../main/core/secrets/memory-store';
import { settingsSchema } from '../../main/shared/model/settings-schema';

const RELAY = 'https://relay.example.com';
const TOKEN: RelayToken = {
  relayUrl: RELAY,
  kind: 'token',
  accessToken: 'rc_person-token-0123456789abcdef',
  expiresAtMs: null,
};
const SIM_SECRETS = {
  WEMEET_APP_ID: '200000001',
  WEMEET_SECRET_ID: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  WEMEET_SECRET_KEY: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
};

/** A credential store that fails the test if anything reads or writes it. */
const untouchable: CredentialStore = {
  get: () => Promise.reject(new Error('the Tencent credentials were read')),
  set: () => Promise.reject(new Error('Tencent credentials were stored')),
  delete: () => Promise.reject(new Error('the Tencent credentials were touched')),
};

const settings = (relayUrl: string | null) => ({
  profile: 'default',
  operatorId: null,
  baseUrl: 'https://api.meeting.qq.com',
  relayUrl,
});

describe('resolveAccount with a relay', () => {
  it('reads no Tencent credential, from the keychain or the environment', async () => {
    const relayTokens = createMemoryRelayTokenStore();
    await relayTokens.set('default', TOKEN);
    const account = await resolveAccount({
      env: SIM_SECRETS,
      store: untouchable,
      relayTokens,
      settings: settings(RELAY),
    });
    expect(account.status).toBe('ready');
    if (account.status !== 'ready' || account.mode !== 'relay') throw new Error('not relay');
    expect(account.credentials).toBeNull();
    expect(account.token).toEqual(TOKEN);
    expect(account.tokenSource).toBe('keychain');
    expect(account.cacheScope).toBe(`relay@${RELAY}`);
    expect(JSON.stringify(account)).not.toContain(SIM_SECRETS.WEMEET_SECRET_KEY);
  });

  it('says "sign in to the relay" when no sign-in is stored, with the command to run', async () => {
    const account = await resolveAccount({
      env: {},
      store: untouchable,
      relayTokens: createMemoryRelayTokenStore(),
      settings: settings(RELAY),
    });
    if (account.status !== 'not-configured') throw new Error('expected not configured');
    expect(account.error.missing).toBe('relay-sign-in');
    const problem = classify(account.error);
    expect(problem.category).toBe('not-configured');
    expect(problem.message).toContain(RELAY);
    expect(problem.hint).toContain(`roomcall auth login --relay ${RELAY}`);
  });

  it("never sends one relay's token to another relay", async () => {
    const relayTokens = createMemoryRelayTokenStore();
    await relayTokens.set('default', TOKEN);
    const account = await resolveAccount({
      env: {},
      store: untouchable,
      relayTokens,
      settings: settings('https://other-relay.example.com'),
    });
    expect(account.status).toBe('not-configured');
    expect(account.status === 'not-configured' && account.error).toBeInstanceOf(NotConfiguredError);
  });

  it('takes ROOMCALL_RELAY_TOKEN for scripts, without opening the keychain', async () => {
    const closed = {
      get: () => Promise.reject(new Error('keychain opened')),
      set: () => Promise.reject(new Error('keychain opened')),
      delete: () => Promise.reject(new Error('keychain opened')),
    };
    const account = await resolveAccount({
      env: { ...SIM_SECRETS, ROOMCALL_RELAY_TOKEN: 'rc_from-the-environment-123' },
      store: untouchable,
      relayTokens: closed,
      settings: settings(RELAY),
    });
    if (account.status !== 'ready' || account.mode !== 'relay') throw new Error('not relay');
    expect(account.tokenSource).toBe('environment');
    expect(account.token.accessToken).toBe('rc_from-the-environment-123');
  });

  it('stays direct without a relay', async () => {
    const account = await resolveAccount({
      env: { ...SIM_SECRETS, WEMEET_OPERATOR_ID: 'tester1' },
      store: untouchable,
      settings: { ...settings(null), operatorId: 'tester1' },
    });
    expect(account.status === 'ready' && account.mode).toBe('direct');
  });
});

describe('the relay sign-in in the keychain', () => {
  function fakeKeytar() {
    const entries = new Map<string, string>();
    const api: KeytarApi = {
      getPassword: (service, account) =>
        Promise.resolve(entries.get(`${service}/${account}`) ?? null),
      setPassword: (service, account, password) => {
        entries.set(`${service}/${account}`, password);
        return Promise.resolve();
      },
      deletePassword: (service, account) =>
        Promise.resolve(entries.delete(`${service}/${account}`)),
    };
    return { entries, api };
  }

  it('lives beside the credentials, per profile, under relay:<profile>', async () => {
    const { entries, api } = fakeKeytar();
    entries.set('RoomCall/work', '{"appId":"1","secretId":"id","secretKey":"key"}');
    const store = createKeytarRelayTokenStore({ loadKeytar: () => Promise.resolve(api) });
    await store.set('work', TOKEN);
    expect([...entries.keys()].sort()).toEqual(['RoomCall/relay:work', 'RoomCall/work']);
    expect(await store.get('work')).toEqual(TOKEN);
    expect(await store.get('default')).toBeNull();
    expect(await store.delete('work')).toBe(true);
    expect(entries.has('RoomCall/work')).toBe(true);
  });

  it('refuses a damaged entry without quoting it', async () => {
    const { entries, api } = fakeKeytar();
    entries.set('RoomCall/relay:default', '{"accessToken":"rc_secret-value-xyz"');
    const store = createKeytarRelayTokenStore({ loadKeytar: () => Promise.resolve(api) });
    const error = await store.get('default').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedRelayTokenError);
    expect((error as Error).message).not.toContain('rc_secret-value-xyz');
    expect(classify(error).category).toBe('credentials-damaged');
  });
});

describe('relayUrl in the settings and the managed configuration', () => {
  it('is https, or plain http only to this machine, and is kept normalised', () => {
    expect(settingsSchema.parse({ relayUrl: 'https://Relay.Example.com/' }).relayUrl).toBe(RELAY);
    expect(settingsSchema.parse({ relayUrl: 'http://127.0.0.1:8080' }).relayUrl).toBe(
      'http://127.0.0.1:8080',
    );
    const plain = settingsSchema.safeParse({ relayUrl: 'http://relay.example.com' });
    expect(plain.success).toBe(false);
    expect(plain.error?.issues[0]?.message).toMatch(/sign-in token would travel in clear text/);
    expect(settingsSchema.safeParse({ relayUrl: 'https://relay.example.com/?a=1' }).success).toBe(
      false,
    );
    expect(settingsSchema.parse({}).relayUrl).toBeNull();
  });

  it('can be set and locked by IT, and then wins over the person’s own', () => {
    const parsed = parseManagedConfig(
      { version: 1, settings: { relayUrl: RELAY }, locked: ['relayUrl'] },
      { username: 'jsmith' },
    );
    if (!parsed.ok) throw new Error(parsed.message);
    const user = { ...settingsSchema.parse({}), relayUrl: null };
    expect(applyManagedSettings(user, parsed.value).relayUrl).toBe(RELAY);
  });

  it('refuses a managed plain-http relay off this machine: nothing of the file applies', () => {
    const parsed = parseManagedConfig(
      { version: 1, settings: { relayUrl: 'http://relay.example.com' } },
      { username: 'jsmith' },
    );
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toMatch(/settings\.relayUrl/);
  });
});

describe('the bearer', () => {
  it('renews an expiring OIDC sign-in once, however many requests ask, and saves it', async () => {
    let now = 1_000_000;
    const saved: RelayToken[] = [];
    let renewals = 0;
    const bearer = createRelayBearer({
      token: { ...TOKEN, kind: 'oidc', refreshToken: 'refresh-1', expiresAtMs: now + 120_000 },
      now: () => now,
      refresh: (old) => {
        renewals += 1;
        return Promise.resolve({ ...old, accessToken: 'id-token-2', expiresAtMs: now + 3_600_000 });
      },
      save: (token) => {
        saved.push(token);
        return Promise.resolve();
      },
    });
    expect(await bearer()).toBe(TOKEN.accessToken);
    now += 100_000;
    expect(await Promise.all([bearer(), bearer(), bearer()])).toEqual([
      'id-token-2',
      'id-token-2',
      'id-token-2',
    ]);
    expect(renewals).toBe(1);
    expect(saved.map((t) => t.accessToken)).toEqual(['id-token-2']);
  });
});
