/**
 * Errors the app's services throw for expected situations. Each has one problem category
 * (handlers/to-ipc-error.ts adds them to the core's, main/core/problem.ts); messages are
 * sentences for people and never hold a secret. "Not configured" is the core's
 * (main/core/account.ts), shared with the CLI.
 */

/** An invite needs a meeting to go into, and none is selected. */
export class NoMeetingError extends Error {
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'NoMeetingError';
    this.hint = hint;
  }
}

/** A value the person typed or picked is not usable (the message says why, from the parsers). */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A change to settings that the organisation or the environment decides. */
export class SettingsLockedError extends Error {
  readonly keys: readonly string[];
  constructor(message: string, keys: readonly string[]) {
    super(message);
    this.name = 'SettingsLockedError';
    this.keys = keys;
  }
}

/** cancelCall for a call this process does not know (finished long ago, or never existed). */
export class CallNotFoundError extends Error {
  constructor(callId: string) {
    super(`There is no call with id '${callId.slice(0, 64)}'.`);
    this.name = 'CallNotFoundError';
  }
}

/**
 * An export the person chose a place for, which could not be written there (read-only folder,
 * disk full, permissions). The file, if there was one, is as it was. The path is theirs.
 */
export class SaveFileError extends Error {
  readonly file: string;
  constructor(file: string, cause: unknown) {
    const code =
      typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : null;
    super(`Could not write ${file}${code === null ? '' : ` (${code})`}.`);
    this.name = 'SaveFileError';
    this.file = file;
  }
}
