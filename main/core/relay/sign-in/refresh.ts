import * as oidc from 'openid-client';
import type { SignInConfig } from '../contract';
import { tokensFrom, type SignInTokens } from './browser-sign-in';
import { SignInError } from './errors';
import { discoverProvider, requireOidc, unreachableOrRefused, type FetchLike } from './provider';

export interface RefreshSignInOptions {
  readonly signInConfig: SignInConfig['oidc'];
  readonly refreshToken: string;
  readonly fetch?: FetchLike;
  readonly signal?: AbortSignal;
}

/**
 * A new bearer (ID token) for an expired one, with the refresh token from the browser sign-in
 * (OAuth 2.0 refresh_token grant; OpenID Connect Core section 12.2 returns a new ID token).
 * A refused refresh token (expired, revoked, the person's session ended) is 'sign-in-again';
 * a provider that does not answer is 'idp-unreachable' (keep the refresh token, try later).
 * The provider may rotate the refresh token; the returned one is the one to keep.
 */
export async function refreshSignIn(options: RefreshSignInOptions): Promise<SignInTokens> {
  const config = requireOidc(options.signInConfig);
  const provider = await discoverProvider(config, options.fetch, options.signal);
  try {
    const response = await oidc.refreshTokenGrant(provider, options.refreshToken, {
      scope: ['openid', ...config.scopes].join(' '),
    });
    return tokensFrom(response, options.refreshToken);
  } catch (error) {
    if (error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant') {
      throw new SignInError(
        'sign-in-again',
        'The sign-in can no longer be renewed; sign in again in the browser.',
        {
          cause: error,
        },
      );
    }
    throw unreachableOrRefused(error, new URL(config.issuer).origin);
  }
}
