import { z } from 'zod';
import { tencentCodeInfo } from '../../shared/tencent-error-codes';
import { InvalidOperatorError, NotConfiguredError } from '../account';
import { InviteError } from '../invite/errors';
import { JoinLinkNotFoundError } from '../meetings/join-link';
import {
  RelayAuthError,
  RelayIdentityUnavailableError,
  RelayRateLimitError,
  RelayTimeoutError,
  RelayUnreachableError,
} from '../relay/errors';
import { SignInError, type SignInFailure } from '../relay/sign-in/errors';
import {
  InvalidCredentialsError,
  InvalidProfileNameError,
  MalformedCredentialsError,
} from '../secrets/credential-store';
import { EnvironmentError } from '../secrets/env-credentials';
import { InvalidRelayTokenError, MalformedRelayTokenError } from '../secrets/relay-token-store';
import { KeychainUnavailableError } from '../secrets/keychain-errors';
import { FileTooLargeError, NotAFileError } from '../store/atomic-file';
import { FileWriteError } from '../store/fs-errors';
import { FavoriteError } from '../store/favorites-check';
import {
  DocumentBusyError,
  DocumentTooLargeError,
  InvalidChangeError,
  ReadOnlyDocumentError,
} from '../store/document-errors';
import { FileBusyError } from '../store/process-lock';
import {
  WemeetApiError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
} from '../wemeet/errors';
import {
  ClassifiedError,
  problem,
  rule,
  type Classify,
  type Problem,
  type ProblemCategory,
  type ProblemDetails,
  type ProblemRule,
} from './problem';

/** The core's errors, each with its one category (main/core/problem/problem.ts). */

function apiCategory(error: WemeetApiError): ProblemCategory {
  const known = tencentCodeInfo(error.errorCode);
  if (known !== undefined) return known.category;
  if (error.status >= 500) return 'server';
  if (error.status === 401 || error.status === 403) return 'auth';
  return 'refused';
}

const label = (error: { method: string; path: string }) => ({
  method: error.method,
  path: error.path,
});

/** An invite's failure: a meeting problem, or what caused it, said as the invite's step. */
function inviteProblem(error: InviteError, classify: Classify): Problem {
  const inviteId = error.inviteId === null ? {} : { inviteId: error.inviteId };
  switch (error.kind) {
    case 'meeting-not-found':
    case 'meeting-over':
      return problem('meeting', error.message, error.hint);
    case 'meeting-ambiguous':
      return problem('meeting-ambiguous', error.message, error.hint);
    case 'lookup-failed':
    case 'call-failed':
    case 'status-failed':
    case 'cancel-failed': {
      // room-call answered "failed" (status 5) without an error: the server said no.
      if (error.cause === undefined) return problem('refused', error.message, error.hint, inviteId);
      const cause = classify(error.cause);
      const details = { ...cause.details, ...inviteId };
      return { ...cause, message: error.message, hint: error.hint, details };
    }
    case 'unexpected': {
      // What stopped the invite says best what to do (a locked keychain, a busy file), unless
      // nothing knows it: then the invite's own sentence.
      const cause = classify(error.cause);
      const details = { ...cause.details, ...inviteId };
      if (cause.category !== 'internal') return { ...cause, details };
      return { ...cause, message: error.message, hint: error.hint, details };
    }
  }
}

const MAX_LISTED_ISSUES = 5;

/**
 * Where a request was wrong and by which rule; values are never quoted (zod's own messages
 * name types and limits, and the input parsers' messages quote only what a person typed).
 */
function validationMessage(error: z.ZodError): string {
  const issues = error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const where = issue.path.map((part) => String(part).slice(0, 40)).join('.');
    const message = issue.message.slice(0, 200);
    return where === '' ? message : `${where}: ${message}`;
  });
  const more = error.issues.length > MAX_LISTED_ISSUES ? '; …' : '';
  return `The request was not valid: ${issues.join('; ')}${more}.`;
}

/** A clock refusal's two times, so a front-end can say how far off this computer is. */
function clockDetails(error: WemeetApiError): Pick<ProblemDetails, 'localTimeMs' | 'serverTimeMs'> {
  if (apiCategory(error) !== 'clock') return {};
  return {
    ...(error.requestTimeMs === null ? {} : { localTimeMs: error.requestTimeMs }),
    ...(error.serverTimeMs === null ? {} : { serverTimeMs: error.serverTimeMs }),
  };
}

