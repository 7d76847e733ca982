import type { RelayToken } from '../secrets/relay-token-store';

/**
 * The bearer a RelayApi sends (relay-api.ts asks for it before every attempt): the stored
 * sign-in's access token, renewed through `refresh` shortly before it expires when the
 * sign-in has a refresh token (OIDC) and a refresher is given (main/core/relay/sign-in), the
 * renewed sign-in saved back to the keychain. Without one, an expired token is still sent:
 * the relay's "token-expired" refusal (RelayAuthError) then tells the person to sign in again,
 * which is better than RoomCall guessing the relay's clock.
 */

export type RelayTokenRefresher = (token: RelayToken) => Promise<RelayToken>;

export interface RelayBearerOptions {
  readonly token: RelayToken;
  readonly refresh?: RelayTokenRefresher | undefined;
  /** Stores a renewed sign-in (the keychain); called before it is used. */
  readonly save?: ((token: RelayToken) => Promise<void>) | undefined;
  readonly now?: (() => number) | undefined;
  /** Renew this long before the expiry; default 60 s (clock skew, time in flight). */
  readonly marginMs?: number | undefined;
}

export function createRelayBearer(options: RelayBearerOptions): () => Promise<string> {
  const now = options.now ?? Date.now;
  const margin = options.marginMs ?? 60_000;
  let token = options.token;
  let renewing: Promise<RelayToken> | null = null;

  const due = (): boolean => token.expiresAtMs !== null && token.expiresAtMs - margin <= now();

  return async () => {
    const { refresh } = options;
    if (!due() || refresh === undefined || token.refreshToken === undefined) {
      return token.accessToken;
    }
    // One renewal at a time, however many requests ask at once.
    renewing ??= (async () => {
      const renewed = await refresh(token);
      await options.save?.(renewed);
      return renewed;
    })().finally(() => {
      renewing = null;
    });
    token = await renewing;
    return token.accessToken;
  };
}
