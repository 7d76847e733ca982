import { SignJWT, UnsecuredJWT } from 'jose';
import { createPublicKey } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createOidcVerifier,
  IdentityProviderUnavailableError,
} from '../../main/relay/identity/oidc';
import {
  IdentityRejectedError,
  type IdentityVerifier,
  type RejectionReason,
} from '../../main/relay/ports';
import { TEST_ACCOUNTS } from '../idp/accounts';
import { startTestIdp, type TestIdp } from '../idp/idp';
import { generateSigningKey } from '../idp/keys';

/**
 * createOidcVerifier against the real test identity provider (oidc-provider on loopback): its
 * discovery document, its JWKS, tokens signed with its keys.
 */

let idp: TestIdp;
let verifier: IdentityVerifier;

beforeEach(async () => {
  idp = await startTestIdp();
  verifier = createOidcVerifier({
    issuer: idp.issuer,
    audience: idp.clientId,
    operatorClaim: idp.operatorClaim,
  });
});
afterEach(async () => {
  await idp.close();
});

async function refusal(bearer: string, nowMs = Date.now()): Promise<RejectionReason> {
  const error: unknown = await verifier.verify(bearer, nowMs).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IdentityRejectedError);
  const rejected = error as IdentityRejectedError;
  expect(rejected.message).not.toContain(bearer);
  return rejected.reason;
}

describe('a token the relay accepts', () => {
  it('gives the operator from the configured claim, the subject and the expiry', async () => {
    const nowMs = Date.now();
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice, nowMs, expiresInSeconds: 600 });
    expect(await verifier.verify(token, nowMs)).toEqual({
      operatorId: 'alice.wang',
      subject: 'sub-0001-alice',
      via: 'oidc',
      expiresAtMs: (Math.floor(nowMs / 1000) + 600) * 1000,
    });
  });

  it('reads whichever claim the relay is set to, e.g. preferred_username', async () => {
    const byEmail = createOidcVerifier({
      issuer: idp.issuer,
      audience: idp.clientId,
      operatorClaim: 'preferred_username',
    });
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice });
    expect((await byEmail.verify(token, Date.now()))?.operatorId).toBe('alice@example.com');
  });

  it('accepts a JWT access token issued for the relay as its audience', async () => {
    const forRelay = createOidcVerifier({
      issuer: idp.issuer,
      audience: 'api://roomcall-relay',
      operatorClaim: idp.operatorClaim,
    });
    const token = await idp.mint({
      account: TEST_ACCOUNTS.alice,
      kind: 'access',
      audience: 'api://roomcall-relay',
    });
    expect((await forRelay.verify(token, Date.now()))?.operatorId).toBe('alice.wang');
  });

  it('allows the clock tolerance past exp, and no more', async () => {
    const nowMs = Date.now();
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice, nowMs, expiresInSeconds: 60 });
    expect(await verifier.verify(token, nowMs + 80_000)).not.toBeNull();
    expect(await refusal(token, nowMs + 100_000)).toBe('token-expired');
  });
});

describe('what is not a JWT is not this verifier’s', () => {
  it.each(['rc_5fJ2kq9Zx0', 'abc.def', 'a.b.c', 'x'.repeat(40), 'e30.e30.sig.extra.part'])(
    'returns null for %s',
    async (bearer) => {
      expect(await verifier.verify(bearer, Date.now())).toBeNull();
    },
  );
});

describe('refusals', () => {
  it('an expired token: token-expired', async () => {
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice, expiresInSeconds: -3600 });
    expect(await refusal(token)).toBe('token-expired');
  });

  it('another audience: unauthenticated', async () => {
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice, audience: 'some-other-app' });
    expect(await refusal(token)).toBe('unauthenticated');
  });

  it('another issuer (same keys): unauthenticated', async () => {
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice, issuer: 'https://evil.example' });
    expect(await refusal(token)).toBe('unauthenticated');
  });

  it('a tampered payload or signature: unauthenticated', async () => {
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice });
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as object;
    const forged = Buffer.from(JSON.stringify({ ...claims, wemeet_userid: 'ceo' })).toString(
      'base64url',
    );
    expect(await refusal(`${header}.${forged}.${signature}`)).toBe('unauthenticated');
    const flipped = (signature.startsWith('A') ? 'B' : 'A') + signature.slice(1);
    expect(await refusal(`${header}.${payload}.${flipped}`)).toBe('unauthenticated');
  });

  it('signed by a key the provider does not publish, even with its key id: unauthenticated', async () => {
    const stranger = await generateSigningKey();
    const published = idp.keys()[0];
    const unknownKid = await idp.mint({ account: TEST_ACCOUNTS.alice, key: stranger });
    expect(await refusal(unknownKid)).toBe('unauthenticated');
    const stolenKid = await idp.mint({
      account: TEST_ACCOUNTS.alice,
      key: { ...stranger, kid: published?.kid ?? '' },
    });
    expect(await refusal(stolenKid)).toBe('unauthenticated');
  });

  it('alg none: unauthenticated', async () => {
    const nowS = Math.floor(Date.now() / 1000);
    const token = new UnsecuredJWT({ wemeet_userid: 'alice.wang', sub: 'x', exp: nowS + 600 })
      .setIssuer(idp.issuer)
      .setAudience(idp.clientId)
      .encode();
    expect(await refusal(token)).toBe('unauthenticated');
  });

  it('HS256 with the provider’s public key as the HMAC secret: unauthenticated', async () => {
    const key = idp.keys()[0];
    // The PEM anyone can derive from the published JWKS: what an alg-confused verifier would
    // use as the HMAC secret.
    const pem = createPublicKey({ key: { ...key?.publicJwk }, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const token = await new SignJWT({ wemeet_userid: 'alice.wang' })
      .setProtectedHeader({ alg: 'HS256', kid: key?.kid ?? '' })
      .setIssuer(idp.issuer)
      .setAudience(idp.clientId)
      .setSubject('x')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(pem));
    expect(await refusal(token)).toBe('unauthenticated');
  });

  it('no exp or no sub: unauthenticated', async () => {
    expect(await refusal(await idp.mint({ account: TEST_ACCOUNTS.alice, omit: ['exp'] }))).toBe(
      'unauthenticated',
    );
    expect(await refusal(await idp.mint({ account: TEST_ACCOUNTS.alice, omit: ['sub'] }))).toBe(
      'unauthenticated',
    );
  });

  it('a valid sign-in without a usable operator claim: forbidden', async () => {
    expect(await refusal(await idp.mint({ account: TEST_ACCOUNTS.bob }))).toBe('forbidden');
    expect(await refusal(await idp.mint({ account: TEST_ACCOUNTS.carol }))).toBe('forbidden');
    const numeric = await idp.mint({ account: TEST_ACCOUNTS.alice, claims: { wemeet_userid: 42 } });
    expect(await refusal(numeric)).toBe('forbidden');
  });
});

