/**
 * `roomcall auth login --relay <url> --browser` against a real relay that accepts OIDC and the
 * real test identity provider (test/idp), the browser scripted over HTTP: the person signs in
 * at the provider, the relay says who they are, the ID token and its refresh token go into the
 * keychain; an expiring sign-in is renewed with the refresh token and saved back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRelayConfig } from '../../main/relay/config';
import { configuredVerifiers } from '../../main/relay/serve';
import { TEST_ACCOUNTS } from '../idp/accounts';
import { startTestIdp, type TestIdp } from '../idp/idp';
import { browse } from '../idp/scripted-browser';
import { startRelayHarness, type RelayHarness } from './support/relay-harness';
import { startCliJourneys, type CliJourneys } from './support/journeys-cli';

let idp: TestIdp;
let h: RelayHarness;
let cli: CliJourneys;
const opened: string[] = [];

beforeAll(async () => {
  idp = await startTestIdp({ tokenTtlSeconds: 900 });
  const config = readRelayConfig({
    ROOMCALL_RELAY_OIDC_ISSUER: idp.issuer,
    ROOMCALL_RELAY_OIDC_AUDIENCE: idp.clientId,
    ROOMCALL_RELAY_OIDC_CLIENT_ID: idp.clientId,
    ROOMCALL_RELAY_OIDC_OPERATOR_CLAIM: idp.operatorClaim,
  });
  h = await startRelayHarness({
    settings: { oidc: config.oidc },
    verifiers: (storage) => configuredVerifiers(config, storage),
  });
  cli = await startCliJourneys({
    openBrowser: (url) => {
      opened.push(url);
      void browse(url, TEST_ACCOUNTS.alice);
      return Promise.resolve();
    },
  });
});

afterAll(async () => {
  await cli.close();
  await h.close();
  await idp.close();
});

describe('roomcall auth login --browser', () => {
  it("signs in at the company's provider and keeps the sign-in in the keychain", async () => {
    const login = await cli.run(['auth', 'login', '--relay', h.relay.url, '--browser']);
    expect(login.code).toBe(0);
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0] ?? '').origin).toBe(idp.issuer);
    expect(login.stderr).toContain(opened[0]);
    expect(login.stdout).toContain('as alice.wang (single sign-on');
    const stored = await cli.relayTokens.get('default');
    expect(stored).toMatchObject({ relayUrl: h.relay.url, kind: 'oidc' });
    expect(stored?.refreshToken).toEqual(expect.any(String));
    expect(login.stdout + login.stderr).not.toContain(stored?.accessToken ?? '');
    expect(cli.credentialCalls).toEqual([]);
  });

  it('renews a sign-in about to expire with its refresh token, and saves the new one', async () => {
    const before = await cli.relayTokens.get('default');
    if (before === null) throw new Error('not signed in');
    await cli.relayTokens.set('default', { ...before, expiresAtMs: Date.now() + 5_000 });
    const status = await cli.run(['auth', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ via: 'oidc', operator_id: 'alice.wang' });
    const after = await cli.relayTokens.get('default');
    // The provider rotates refresh tokens on use (test/idp): the renewal really happened.
    // (The ID token itself may come out identical within the same second.)
    expect(after?.refreshToken).not.toBe(before.refreshToken);
    expect(after?.expiresAtMs ?? 0).toBeGreaterThan(Date.now() + 60_000);
  });
});
