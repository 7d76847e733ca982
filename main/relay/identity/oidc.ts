import {
  createRemoteJWKSet,
  customFetch,
  decodeProtectedHeader,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { isUsableCredentialText } from '../../shared/rules/credential-text';
import { IdentityRejectedError, type Identity, type IdentityVerifier } from '../ports';
import { discoverJwksUri } from './oidc-discovery';
import { jwksFetch, type FetchLike } from './oidc-fetch';
import { IdentityProviderUnavailableError } from './provider-unavailable';

export { IdentityProviderUnavailableError } from './provider-unavailable';

/**
 * Verifies OIDC tokens (the ID token a RoomCall desktop got at sign-in, or a JWT access token
 * issued for the relay) against the company's identity provider with jose, panva's JOSE
 * library that openid-client itself uses: signature against the provider's published JWKS,
 * issuer, audience, expiry. Hand-written JWS checks are where alg-confusion bugs live; jose
 * refuses anything outside `algorithms` before it looks for a key.
 */
export interface OidcVerifierOptions {
  /** The issuer identifier, exactly as the provider's tokens carry it in `iss`. */
  readonly issuer: string;
  /** The `aud` tokens must carry: the desktop client's client_id when ID tokens are sent. */
  readonly audience: string;
  /** The claim holding the enterprise userid (Tencent operator_id), e.g. 'preferred_username'. */
  readonly operatorClaim: string;
  /** The JWKS address; found through `${issuer}/.well-known/openid-configuration` when absent. */
  readonly jwksUrl?: string;
  readonly fetch?: FetchLike;
  /** Leeway for exp/nbf/iat against clock drift between relay and provider. Default 30. */
  readonly clockToleranceSeconds?: number;
  /**
   * After a JWKS fetch, how long a token with an unknown key id waits before it may trigger
   * another (jose's cooldown, default 30 s): a rotated key is picked up on first sight, yet
   * tokens with made-up key ids cannot make the relay hammer the provider.
   */
  readonly jwksCooldownSeconds?: number;
}

/**
 * Asymmetric signatures only. Never 'none', and never HS*: with an HMAC algorithm the "key"
 * would be whatever the relay has, i.e. the provider's public key, which anyone can read.
 */
export const OIDC_ALGORITHMS: readonly string[] = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
];

const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
const DEFAULT_JWKS_COOLDOWN_SECONDS = 30;

/** Three base64url parts (a JWS in compact form; the third is empty for alg 'none'). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Whether `bearer` is a JWT at all (so this verifier owns it): the JWS compact form with a
 * protected header that names an algorithm. A per-person token never parses as one.
 */
export function looksLikeJwt(bearer: string): boolean {
  if (!COMPACT_JWS.test(bearer)) return false;
  try {
    return typeof decodeProtectedHeader(bearer).alg === 'string';
  } catch {
    return false;
  }
}

export function createOidcVerifier(options: OidcVerifierOptions): IdentityVerifier {
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init));
  const jwksUri =
    options.jwksUrl === undefined
      ? discoverJwksUri(options.issuer, fetchImpl)
      : () => Promise.resolve(new URL(options.jwksUrl as string));
  let keySet: Promise<JWTVerifyGetKey> | null = null;
  const keys = (): Promise<JWTVerifyGetKey> => {
    keySet ??= jwksUri().then((url) =>
      createRemoteJWKSet(url, {
        [customFetch]: jwksFetch(fetchImpl),
        cooldownDuration: (options.jwksCooldownSeconds ?? DEFAULT_JWKS_COOLDOWN_SECONDS) * 1000,
      }),
    );
    keySet.catch(() => {
      keySet = null;
    });
    return keySet;
  };

  return {
    async verify(bearer: string, nowMs: number): Promise<Identity | null> {
      if (!looksLikeJwt(bearer)) return null;
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(bearer, await keys(), {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: [...OIDC_ALGORITHMS],
          currentDate: new Date(nowMs),
          clockTolerance: options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
          requiredClaims: ['sub', 'exp'],
        }));
      } catch (error) {
        throw refusal(error);
      }
      return identityFrom(payload, options.operatorClaim);
    },
  };
}

function identityFrom(payload: JWTPayload, operatorClaim: string): Identity {
  const operatorId = payload[operatorClaim];
  if (typeof operatorId !== 'string' || !isUsableCredentialText('operatorId', operatorId)) {
    throw new IdentityRejectedError(
      'forbidden',
      `The sign-in is valid but carries no usable enterprise userid in its "${operatorClaim}" claim, so the relay cannot act for this person. Ask the administrator to map that claim for your account.`,
    );
  }
  return {
    operatorId,
    subject: payload.sub ?? '',
    via: 'oidc',
    expiresAtMs: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
  };
}

/** What a failed jwtVerify means for the caller. Never quotes the token. */
function refusal(error: unknown): Error {
  if (error instanceof IdentityProviderUnavailableError) return error;
  if (error instanceof errors.JWKSTimeout) {
    return new IdentityProviderUnavailableError('its JWKS', 'no answer in time', { cause: error });
  }
  if (error instanceof errors.JWTExpired) {
    return new IdentityRejectedError('token-expired', 'The sign-in has expired: sign in again.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new IdentityRejectedError(
      'unauthenticated',
      `The sign-in token was refused: its "${error.claim}" claim does not match this relay (${error.reason}).`,
    );
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new IdentityRejectedError(
      'unauthenticated',
      'The sign-in token was refused: it is not signed with an algorithm the relay accepts.',
    );
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new IdentityRejectedError(
      'unauthenticated',
      'The sign-in token was refused: it is signed with a key the identity provider does not publish.',
    );
  }
  if (error instanceof errors.JOSEError) {
    return new IdentityRejectedError(
      'unauthenticated',
      'The sign-in token was refused: its signature or form is not valid.',
    );
  }
  return error instanceof Error ? error : new Error(String(error));
}
