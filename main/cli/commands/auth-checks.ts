import { ENV_CREDENTIAL_VARS } from '../../core/secrets/env-vars';
import type { WemeetApi } from '../../core/wemeet/api';
import type { CliContext } from '../context';
import { EXIT_FAILURE, EXIT_USAGE } from '../exit-codes';
import { describeFailure, type Failure } from '../failures';

/** What the auth commands check: the WEMEET_* credential variables set, and one signed read. */

/** Which WEMEET_* credential variables are set (names only; incomplete sets count too). */
export function setEnvCredentialVars(ctx: CliContext): string[] {
  // Names only, not readEnvCredentials: a partial set would throw, and logout must still
  // report it rather than fail on it.
  return ENV_CREDENTIAL_VARS.filter((name) => {
    const value = ctx.deps.env[name];
    return value !== undefined && value !== '';
  });
}

/** On failure, the failure as every command reports it (describeFailure), exit code included. */
type CheckResult =
  { readonly ok: true; readonly words: string } | ({ readonly ok: false } & Failure);

/**
 * One signed read that needs valid credentials and a known operator: the operator's meetings.
 * Its result in words, with the server's code on failure.
 */
export async function liveCheck(api: WemeetApi): Promise<CheckResult> {
  try {
    const meetings = await api.listOperatorMeetings();
    return {
      ok: true,
      words: `a signed request to Tencent Meeting succeeded (${meetings.length} meeting${meetings.length === 1 ? '' : 's'} in progress or upcoming).`,
    };
  } catch (error) {
    const failure = describeFailure(error);
    return {
      ok: false,
      ...failure,
      exitCode: failure.exitCode === EXIT_USAGE ? EXIT_USAGE : EXIT_FAILURE,
    };
  }
}