/** A browser sign-in to the relay that gave no token (main/core/relay/sign-in). */
const SIGN_IN_CATEGORY: Readonly<Record<SignInFailure, ProblemCategory>> = {
  'not-offered': 'refused',
  'bad-config': 'refused',
  'idp-unreachable': 'network',
  'browser-failed': 'refused',
  timeout: 'timeout',
  cancelled: 'cancelled',
  denied: 'auth',
  'idp-refused': 'auth',
  'sign-in-again': 'auth',
};

/** Every error class the core raises, and its one category. */
export const CORE_PROBLEM_RULES: readonly ProblemRule[] = [
  rule(ClassifiedError, (e) => e.problem),
  // A join link that is none of the operator's meetings: what was pasted must change.
  rule(JoinLinkNotFoundError, (e) => problem('bad-input', e.message, e.hint)),
  rule(InviteError, inviteProblem),
  // The relay's own refusals (a RelayRateLimitError is a WemeetApiError: before its rule).
  rule(RelayAuthError, (e) =>
    problem('auth', e.message, e.hint, { status: e.status, ...label(e) }),
  ),
  rule(RelayRateLimitError, (e) =>
    problem('rate-limit', e.message, e.hint, { status: e.status, ...label(e) }),
  ),
  rule(WemeetApiError, (e) =>
    problem(
      apiCategory(e),
      e.message,
      e.hint,
      { status: e.status, ...label(e), ...clockDetails(e) },
      e.errorCode,
    ),
  ),
  rule(RelayUnreachableError, (e) =>
    problem(
      'network',
      e.message,
      'Check the network connection, proxy or VPN, then try again; if it persists, ask your IT department whether the RoomCall relay is running.',
      label(e),
    ),
  ),
  rule(SignInError, (e) => problem(SIGN_IN_CATEGORY[e.reason], e.message)),
  rule(RelayIdentityUnavailableError, (e) => problem('network', e.message, e.hint, label(e))),
  rule(RelayTimeoutError, (e) => problem('timeout', e.message, e.hint, label(e))),
  rule(WemeetNetworkError, (e) => problem('network', e.message, e.hint, label(e))),
  rule(WemeetTimeoutError, (e) => problem('timeout', e.message, e.hint, label(e))),
  rule(WemeetResponseError, (e) => problem('bad-response', e.message, e.hint, label(e))),
  rule(NotConfiguredError, (e) =>
    problem('not-configured', e.message, e.hint, { missing: e.missing, profile: e.profile }),
  ),
  rule(EnvironmentError, (e) =>
    problem('not-configured', e.message, null, { variables: e.variables }),
  ),
  // Its message already says how to store them again.
  rule(MalformedCredentialsError, (e) =>
    problem('credentials-damaged', e.message, null, { profile: e.profile }),
  ),
  rule(MalformedRelayTokenError, (e) =>
    problem('credentials-damaged', e.message, null, { profile: e.profile }),
  ),
  rule(InvalidRelayTokenError, (e) => problem('bad-input', e.message)),
  rule(KeychainUnavailableError, (e) => problem('keychain', e.message, e.hint)),
  rule(InvalidCredentialsError, (e) => problem('bad-input', e.message)),
  rule(InvalidOperatorError, (e) =>
    problem(
      'bad-input',
      e.message,
      'Set it again in Settings, or with `roomcall auth login` (or WEMEET_OPERATOR_ID).',
    ),
  ),
  rule(InvalidProfileNameError, (e) => problem('bad-input', e.message)),
  rule(FavoriteError, (e) =>
    problem(e.kind === 'not-found' ? 'not-found' : 'bad-input', e.message),
  ),
  // Passing, not a broken disk: the same change works once the other process is done.
  rule(DocumentBusyError, (e) => problem('busy', e.message, e.busy.hint, { file: e.file })),
  rule(FileBusyError, (e) => problem('busy', e.message, e.hint, { file: e.file })),
  rule(ReadOnlyDocumentError, (e) => problem('storage', e.message, null, { file: e.file })),
  rule(InvalidChangeError, (e) => problem('storage', e.message)),
  rule(DocumentTooLargeError, (e) => problem('storage', e.message)),
  rule(FileTooLargeError, (e) => problem('storage', e.message)),
  rule(NotAFileError, (e) => problem('storage', e.message)),
  // A full or read-only disk, a folder that may not be written: not the user's typing.
  rule(FileWriteError, (e) =>
    problem('storage', e.message, e.hint, { file: e.file, systemCode: e.code }),
  ),
  rule(z.ZodError, (e) => problem('bad-input', validationMessage(e))),
];
