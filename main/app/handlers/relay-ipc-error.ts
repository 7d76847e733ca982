import { NotConfiguredError } from '../../core/account';
import {
  RelayAuthError,
  RelayIdentityUnavailableError,
  RelayRateLimitError,
  RelayTimeoutError,
  RelayUnreachableError,
} from '../../core/relay/errors';
import { SignInError } from '../../core/relay/sign-in/errors';
import type { RelayProblem } from '../../shared/rules/relay-problem';

/**
 * Which relay problem an error is (shared/rules/relay-problem.ts), for the IpcError's `relay`
 * field; null for anything else. The error classes carry it already: this only names it.
 */
export function relayProblemOf(error: unknown): RelayProblem | null {
  if (error instanceof RelayAuthError) return error.reason;
  if (error instanceof RelayRateLimitError) return 'rate-limited';
  if (error instanceof RelayUnreachableError) return 'unreachable';
  if (error instanceof RelayTimeoutError) return 'timeout';
  if (error instanceof RelayIdentityUnavailableError) return 'idp-unavailable';
  if (error instanceof SignInError) {
    return error.reason === 'sign-in-again' ? 'sign-in-again' : `sign-in-${error.reason}`;
  }
  if (error instanceof NotConfiguredError && error.missing === 'relay-sign-in') {
    return 'not-signed-in';
  }
  return null;
}

/** The app's next step for a desktop pointed at a relay with no sign-in yet. */
export const RELAY_SIGN_IN_HINT =
  "Open Settings and sign in to your organisation's RoomCall relay (with the browser, or with a token your IT department issued).";
