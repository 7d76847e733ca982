import { z } from 'zod';
import { InviteError } from '../../core/invite/errors';
import {
  InvalidCredentialsError,
  InvalidProfileNameError,
  MalformedCredentialsError,
} from '../../core/secrets/credential-store';
import { EnvironmentError } from '../../core/secrets/env-credentials';
import { KeychainUnavailableError } from '../../core/secrets/keychain-errors';
import { FavoriteError } from '../../core/store/favorites';
import {
  DocumentBusyError,
  DocumentTooLargeError,
  InvalidChangeError,
  ReadOnlyDocumentError,
} from '../../core/store/json-document';
import { FileBusyError } from '../../core/store/process-lock';
import { describeError, WemeetError } from '../../core/wemeet/errors';
import type { IpcError, IpcErrorKind } from '../../shared/ipc/contract';
import {
  CallNotFoundError,
  InputError,
  NoMeetingError,
  NotConfiguredError,
  SettingsLockedError,
} from '../services/errors';

/**
 * Every error, whatever threw it, as the contract's IpcError: the one place that decides
 * which kind (and so which words and next step) the windows show. Pure, and safe to send:
 * messages of the core's errors never hold a secret (they are scrubbed where they are made),
 * and anything unrecognised is reported by its class name only, since its message could hold
 * anything.
 */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof z.ZodError) return validationError(error);
  if (error instanceof WemeetError) {
    const described = describeError(error);
    return make(error.kind, described.message, described.code, described.hint);
  }
  if (error instanceof InviteError) return inviteError(error);
  if (error instanceof KeychainUnavailableError) {
    return make('keychain', error.message, null, error.hint);
  }
  if (error instanceof NotConfiguredError) {
    return make('not-configured', error.message, null, error.hint);
  }
  if (error instanceof MalformedCredentialsError) {
    return make(
      'not-configured',
      error.message,
      null,
      'Enter the credentials again in Settings to replace the damaged entry.',
    );
  }
  if (error instanceof EnvironmentError) {
    return make(
      'not-configured',
      error.message,
      null,
      'Fix or unset the WEMEET_* environment variables, then start RoomCall again.',
    );
  }
  if (error instanceof NoMeetingError) return make('no-meeting', error.message, null, error.hint);
  if (
    error instanceof InputError ||
    error instanceof FavoriteError ||
    error instanceof SettingsLockedError ||
    error instanceof CallNotFoundError ||
    error instanceof InvalidCredentialsError ||
    error instanceof InvalidProfileNameError
  ) {
    return make('validation', asSentence(error.message), null, null);
  }
  if (error instanceof DocumentBusyError || error instanceof FileBusyError) {
    // Passing, not a broken disk: the same change works once the other process is done.
    const { hint } = error instanceof DocumentBusyError ? error.busy : error;
    return make('busy', error.message, null, hint);
  }
  if (
    error instanceof ReadOnlyDocumentError ||
    error instanceof InvalidChangeError ||
    error instanceof DocumentTooLargeError
  ) {
    return make('storage', error.message, null, null);
  }
  const storage = fileSystemError(error);
  if (storage !== null) return storage;
  const name = error instanceof Error ? error.name : typeof error;
  return make(
    'internal',
    `RoomCall ran into an unexpected problem (${name.slice(0, 60)}).`,
    null,
    'Try again; if it persists, report it with the RoomCall version.',
  );
}

/** A file another RoomCall process was saving for the whole wait (DocumentBusyError). */
function make(
  kind: IpcErrorKind,
  message: string,
  code: number | null,
  hint: string | null,
): IpcError {
  return { kind, message, code, hint };
}

const MAX_LISTED_ISSUES = 5;

/**
 * Where the request was wrong and by which rule; values are never quoted (zod's own messages
 * name types and limits, and the input parsers' messages quote only what a person typed).
 */
function validationError(error: z.ZodError): IpcError {
  const issues = error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const where = issue.path.map((part) => String(part).slice(0, 40)).join('.');
    const message = issue.message.slice(0, 200);
    return where === '' ? message : `${where}: ${message}`;
  });
  const more = error.issues.length > MAX_LISTED_ISSUES ? '; …' : '';
  return make('validation', `The request was not valid: ${issues.join('; ')}${more}.`, null, null);
}

/** Meeting problems are 'meeting'; a failed call keeps the kind and code of what caused it. */
function inviteError(error: InviteError): IpcError {
  switch (error.kind) {
    case 'meeting-not-found':
    case 'meeting-ambiguous':
    case 'meeting-over':
      return make('meeting', error.message, null, error.hint);
    case 'lookup-failed':
    case 'call-failed':
    case 'status-failed':
    case 'cancel-failed': {
      const cause = error.cause;
      if (cause instanceof WemeetError)
        return make(cause.kind, error.message, cause.code, error.hint);
      // room-call answered "failed" (status 5) without an error: the server said no.
      if (cause === undefined) return make('api', error.message, null, error.hint);
      return toIpcError(cause);
    }
    case 'unexpected':
      return toIpcError(error.cause);
  }
}

const STORAGE_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EISDIR',
  'ENOTDIR',
]);

function fileSystemError(error: unknown): IpcError | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  const code = error.code;
  if (typeof code !== 'string' || !STORAGE_CODES.has(code)) return null;
  const words =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : 'RoomCall is not allowed to write there';
  return make(
    'storage',
    `RoomCall could not save its files: ${words} (${code}).`,
    null,
    'Free some space or fix the permissions of the RoomCall data folder, then try again.',
  );
}

/**
 * A window shows a message on its own, so it must read as a sentence. Some of the favourites'
 * English messages are clauses the CLI builds into its own sentences ("--label: a label must
 * be text."; favorite-messages.ts): here they get a capital and a full stop. Sentences, and
 * the Chinese ones (ending with '。'), pass unchanged.
 */
export function asSentence(message: string): string {
  const capital = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?。！？]$/.test(capital) ? capital : `${capital}.`;
}
