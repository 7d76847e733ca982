/**
 * What went wrong with the relay or the sign-in to it (issue 17), for the windows to word in
 * their language (renderer/src/i18n/relay-error-messages.ts): the IpcError's `relay` field.
 * Main's English sentence stays under Details.
 */
export const RELAY_PROBLEMS = [
  // The relay refused who the request came from (RelayAuthError's reasons).
  'unauthenticated',
  'token-expired',
  'token-revoked',
  'forbidden',
  // The relay's own rate limit (RelayRateLimitError).
  'rate-limited',
  // The relay could not be reached, or did not answer in time.
  'unreachable',
  'timeout',
  // The company's identity provider did not answer the relay (RelayIdentityUnavailableError).
  'idp-unavailable',
  // No sign-in to the relay in use yet (NotConfiguredError 'relay-sign-in').
  'not-signed-in',
  // The browser sign-in's own reasons (SignInError, core/relay/sign-in/errors.ts).
  'sign-in-not-offered',
  'sign-in-bad-config',
  'sign-in-idp-unreachable',
  'sign-in-browser-failed',
  'sign-in-timeout',
  'sign-in-cancelled',
  'sign-in-denied',
  'sign-in-idp-refused',
  'sign-in-again',
] as const;

export type RelayProblem = (typeof RELAY_PROBLEMS)[number];
