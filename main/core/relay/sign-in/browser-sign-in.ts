import * as oidc from 'openid-client';
import type { SignInConfig } from '../contract';
import { SignInError } from './errors';
import { startLoopbackReceiver, type AuthorizationCallback } from './loopback';
import {
  discoverProvider,
  providerSpecificParameters,
  requireOidc,
  unreachableOrRefused,
  type FetchLike,
  type OidcSignInConfig,
} from './provider';

/**
 * Signing a person in to the relay through the system browser: OpenID Connect authorisation
 * code flow with PKCE (S256), state and nonce, and a loopback redirect (RFC 8252, "OAuth 2.0
 * for Native Apps"), with openid-client, panva's certified relying party library, doing the
 * discovery, the authorisation URL and the checked code exchange.
 *
 * The bearer sent to the relay is the ID TOKEN. Why not the access token: an ID token is always
 * a JWT signed by the provider with a standard `aud` (this desktop's client_id), `iss`, `exp`
 * and the mapped claims, with every provider; access tokens are opaque with Google, and with
 * Entra ID an access token for Graph cannot be verified by anyone but Graph. So the relay's
 * OIDC audience setting is the desktop client's client_id (as Kubernetes' OIDC authenticator
 * does with kubectl's ID tokens). The access token is returned too, unused by the relay.
 */
export interface SignInTokens {
  /** What to send as `Authorization: Bearer <bearer>`: the ID token. */
  readonly bearer: string;
  readonly accessToken: string;
  /** For refreshSignIn; null when the provider issued none (then sign in again on expiry). */
  readonly refreshToken: string | null;
  /** When the bearer expires (the ID token's exp), epoch ms. */
  readonly expiresAtMs: number;
  /** The ID token's `sub` (who signed in, for diagnostics). */
  readonly subject: string;
}

export interface SignInWithBrowserOptions {
  /** The relay's GET /v1/sign-in-config `oidc` part. */
  readonly signInConfig: SignInConfig['oidc'];
  /** Opens the URL in the system browser (Electron's shell.openExternal, the CLI's opener). */
  readonly openBrowser: (url: string) => Promise<void>;
  readonly fetch?: FetchLike;
  /** Cancels the sign-in (the person closed the window). */
  readonly signal?: AbortSignal;
  /** How long the person has to finish in the browser. Default 5 minutes. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 5 * 60_000;

function scopesOf(config: OidcSignInConfig): string {
  const scopes = new Set(['openid', ...config.scopes]);
  return [...scopes].join(' ');
}

/** Resolves when the callback arrives; rejects on timeout or cancel, whichever is first. */
function waitForCallback(
  callback: Promise<AuthorizationCallback>,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<AuthorizationCallback> {
  return new Promise((resolve, reject) => {
    const settle = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const timer = setTimeout(() => {
      settle();
      reject(
        new SignInError(
          'timeout',
          'Sign-in was not finished in the browser in time; start it again.',
        ),
      );
    }, timeoutMs);
    const onAbort = (): void => {
      settle();
      reject(new SignInError('cancelled', 'Sign-in was cancelled.'));
    };
    if (signal?.aborted === true) onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    void callback.then((arrived) => {
      settle();
      resolve(arrived);
    });
  });
}

export function tokensFrom(
  response: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  previousRefreshToken: string | null,
): SignInTokens {
  const claims = response.claims();
  if (response.id_token === undefined || claims === undefined) {
    throw new SignInError(
      'idp-refused',
      'The identity provider answered without an ID token; the relay needs one (is the "openid" scope allowed for this client?).',
    );
  }
  return {
    bearer: response.id_token,
    accessToken: response.access_token,
    refreshToken: response.refresh_token ?? previousRefreshToken,
    expiresAtMs: claims.exp * 1000,
    subject: claims.sub,
  };
}

export async function signInWithBrowser(options: SignInWithBrowserOptions): Promise<SignInTokens> {
  const config = requireOidc(options.signInConfig);
  if (options.signal?.aborted === true)
    throw new SignInError('cancelled', 'Sign-in was cancelled.');
  const provider = await discoverProvider(config, options.fetch, options.signal);

  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const receiver = await startLoopbackReceiver(state);
  try {
    const url = oidc.buildAuthorizationUrl(provider, {
      redirect_uri: receiver.redirectUri,
      scope: scopesOf(config),
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...providerSpecificParameters(config.issuer),
    });
    try {
      await options.openBrowser(url.href);
    } catch (error) {
      throw new SignInError('browser-failed', 'The browser could not be opened for sign-in.', {
        cause: error,
      });
    }
    const callback = await waitForCallback(
      receiver.callback,
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      options.signal,
    );
    try {
      const response = await oidc.authorizationCodeGrant(provider, callback.url, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
      const tokens = tokensFrom(response, null);
      callback.answer('signed-in');
      return tokens;
    } catch (error) {
      const failure = unreachableOrRefused(error, new URL(config.issuer).origin);
      callback.answer(failure.reason === 'denied' ? 'denied' : 'failed');
      throw failure;
    }
  } finally {
    await receiver.close();
  }
}
