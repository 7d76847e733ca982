import { SignJWT, type JWTPayload } from 'jose';
import { accountClaims, type TestAccount } from './accounts';
import type { SigningKey } from './keys';

/**
 * Tokens signed by the test identity provider's own keys, for the cases a browser sign-in
 * cannot produce on demand (expired, another audience, a missing claim). Shaped as
 * oidc-provider's: an ID token (typ JWT, aud = client_id) or an RFC 9068 JWT access token
 * (typ at+jwt).
 */
export interface MintOptions {
  readonly account: TestAccount;
  readonly kind?: 'id' | 'access';
  /** Default: the provider's client_id. */
  readonly audience?: string;
  /** Default: the provider's issuer. */
  readonly issuer?: string;
  /** Issued at (default: now). */
  readonly nowMs?: number;
  /** Lifetime from `nowMs`; negative for a token that has already expired. Default 3600. */
  readonly expiresInSeconds?: number;
  /** Claims to add or override. */
  readonly claims?: JWTPayload;
  /** Claims to leave out (e.g. the operator claim, or `exp`). */
  readonly omit?: readonly string[];
}

export async function mintToken(
  key: SigningKey,
  defaults: { readonly issuer: string; readonly clientId: string },
  options: MintOptions,
): Promise<string> {
  const iat = Math.floor((options.nowMs ?? Date.now()) / 1000);
  const payload: JWTPayload = {
    ...accountClaims(options.account),
    iss: options.issuer ?? defaults.issuer,
    aud: options.audience ?? defaults.clientId,
    iat,
    exp: iat + (options.expiresInSeconds ?? 3600),
    ...(options.kind === 'access' ? { client_id: defaults.clientId, scope: 'openid' } : {}),
    ...options.claims,
  };
  for (const name of options.omit ?? []) {
    Reflect.deleteProperty(payload, name);
  }
  return new SignJWT(payload)
    .setProtectedHeader({
      alg: key.alg,
      kid: key.kid,
      typ: options.kind === 'access' ? 'at+jwt' : 'JWT',
    })
    .sign(key.privateKey);
}
