import { InviteError } from '../core/invite-errors';
import {
  InvalidCredentialsError,
  InvalidProfileNameError,
  MalformedCredentialsError,
} from '../core/secrets/credential-store';
import { EnvironmentError } from '../core/secrets/env-credentials';
import { KeychainUnavailableError } from '../core/secrets/keychain-errors';
import { FavoriteError } from '../core/store/favorites';
import { FileWriteError } from '../core/store/fs-errors';
import {
  DocumentBusyError,
  DocumentTooLargeError,
  InvalidChangeError,
  ReadOnlyDocumentError,
} from '../core/store/json-document';
import { FileBusyError } from '../core/store/process-lock';
import { describeError, WemeetError } from '../core/wemeet/errors';
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

/** Credentials or operator not set up: the user has to configure something first. */
export class NotConfiguredError extends UsageError {}

/**
 * Every error a command can end with, sorted into exit codes in one place:
 * 2 for what the user typed or set up (flags, files, environment variables, profile names,
 * a question only they can answer), 1 for what failed outside (Tencent Meeting, the network,
 * the keychain, a data file RoomCall may not overwrite, a data file another RoomCall process
 * kept busy), 130 for Ctrl-C.
 *
 * A keychain that cannot be used is 1, not 2: nothing the user typed is wrong, and the same
 * command works once the keychain is unlocked (or with the WEMEET_* variables).
 */
export function describeFailure(error: unknown): Failure {
  if (error instanceof InterruptedError) {
    return { exitCode: EXIT_INTERRUPTED, message: 'Interrupted.', hint: null, code: null };
  }
  if (error instanceof UsageError) {
    return { exitCode: EXIT_USAGE, message: error.message, hint: error.hint, code: null };
  }
  if (error instanceof InviteError) {
    const code = error.cause instanceof WemeetError ? error.cause.code : null;
    // Several meetings share the code: a question for the user, like several current meetings.
    const exitCode = error.kind === 'meeting-ambiguous' ? EXIT_USAGE : EXIT_FAILURE;
    return { exitCode, message: error.message, hint: error.hint, code };
  }
  if (error instanceof WemeetError) {
    const described = describeError(error);
    return {
      exitCode: EXIT_FAILURE,
      message: described.message,
      hint: described.hint,
      code: described.code,
    };
  }
  if (error instanceof KeychainUnavailableError) {
    // Its message already ends with what to do.
    return { exitCode: EXIT_FAILURE, message: error.message, hint: null, code: null };
  }
  if (error instanceof MalformedCredentialsError) {
    return { exitCode: EXIT_FAILURE, message: error.message, hint: null, code: null };
  }
  if (
    error instanceof EnvironmentError ||
    error instanceof InvalidProfileNameError ||
    error instanceof InvalidCredentialsError ||
    error instanceof FavoriteError
  ) {
    return { exitCode: EXIT_USAGE, message: error.message, hint: null, code: null };
  }
  if (error instanceof DocumentBusyError || error instanceof FileBusyError) {
    // Passing: nothing the user typed is wrong, and the same command works a moment later.
    const { hint } = error instanceof DocumentBusyError ? error.busy : error;
    return { exitCode: EXIT_FAILURE, message: error.message, hint, code: null };
  }
  if (error instanceof FileWriteError) {
    // A full or read-only disk, a folder that may not be written: not the user's typing.
    return { exitCode: EXIT_FAILURE, message: error.message, hint: error.hint, code: null };
  }
  if (
    error instanceof ReadOnlyDocumentError ||
    error instanceof InvalidChangeError ||
    error instanceof DocumentTooLargeError
  ) {
    // A data file RoomCall must not overwrite, or a change it would not read back.
    return { exitCode: EXIT_FAILURE, message: error.message, hint: null, code: null };
  }
  const described = describeError(error);
  return { exitCode: EXIT_FAILURE, message: described.message, hint: described.hint, code: null };
}
