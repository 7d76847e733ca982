/**
 * Errors the app's services throw for expected situations. Each maps to one IpcError kind in
 * handlers/to-ipc-error.ts; messages are sentences for people and never hold a secret.
 */

/** No credentials or no operator yet: the person has to finish setting RoomCall up. */
export class NotConfiguredError extends Error {
  readonly kind = 'not-configured';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'NotConfiguredError';
    this.hint = hint;
  }
}

/** An invite needs a meeting to go into, and none is selected. */
export class NoMeetingError extends Error {
  readonly kind = 'no-meeting';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.name = 'NoMeetingError';
    this.hint = hint;
  }
}

/** A value the person typed or picked is not usable (the message says why, from the parsers). */
export class InputError extends Error {
  readonly kind = 'input';
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A change to settings that the organisation or the environment decides. */
export class SettingsLockedError extends Error {
  readonly kind = 'locked';
  readonly keys: readonly string[];
  constructor(message: string, keys: readonly string[]) {
    super(message);
    this.name = 'SettingsLockedError';
    this.keys = keys;
  }
}

/** cancelCall for a call this process does not know (finished long ago, or never existed). */
export class CallNotFoundError extends Error {
  readonly kind = 'call-not-found';
  constructor(callId: string) {
    super(`There is no call with id '${callId.slice(0, 64)}'.`);
    this.name = 'CallNotFoundError';
  }
}
