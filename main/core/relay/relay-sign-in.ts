import type { RelayToken } from '../secrets/relay-token-store';
import type { FetchLike } from '../wemeet/transport';
import type { SignInTokens } from './sign-in/browser-sign-in';
import type { RelayTokenRefresher } from './relay-bearer';
import { createRelayApi } from './relay-api';

/**
 * The desktop's and the CLI's browser sign-in to a relay, from its public sign-in
 * configuration (GET /v1/sign-in-config) to the RelayToken kept in the keychain, and its
 * renewal. The OIDC flow itself is main/core/relay/sign-in (openid-client), loaded only when
 * someone signs in or a sign-in is renewed: most runs never need it.
 */

export interface BrowserSignInOptions {
  readonly relayUrl: string;
  /** Opens the URL in the system browser (Electron's shell.openExternal, the CLI's opener). */
  readonly openBrowser: (url: string) => Promise<void>;
  readonly fetch?: FetchLike | undefined;
  readonly signal?: AbortSignal | undefined;
  readonly timeoutMs?: number | undefined;
}

/** What the relay is sent from a browser sign-in: its ID token (sign-in/browser-sign-in.ts). */
export function relayTokenFromSignIn(relayUrl: string, tokens: SignInTokens): RelayToken {
  return {
    relayUrl,
    kind: 'oidc',
    accessToken: tokens.bearer,
    refreshToken: tokens.refreshToken ?? undefined,
    expiresAtMs: tokens.expiresAtMs,
  };
}

/** Signs the person in through the browser; throws SignInError (and the relay's errors). */
export async function signInToRelayWithBrowser(options: BrowserSignInOptions): Promise<RelayToken> {
  const config = await anonymousApi(options.relayUrl, options.fetch).signInConfig();
  const { signInWithBrowser } = await import('./sign-in/index');
  const tokens = await signInWithBrowser({
    signInConfig: config.oidc,
    openBrowser: options.openBrowser,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return relayTokenFromSignIn(options.relayUrl, tokens);
}

/**
 * Renews an OIDC sign-in with its refresh token (for createRelayBearer): the relay's current
 * sign-in configuration, then the provider's refresh grant. A refusal is SignInError
 * 'sign-in-again'; the caller's request then fails with it, and the person signs in again.
 */
export function createOidcRefresher(fetch?: FetchLike): RelayTokenRefresher {
  return async (token) => {
    if (token.kind !== 'oidc' || token.refreshToken === undefined) return token;
    const config = await anonymousApi(token.relayUrl, fetch).signInConfig();
    const { refreshSignIn } = await import('./sign-in/index');
    const tokens = await refreshSignIn({
      signInConfig: config.oidc,
      refreshToken: token.refreshToken,
      ...(fetch === undefined ? {} : { fetch }),
    });
    return relayTokenFromSignIn(token.relayUrl, tokens);
  };
}

function anonymousApi(relayUrl: string, fetch: FetchLike | undefined) {
  return createRelayApi({
    relayUrl,
    fetch,
    bearer: () => Promise.reject(new Error('the sign-in configuration needs no token')),
  });
}
