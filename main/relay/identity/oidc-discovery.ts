import { fetchProviderJson, type FetchLike } from './oidc-fetch';
import { IdentityProviderUnavailableError } from './provider-unavailable';

/**
 * Finds the identity provider's JWKS address from its discovery document
 * (`${issuer}/.well-known/openid-configuration`, OpenID Connect Discovery 1.0 section 4), once:
 * the answer is kept for the verifier's life, and a failed attempt is forgotten so the next
 * request tries again rather than failing until a restart.
 */
export function discoverJwksUri(issuer: string, fetchImpl: FetchLike): () => Promise<URL> {
  let pending: Promise<URL> | null = null;
  return () => {
    pending ??= readJwksUri(issuer, fetchImpl).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

/** `${issuer}/.well-known/openid-configuration`, with the issuer's trailing slash not doubled. */
export function discoveryUrl(issuer: string): string {
  return `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
}

async function readJwksUri(issuer: string, fetchImpl: FetchLike): Promise<URL> {
  const url = discoveryUrl(issuer);
  const document = await fetchProviderJson(fetchImpl, url);
  // Discovery section 4.3: the issuer in the document must be exactly the one asked for, or
  // tokens would be checked against another provider's keys.
  if (document['issuer'] !== issuer) {
    throw new IdentityProviderUnavailableError(
      url,
      `a discovery document for another issuer (${String(document['issuer'])}; the relay is set to ${issuer})`,
    );
  }
  const jwksUri = document['jwks_uri'];
  const parsed = typeof jwksUri === 'string' ? URL.parse(jwksUri) : null;
  if (parsed === null || !['https:', 'http:'].includes(parsed.protocol)) {
    throw new IdentityProviderUnavailableError(
      url,
      'a discovery document without a usable jwks_uri',
    );
  }
  return parsed;
}
