/**
 * Why a browser sign-in (or its renewal) did not give a token. The windows and the CLI word
 * each reason in the person's language; the English message is for logs and the CLI. Messages
 * never carry a token, a code or a verifier.
 */
export type SignInFailure =
  /** The relay does not offer OIDC sign-in (its sign-in-config has no `oidc`). */
  | 'not-offered'
  /** The relay's OIDC settings cannot be used (e.g. an http:// issuer off this machine). */
  | 'bad-config'
  /** The identity provider did not answer (discovery or token endpoint). */
  | 'idp-unreachable'
  /** The system browser could not be opened. */
  | 'browser-failed'
  /** Nobody finished signing in within the time allowed. */
  | 'timeout'
  /** The app cancelled (the person closed the window or pressed Cancel). */
  | 'cancelled'
  /** The person (or the provider's policy) declined at the provider. */
  | 'denied'
  /** The provider refused the code or answered with something that did not check out. */
  | 'idp-refused'
  /** A refresh was refused (refresh token expired or revoked): sign in with the browser again. */
  | 'sign-in-again';

export class SignInError extends Error {
  readonly reason: SignInFailure;
  constructor(reason: SignInFailure, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignInError';
    this.reason = reason;
  }
}
