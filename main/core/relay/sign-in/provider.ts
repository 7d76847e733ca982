import * as oidc from 'openid-client';
import type { SignInConfig } from '../contract';
import { SignInError } from './errors';

/** The relay's published OIDC settings (SignInConfig.oidc when the relay offers OIDC). */
export type OidcSignInConfig = NonNullable<SignInConfig['oidc']>;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** How long one request to the identity provider may take (openid-client's own timeout). */
const REQUEST_TIMEOUT_SECONDS = 30;

export function requireOidc(config: SignInConfig['oidc']): OidcSignInConfig {
  if (config === null) {
    throw new SignInError(
      'not-offered',
      'This relay does not offer sign-in with the company identity provider; paste a token your administrator issued instead.',
    );
  }
  return config;
}

/**
 * The identity provider as openid-client sees it, from its discovery document. Plain http is
 * allowed only for an issuer on this machine (a test or development provider); anything else
 * must be https, or codes and tokens would cross the network in the clear.
 */
export async function discoverProvider(
  config: OidcSignInConfig,
  fetchImpl: FetchLike | undefined,
  signal: AbortSignal | undefined,
): Promise<oidc.Configuration> {
  const issuer = URL.parse(config.issuer);
  if (issuer === null || !['https:', 'http:'].includes(issuer.protocol)) {
    throw new SignInError('bad-config', `The relay's identity provider address is not a URL.`);
  }
  const insecure = issuer.protocol === 'http:';
  if (insecure && !LOOPBACK_HOSTS.has(issuer.hostname)) {
    throw new SignInError(
      'bad-config',
      `The relay's identity provider (${issuer.origin}) is not https; ask the administrator to fix the relay's OIDC issuer.`,
    );
  }
  try {
    const auth =
      config.client_secret === undefined
        ? oidc.None()
        : oidc.ClientSecretPost(config.client_secret);
    return await oidc.discovery(issuer, config.client_id, undefined, auth, {
      [oidc.customFetch]: withSignal(fetchImpl, signal),
      // Deprecated only to stand out (openid-client's words); used for a loopback issuer only.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      execute: insecure ? [oidc.allowInsecureRequests] : [],
      timeout: REQUEST_TIMEOUT_SECONDS,
    });
  } catch (error) {
    // Whatever went wrong (no answer, a 404, a document for another issuer), the provider
    // could not be used: the relay's settings or the provider are for the administrator.
    const why = error instanceof Error ? error.message : String(error);
    throw new SignInError(
      'idp-unreachable',
      `The identity provider (${issuer.origin}) could not be reached for sign-in (${why}).`,
      { cause: error },
    );
  }
}

/**
 * Authorisation parameters a provider needs beyond the standard ones to issue a refresh token
 * to an installed app. Google ignores `offline_access` and gives one only for access_type=offline,
 * and again on a later sign-in (another machine) only with prompt=consent
 * (developers.google.com/identity/protocols/oauth2/native-app, "Refresh token").
 */
export function providerSpecificParameters(issuer: string): Record<string, string> {
  return issuer === 'https://accounts.google.com'
    ? { access_type: 'offline', prompt: 'consent' }
    : {};
}

/** openid-client's fetch, with the caller's fetch (tests) and cancel signal folded in. */
function withSignal(
  fetchImpl: FetchLike | undefined,
  signal: AbortSignal | undefined,
): oidc.CustomFetch {
  const base: FetchLike = fetchImpl ?? ((input, init) => fetch(input, init));
  return (url, options) => {
    const signals = [options.signal, signal].filter((s): s is AbortSignal => s !== undefined);
    return base(url, {
      ...options,
      body: options.body ?? null,
      ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}),
    });
  };
}

/**
 * What an openid-client failure means to the person: the provider did not answer (network,
 * timeout, a 5xx), or it answered and refused (an OAuth error body, a response that failed the
 * checks). The provider's own error code is kept for the log; never a token.
 */
export function unreachableOrRefused(error: unknown, where: string): SignInError {
  if (error instanceof SignInError) return error;
  if (error instanceof oidc.ResponseBodyError && error.status < 500) {
    const detail = error.error_description ?? error.error;
    return new SignInError(
      'idp-refused',
      `The identity provider refused the sign-in (${error.error}: ${detail}).`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof oidc.AuthorizationResponseError) {
    return new SignInError(
      'denied',
      `The identity provider did not allow the sign-in (${error.error}).`,
      {
        cause: error,
      },
    );
  }
  const networkish =
    error instanceof TypeError ||
    (error instanceof Error && ['TimeoutError', 'AbortError'].includes(error.name)) ||
    error instanceof oidc.ResponseBodyError;
  if (networkish) {
    return new SignInError(
      'idp-unreachable',
      `The identity provider (${where}) did not answer; check the network and try again.`,
      {
        cause: error,
      },
    );
  }
  const why = error instanceof Error ? error.message : String(error);
  return new SignInError(
    'idp-refused',
    `The identity provider's answer did not check out (${why}).`,
    {
      cause: error,
    },
  );
}
