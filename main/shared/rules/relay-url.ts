import { baseUrlProblem } from './base-url';

/**
 * The one check for a relay's address, wherever it is set (the settings, the managed
 * configuration, `roomcall auth login --relay`): the base URL's rule (shared/rules/base-url.ts:
 * https, or plain http to this machine only), because every request carries the person's
 * bearer token, which over http anyone on the path could read and reuse. Scheme, host and an
 * optional path prefix only: a query or credentials in it would be sent with every request.
 */

/** Null when usable; else why not, as words that follow "relayUrl " or "--relay: ". */
export function relayUrlProblem(text: string): string | null {
  const problem = baseUrlProblem(text);
  if (problem === 'not-https') {
    return 'must start with https:// (plain http only for this machine: 127.0.0.1, ::1 or localhost), because over http your sign-in token would travel in clear text';
  }
  if (problem !== null) return 'expected an https URL such as https://roomcall-relay.example.com';
  const url = new URL(text);
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    return 'takes scheme, host and an optional path only (no query, fragment or user name)';
  }
  return null;
}

/** The form it is saved and compared in: no trailing slash, as URL normalises the rest. */
export function normalizeRelayUrl(text: string): string {
  const url = URL.parse(text.trim());
  return url === null ? text : (url.origin + url.pathname).replace(/\/+$/, '');
}
