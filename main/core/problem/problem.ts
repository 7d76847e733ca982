import type { MissingPart } from '../account';

/**
 * What went wrong, whatever threw it, in one classification the app and the CLI share: each
 * error has exactly one category, and the front-ends turn categories into their own outcome
 * with a small table (the IPC error kind in main/app/handlers/to-ipc-error.ts, the exit code
 * in main/cli/failures.ts). Messages and hints are the errors' own (sentences for people,
 * never a secret); what a front-end needs to word things its own way is in `details`.
 *
 * This folder: problem.ts the vocabulary, core-rules.ts the core's errors, classify.ts the
 * one entry point (front-ends pass rules for their own few errors).
 */
export type ProblemCategory =
  /** What the person typed or gave cannot be used (a flag, a field, a profile name, a file). */
  | 'bad-input'
  /** Something the request named does not exist here (a favourite, a call). */
  | 'not-found'
  /** The organisation's managed configuration or the environment decides this setting. */
  | 'locked'
  /** No credentials or no operator yet, or unusable WEMEET_* variables. */
  | 'not-configured'
  /** The stored credentials exist but are not what RoomCall wrote. */
  | 'credentials-damaged'
  /** The OS keychain cannot be used right now. */
  | 'keychain'
  /** An invite needs a meeting and none is in progress or selected. */
  | 'no-meeting'
  /** The meeting asked for does not exist or is over. */
  | 'meeting'
  /** Several meetings share the code: a question only the person can answer. */
  | 'meeting-ambiguous'
  /** The server refused the credentials, the signature or the operator. */
  | 'auth'
  /** The server refused the request's time: this computer's clock is off. */
  | 'clock'
  /** The operator lacks the rights (host, co-host, creator). */
  | 'permission'
  /** Too many requests, per minute or per day. */
  | 'rate-limit'
  /** Any other "no" from the server about this request. */
  | 'refused'
  /** The server failed (5xx, no code RoomCall knows). */
  | 'server'
  /** No answer: connection, DNS, TLS, proxy. */
  | 'network'
  /** No complete answer in time. */
  | 'timeout'
  /** An answer RoomCall cannot use (not JSON, unexpected shape). */
  | 'bad-response'
  /** Another RoomCall process kept a data file locked: passing. */
  | 'busy'
  /** A data file cannot be written or read (read-only, disk full, refused change). */
  | 'storage'
  /** The person stopped it (Ctrl-C). */
  | 'cancelled'
  /** A bug, or anything no rule knows. */
  | 'internal';

/** Structured parameters, for front-ends that word a category their own way. */
export interface ProblemDetails {
  /** The HTTP status of a server refusal. */
  readonly status?: number;
  /** Which request failed (method and path only, never the query). */
  readonly method?: string;
  readonly path?: string;
  /** The data file concerned. */
  readonly file?: string;
  /** not-configured: what is missing, and in which keychain profile. */
  readonly missing?: MissingPart;
  readonly profile?: string;
  /** not-configured by the environment: the WEMEET_* variables at fault (names only). */
  readonly variables?: readonly string[];
  /** locked: the settings the organisation or the environment decides. */
  readonly keys?: readonly string[];
  /** Set once room-call answered: the call exists and may still be ringing. */
  readonly inviteId?: string;
  /** The operating system's error code of a file problem (EACCES, ENOSPC, …). */
  readonly systemCode?: string;
  /** clock: this computer's time as the refused request carried it, and the server's, in ms. */
  readonly localTimeMs?: number;
  readonly serverTimeMs?: number;
  /** internal: the error's class name (its message could hold anything). */
  readonly errorName?: string;
}

export interface Problem {
  readonly category: ProblemCategory;
  readonly message: string;
  /** What to do next; null when the message says it all or the front-end words it. */
  readonly hint: string | null;
  /** The server's `error_code`, when the server sent one. */
  readonly code: number | null;
  readonly details: ProblemDetails;
}

export type Classify = (error: unknown) => Problem;

/** How one error class becomes a problem. `name` lets tests check every class has a rule. */
export interface ProblemRule {
  readonly name: string;
  readonly match: (error: unknown, classify: Classify) => Problem | null;
}

/**
 * An error already classified by rules its front-end loads only with the code that raises
 * them (the CLI's relay commands: the relay's rules stay out of the code every command loads).
 */
export class ClassifiedError extends Error {
  override readonly name = 'ClassifiedError';

  constructor(
    readonly problem: Problem,
    cause: unknown,
  ) {
    super(problem.message, { cause });
  }
}

export function rule<E>(
  type: abstract new (...args: never[]) => E,
  toProblem: (error: E, classify: Classify) => Problem,
): ProblemRule {
  return {
    name: type.name,
    match: (error, classify) => (error instanceof type ? toProblem(error, classify) : null),
  };
}

export function problem(
  category: ProblemCategory,
  message: string,
  hint: string | null = null,
  details: ProblemDetails = {},
  code: number | null = null,
): Problem {
  return { category, message, hint, code, details };
}
