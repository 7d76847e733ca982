import { classify } from '../core/problem/classify';
import { ClassifiedError, problem, rule, type ProblemRule } from '../core/problem/problem';
import { RelayConfigError } from './config';
import { IdentityProviderUnavailableError } from './identity/provider-unavailable';
import { IdentityRejectedError } from './ports';
import { RELAY_REASON_CATEGORY, RelayHttpError } from './server/relay-error';
import { RelayStorageError } from './storage/storage-error';

/**
 * The relay's own errors, each with its one category (main/core/problem), for classify: the
 * server's error answers carry it, and the CLI's `relay` commands exit by it.
 */
export const RELAY_PROBLEM_RULES: readonly ProblemRule[] = [
  rule(RelayConfigError, (e) =>
    problem('not-configured', e.message, 'See docs/relay.md.', { variables: e.variables }),
  ),
  rule(IdentityRejectedError, (e) =>
    problem(e.reason === 'forbidden' ? 'permission' : 'auth', e.message),
  ),
  rule(IdentityProviderUnavailableError, (e) =>
    problem('network', e.message, 'Check that the identity provider answers, then try again.'),
  ),
  rule(RelayStorageError, (e) => problem('storage', e.message, e.hint)),
  rule(RelayHttpError, (e) => problem(RELAY_REASON_CATEGORY[e.reason], e.message)),
];

/**
 * The error as the CLI's relay commands throw it: a relay error classified by these rules (the
 * CLI loads them only with those commands), anything else as it was.
 */
export function withRelayProblem(error: unknown): unknown {
  for (const candidate of RELAY_PROBLEM_RULES) {
    const found = candidate.match(error, (inner) => classify(inner, RELAY_PROBLEM_RULES));
    if (found !== null) return new ClassifiedError(found, error);
  }
  return error;
}
