import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignInConfig } from '../../main/core/relay/contract';
import { refreshSignIn, signInWithBrowser, SignInError } from '../../main/core/relay/sign-in';
import { createOidcVerifier } from '../../main/relay/identity/oidc';
import { IdentityRejectedError } from '../../main/relay/ports';
import { TEST_ACCOUNTS, type TestAccount } from '../idp/accounts';
import { startTestIdp, TEST_SECRET_CLIENT, type TestIdp } from '../idp/idp';
import { browse, type FinalPage } from '../idp/scripted-browser';

/**
 * The desktop's browser sign-in against the real test identity provider, with a scripted
 * browser (plain HTTP following the provider's login form), and the relay's verifier judging
 * the token it gives.
 */

let idp: TestIdp;
let signInConfig: NonNullable<SignInConfig['oidc']>;

beforeEach(async () => {
  idp = await startTestIdp({ tokenTtlSeconds: 900 });
  signInConfig = { issuer: idp.issuer, client_id: idp.clientId, scopes: ['openid', 'profile'] };
});
afterEach(async () => {
  await idp.close();
});

/** Signs `account` in; returns the tokens, the URL the browser was sent to and its last page. */
async function signIn(account: TestAccount) {
  let authorizationUrl = '';
  let page: Promise<FinalPage> | null = null;
  const tokens = await signInWithBrowser({
    signInConfig,
    openBrowser: (url) => {
      authorizationUrl = url;
      page = browse(url, account);
      return Promise.resolve();
    },
  });
  return {
    tokens,
    authorizationUrl: new URL(authorizationUrl),
    page: await (page as Promise<FinalPage> | null),
  };
}

function relayVerifier() {
  return createOidcVerifier({
    issuer: idp.issuer,
    audience: idp.clientId,
    operatorClaim: idp.operatorClaim,
  });
}

describe('signing in through the browser', () => {
  it('gives an ID token the relay accepts as the signed-in person', async () => {
    const before = Date.now();
    const { tokens, page } = await signIn(TEST_ACCOUNTS.alice);
    const identity = await relayVerifier().verify(tokens.bearer, Date.now());
    expect(identity).toMatchObject({
      operatorId: 'alice.wang',
      subject: 'sub-0001-alice',
      via: 'oidc',
    });
    expect(identity?.expiresAtMs).toBe(tokens.expiresAtMs);
    expect(tokens.expiresAtMs).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 900_000);
    expect(tokens.expiresAtMs).toBeLessThanOrEqual(Date.now() + 900_000);
    expect(tokens.subject).toBe('sub-0001-alice');
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(page?.status).toBe(200);
    expect(page?.body).toContain('You can close this tab');
    expect(page?.body).toContain('可以关闭此标签页');
  });

  it('asks with PKCE S256, state, nonce and a loopback redirect on an ephemeral port', async () => {
    const { authorizationUrl } = await signIn(TEST_ACCOUNTS.alice);
    const params = authorizationUrl.searchParams;
    expect(authorizationUrl.origin).toBe(idp.issuer);
    expect(params.get('response_type')).toBe('code');
    expect(params.get('client_id')).toBe(idp.clientId);
    expect(params.get('code_challenge_method')).toBe('S256');
    expect(params.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.get('state')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(params.get('nonce')).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(params.get('scope')?.split(' ')).toEqual(['openid', 'profile']);
    const redirect = new URL(params.get('redirect_uri') ?? '');
    expect(redirect.hostname).toBe('127.0.0.1');
    expect(redirect.pathname).toBe('/callback');
    expect(Number(redirect.port)).toBeGreaterThan(0);
  });

  it('closes the loopback listener once the browser has its page', async () => {
    const { authorizationUrl } = await signIn(TEST_ACCOUNTS.alice);
    const redirect = authorizationUrl.searchParams.get('redirect_uri') ?? '';
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('signs in a person without an enterprise userid, whom the relay then refuses as forbidden', async () => {
    const { tokens } = await signIn(TEST_ACCOUNTS.bob);
    const error: unknown = await relayVerifier()
      .verify(tokens.bearer, Date.now())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityRejectedError);
    expect((error as IdentityRejectedError).reason).toBe('forbidden');
  });
});

describe('a client the provider issued a secret to (Google "Desktop app")', () => {
  it('sends the secret with the code exchange and the refresh', async () => {
    signInConfig = { ...signInConfig, ...TEST_SECRET_CLIENT };
    const { tokens } = await signIn(TEST_ACCOUNTS.alice);
    const verifier = createOidcVerifier({
      issuer: idp.issuer,
      audience: TEST_SECRET_CLIENT.client_id,
      operatorClaim: idp.operatorClaim,
    });
    expect((await verifier.verify(tokens.bearer, Date.now()))?.operatorId).toBe('alice.wang');
    const renewed = await refreshSignIn({ signInConfig, refreshToken: tokens.refreshToken ?? '' });
    expect((await verifier.verify(renewed.bearer, Date.now()))?.operatorId).toBe('alice.wang');
  });

  it('without it the provider refuses the code, and the tab says the sign-in did not complete', async () => {
    signInConfig = { ...signInConfig, client_id: TEST_SECRET_CLIENT.client_id };
    let page: Promise<FinalPage> | null = null;
    const error: unknown = await signInWithBrowser({
      signInConfig,
      openBrowser: (url) => {
        page = browse(url, TEST_ACCOUNTS.alice);
        return Promise.resolve();
      },
    }).catch((e: unknown) => e);
    expect((error as SignInError).reason).toBe('idp-refused');
    const last = await (page as Promise<FinalPage> | null);
    expect(last?.status).toBe(400);
    expect(last?.body).toContain('Sign-in did not complete');
  });
});

describe('renewing with the refresh token', () => {
  it('gives a new ID token the relay accepts, and a rotated refresh token', async () => {
    const { tokens } = await signIn(TEST_ACCOUNTS.alice);
    const renewed = await refreshSignIn({ signInConfig, refreshToken: tokens.refreshToken ?? '' });
    expect(renewed.expiresAtMs).toBeGreaterThanOrEqual(tokens.expiresAtMs);
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
    expect((await relayVerifier().verify(renewed.bearer, Date.now()))?.operatorId).toBe(
      'alice.wang',
    );
  });

  it('a refresh token the provider no longer honours means sign in again', async () => {
    const { tokens } = await signIn(TEST_ACCOUNTS.alice);
    await refreshSignIn({ signInConfig, refreshToken: tokens.refreshToken ?? '' });
    // Rotated: the first refresh token was consumed.
    const error: unknown = await refreshSignIn({
      signInConfig,
      refreshToken: tokens.refreshToken ?? '',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect((error as SignInError).reason).toBe('sign-in-again');
  });

  it('a provider that does not answer is idp-unreachable, not sign-in-again', async () => {
    const { tokens } = await signIn(TEST_ACCOUNTS.alice);
    await idp.close();
    const error: unknown = await refreshSignIn({
      signInConfig,
      refreshToken: tokens.refreshToken ?? '',
    }).catch((e: unknown) => e);
    expect((error as SignInError).reason).toBe('idp-unreachable');
    idp = await startTestIdp();
  });
});
