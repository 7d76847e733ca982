import { IdentityProviderUnavailableError } from './provider-unavailable';

/** The fetch the verifier uses (the global one by default; tests may pass their own). */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** How long one request to the identity provider may take before it counts as unavailable. */
const REQUEST_TIMEOUT_MS = 5_000;

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * GETs a JSON object from the identity provider, turning every way it can fail (no answer,
 * timeout, a non-200 status, a body that is not a JSON object) into
 * IdentityProviderUnavailableError, so none of them can be mistaken for a refused token.
 */
export async function fetchProviderJson(
  fetchImpl: FetchLike,
  url: string,
  init?: RequestInit,
): Promise<Record<string, unknown>> {
  const headers = new Headers(init?.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  let response: Response;
  try {
    response = await fetchImpl(url, {
      ...init,
      headers,
      signal: init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new IdentityProviderUnavailableError(url, timedOut ? 'no answer in time' : 'no answer', {
      cause: error,
    });
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new IdentityProviderUnavailableError(url, `HTTP ${response.status}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new IdentityProviderUnavailableError(url, 'an answer that is not JSON', { cause: error });
  }
  if (!isJsonObject(body)) {
    throw new IdentityProviderUnavailableError(url, 'an answer that is not a JSON object');
  }
  return body;
}

/**
 * The fetch handed to jose's createRemoteJWKSet: the same checks as fetchProviderJson (so a
 * JWKS that cannot be read is "unavailable", not jose's generic error that would read as a bad
 * token), then the body again as a fresh Response for jose to parse.
 */
export function jwksFetch(
  fetchImpl: FetchLike,
): (url: string, init: RequestInit) => Promise<Response> {
  return async (url, init) => {
    const body = await fetchProviderJson(fetchImpl, url, init);
    if (!Array.isArray(body['keys'])) {
      throw new IdentityProviderUnavailableError(url, 'a JWKS without a "keys" list');
    }
    return new Response(JSON.stringify(body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
}
