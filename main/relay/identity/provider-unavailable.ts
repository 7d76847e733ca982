/**
 * The identity provider could not be asked (its discovery document or its JWKS did not come
 * back, or came back unusable), so the relay cannot tell whether a token is good. Not the
 * caller's fault and not a refusal: the server answers 503 (or 502) and logs it, instead of the
 * 401 an IdentityRejectedError gets, so a desktop keeps its token and tries again later rather
 * than sending its user to sign in again. The message names the URL asked, never a token.
 */
export class IdentityProviderUnavailableError extends Error {
  /** The URL that did not answer usably (the discovery document or the JWKS). */
  readonly url: string;
  constructor(url: string, detail: string, options?: { cause?: unknown }) {
    super(
      `The identity provider is unavailable (${detail} from ${url}): the relay cannot check sign-ins until it answers again.`,
      options,
    );
    this.name = 'IdentityProviderUnavailableError';
    this.url = url;
  }
}
