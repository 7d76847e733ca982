/**
 * OIDC sign-in through the relay: an ID token from the real test identity provider
 * (oidc-provider on loopback) is verified against its JWKS, and the operator Tencent sees is
 * the token's claim; refusals and an unreachable provider keep their own answers.
 */
import { describe, expect, it } from 'vitest';
import { configuredVerifiers } from '../../main/relay/serve';
import { readRelayConfig } from '../../main/relay/config';
import { TEST_ACCOUNTS } from '../idp/accounts';
import { startTestIdp } from '../idp/idp';
import { SIM_COLLEAGUE_ID } from '../sim/data';
import { closeAfterEach } from '../helpers/close-after-each';
import { startRelayHarness } from './support/relay-harness';

const startIdp = closeAfterEach(startTestIdp);
const start = closeAfterEach(startRelayHarness);

/** `unmanaged`: a provider the test closes itself (closeAfterEach would close it again). */
async function oidcRelay(unmanaged = false) {
  const idp = unmanaged ? await startTestIdp() : await startIdp();
  // The relay's own configuration path: environment → config → the verifiers serve uses.
  const config = readRelayConfig({
    ROOMCALL_RELAY_OIDC_ISSUER: idp.issuer,
    ROOMCALL_RELAY_OIDC_AUDIENCE: idp.clientId,
    ROOMCALL_RELAY_OIDC_CLIENT_ID: idp.clientId,
    ROOMCALL_RELAY_OIDC_OPERATOR_CLAIM: idp.operatorClaim,
  });
  const h = await start({
    settings: { oidc: config.oidc },
    verifiers: (storage) => configuredVerifiers(config, storage),
  });
  return { idp, h };
}

async function reasonOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { reason: string } }).error.reason;
}

describe('OIDC through the relay', () => {
  it('advertises the provider and acts as the operator the ID token names', async () => {
    const { idp, h } = await oidcRelay();
    const config = await (await h.call('/v1/sign-in-config')).json();
    expect(config).toEqual({
      oidc: { issuer: idp.issuer, client_id: idp.clientId, scopes: ['openid', 'profile'] },
      tokens: true,
    });
    const token = await idp.mint({
      account: TEST_ACCOUNTS.alice,
      claims: { [idp.operatorClaim]: SIM_COLLEAGUE_ID },
    });
    const me = (await (await h.call('/v1/me', { token })).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ operator_id: SIM_COLLEAGUE_ID, via: 'oidc' });
    expect((await h.call('/v1/meetings', { token })).status).toBe(200);
    const asked = h.sim.requests.filter((r) => r.path === '/v1/meetings');
    expect(asked.map((r) => r.query['userid'])).toContain(SIM_COLLEAGUE_ID);
    const [entry] = await h.storage.audit.query({});
    expect(entry).toMatchObject({
      via: 'oidc',
      subject: TEST_ACCOUNTS.alice.sub,
      operatorId: SIM_COLLEAGUE_ID,
    });
    // Per-person tokens still work beside it.
    expect((await h.call('/v1/me', { token: await h.token() })).status).toBe(200);
  });

  it('refuses an expired token (401) and one without the operator claim (403)', async () => {
    const { idp, h } = await oidcRelay();
    const expired = await idp.mint({ account: TEST_ACCOUNTS.alice, expiresInSeconds: -3600 });
    const response = await h.call('/v1/me', { token: expired });
    expect(response.status).toBe(401);
    const unmapped = await idp.mint({ account: TEST_ACCOUNTS.bob });
    const forbidden = await h.call('/v1/meetings', { token: unmapped });
    expect(forbidden.status).toBe(403);
    expect(await reasonOf(forbidden)).toBe('forbidden');
    const [entry] = await h.storage.audit.query({});
    expect(entry).toMatchObject({ outcome: 'denied', code: 'forbidden' });
  });

  it('answers 503 idp-unavailable when the provider cannot be asked', async () => {
    const { idp, h } = await oidcRelay(true);
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice });
    await idp.close();
    const response = await h.call('/v1/me', { token });
    expect(response.status).toBe(503);
    expect(await reasonOf(response)).toBe('idp-unavailable');
  });
});
