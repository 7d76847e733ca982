import { classify } from '../core/problem/classify';
import { problem, rule, type Problem, type ProblemCategory } from '../core/problem/problem';
import { ENV_VARS } from '../core/secrets/env-credentials';
import { formatLocalTime } from './times';
import {
  EXIT_FAILURE,
  EXIT_INTERRUPTED,
  EXIT_USAGE,
  InterruptedError,
  UsageError,
  type ExitCode,
} from './exit-codes';

/** A failure as the CLI reports it: the exit code, the words, what to do, the server's code. */
export interface Failure {
  readonly exitCode: ExitCode;
  readonly message: string;
  readonly hint: string | null;
  readonly code: number | null;
}

/**
 * The CLI's own errors, added to the core's classification (main/core/problem). The relay's
 * come classified from its commands (commands/relay-run.ts).
 */
export const CLI_PROBLEM_RULES = [
  rule(InterruptedError, () => problem('cancelled', 'Interrupted.')),
  rule(UsageError, (e) => problem('bad-input', e.message, e.hint)),
];

interface ExitEntry {
  readonly exitCode: ExitCode;
  /** The CLI's own next step, where the core's is the app's or already in the message. */
  readonly hint?: (problem: Problem, timeZone: string | undefined) => string | null;
}

const LOGIN_HINT = `Run \`roomcall auth login\`, or set ${ENV_VARS.appId}, ${ENV_VARS.secretId}, ${ENV_VARS.secretKey} and ${ENV_VARS.operatorId}.`;

const FAILED: ExitEntry = { exitCode: EXIT_FAILURE };
const USAGE: ExitEntry = { exitCode: EXIT_USAGE };

/**
 * Every problem a command can end with, sorted into exit codes in one place (exit-codes.ts):
 * 2 for what the user typed or set up (flags, files, environment variables, profile names,
 * settings the organisation decides, a question only they can answer), 1 for what failed
 * outside (Tencent Meeting, the network, the keychain, a data file RoomCall may not overwrite,
 * a data file another RoomCall process kept busy), 130 for Ctrl-C.
 *
 * A keychain that cannot be used is 1, not 2: nothing the user typed is wrong, and the same
 * command works once the keychain is unlocked (or with the WEMEET_* variables). So are damaged
 * stored credentials: the command line was right, the keychain entry is not.
 */
export const EXIT_CODES: Readonly<Record<ProblemCategory, ExitEntry>> = {
  'bad-input': USAGE,
  'not-found': USAGE,
  locked: USAGE,
  'not-configured': {
    exitCode: EXIT_USAGE,
    hint: ({ details, hint }) =>
      details.missing === 'credentials'
        ? LOGIN_HINT
        : details.missing === 'operator'
          ? `Run \`roomcall auth login\`, or set ${ENV_VARS.operatorId}.`
          : hint,
  },
  // Its message already ends with what to do.
  'credentials-damaged': { exitCode: EXIT_FAILURE, hint: () => null },
  keychain: { exitCode: EXIT_FAILURE, hint: () => null },
  'no-meeting': USAGE,
  meeting: FAILED,
  // Several meetings share the code: a question for the user, like several current meetings.
  'meeting-ambiguous': USAGE,
  auth: FAILED,
  clock: { exitCode: EXIT_FAILURE, hint: clockHint },
  permission: FAILED,
  'rate-limit': FAILED,
  refused: FAILED,
  server: FAILED,
  network: FAILED,
  timeout: FAILED,
  'bad-response': FAILED,
  // Passing: nothing the user typed is wrong, and the same command works a moment later.
  busy: FAILED,
  storage: FAILED,
  cancelled: { exitCode: EXIT_INTERRUPTED },
  internal: FAILED,
};

/**
 * "This computer's clock said 2026-12-03 14:15 CET, 10 minutes ahead of Tencent's." before the
 * fix: the time is no secret, and the difference says how far to move the clock. The zone is
 * the one every time is shown in (CliDeps.timeZone; the system's by default).
 */
function clockHint({ details, hint }: Problem, timeZone: string | undefined): string | null {
  const { localTimeMs, serverTimeMs } = details;
  if (localTimeMs === undefined) return hint;
  const said = `This computer's clock said ${formatLocalTime(localTimeMs, timeZone)}`;
  const diff = serverTimeMs === undefined ? null : skewWords(localTimeMs - serverTimeMs);
  return `${said}${diff === null ? '' : `, ${diff}`}.${hint === null ? '' : ` ${hint}`}`;
}

/** "10 minutes ahead of Tencent's", "2 hours 5 minutes behind Tencent's". */
function skewWords(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const amount =
    hours === 0
      ? unit(rest, 'minute')
      : rest === 0
        ? unit(hours, 'hour')
        : `${unit(hours, 'hour')} ${unit(rest, 'minute')}`;
  return `${amount} ${ms > 0 ? 'ahead of' : 'behind'} Tencent's`;
}

export function describeFailure(error: unknown, timeZone?: string): Failure {
  const found = classify(error, CLI_PROBLEM_RULES);
  const entry = EXIT_CODES[found.category];
  return {
    exitCode: entry.exitCode,
    message: found.message,
    hint: entry.hint === undefined ? found.hint : entry.hint(found, timeZone),
    code: found.code,
  };
}