describe('key rotation', () => {
  it('picks up a new key on first sight and drops a retired one', async () => {
    const rotating = createOidcVerifier({
      issuer: idp.issuer,
      audience: idp.clientId,
      operatorClaim: idp.operatorClaim,
      jwksCooldownSeconds: 0,
    });
    const old = await idp.mint({ account: TEST_ACCOUNTS.alice });
    expect(await rotating.verify(old, Date.now())).not.toBeNull();

    await idp.rotateKeys();
    const fresh = await idp.mint({ account: TEST_ACCOUNTS.alice });
    expect(await rotating.verify(fresh, Date.now())).not.toBeNull();
    expect(await rotating.verify(old, Date.now())).not.toBeNull();

    await idp.rotateKeys({ keepOld: false });
    const newest = await idp.mint({ account: TEST_ACCOUNTS.alice });
    expect(await rotating.verify(newest, Date.now())).not.toBeNull();
    await expect(rotating.verify(old, Date.now())).rejects.toMatchObject({
      reason: 'unauthenticated',
    });
  });
});

describe('the identity provider unreachable', () => {
  it('is its own error, not a refusal of the token', async () => {
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice });
    await idp.close();
    const error: unknown = await verifier.verify(token, Date.now()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IdentityProviderUnavailableError);
    expect(error).not.toBeInstanceOf(IdentityRejectedError);
    expect((error as Error).message).toMatch(/identity provider is unavailable/);
    expect((error as Error).message).not.toContain(token);
    idp = await startTestIdp(); // for afterEach
  });

  it('keeps verifying with the keys it already read while the provider is down', async () => {
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice });
    expect(await verifier.verify(token, Date.now())).not.toBeNull();
    await idp.close();
    expect(await verifier.verify(token, Date.now())).not.toBeNull();
    idp = await startTestIdp();
  });

  it('tries discovery again after a failure instead of remembering it', async () => {
    const down = await startTestIdp();
    const token = await down.mint({ account: TEST_ACCOUNTS.alice });
    const late = createOidcVerifier({
      issuer: down.issuer,
      audience: down.clientId,
      operatorClaim: down.operatorClaim,
      fetch: (input, init) =>
        attempts++ === 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init),
    });
    let attempts = 0;
    await expect(late.verify(token, Date.now())).rejects.toBeInstanceOf(
      IdentityProviderUnavailableError,
    );
    expect((await late.verify(token, Date.now()))?.operatorId).toBe('alice.wang');
    await down.close();
  });

  it('a JWKS answered with an error status or not as JSON is unavailable too', async () => {
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice });
    for (const answer of [
      new Response('busy', { status: 503 }),
      new Response('<html>login</html>', { status: 200 }),
    ]) {
      // The real provider answers discovery; a proxy in front of its JWKS misbehaves.
      const behindProxy = createOidcVerifier({
        issuer: idp.issuer,
        audience: idp.clientId,
        operatorClaim: idp.operatorClaim,
        fetch: (input, init) =>
          input.endsWith('/jwks') ? Promise.resolve(answer) : fetch(input, init),
      });
      await expect(behindProxy.verify(token, Date.now())).rejects.toBeInstanceOf(
        IdentityProviderUnavailableError,
      );
    }
  });

  it('a discovery document for another issuer is refused (Discovery section 4.3)', async () => {
    const other = createOidcVerifier({
      issuer: `${idp.issuer}/`,
      audience: idp.clientId,
      operatorClaim: idp.operatorClaim,
    });
    const token = await idp.mint({ account: TEST_ACCOUNTS.alice });
    await expect(other.verify(token, Date.now())).rejects.toThrow(/another issuer/);
  });
});
