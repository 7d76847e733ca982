/**
 * The CLI's exit codes, part of its contract with scripts (documented in `--help` and
 * docs/cli.md; change them only with both):
 * 0 success;
 * 1 the API, the network or the keychain failed (the server's code is on stderr), or a data
 *   file could not be saved (read-only, or busy: another RoomCall kept it locked past the wait);
 * 2 usage or input error: the command line cannot be acted on as given. Bad syntax is caught
 *   before any request is sent; a "which meeting?" question (no or several meetings in
 *   progress, a code several meetings share) is answered by the server first, but no room is
 *   ever called; so is a change the organisation's managed configuration does not allow (its
 *   favourites, a locked setting: the same command will not work later either);
 * 3 `invite --wait` only: the call was placed, but the room did not join (rejected, no answer,
 *   never rang, cancelled elsewhere, or still ringing when RoomCall stopped waiting);
 * 4 `invite` only: unconfirmed: room-call's reply was lost (timeout, reset, server error,
 *   unreadable reply) and the call's status could not be read either: the room may be ringing;
 *   `roomcall status` tells. (A lost reply whose status could be read ends as that status says.)
 * 130 interrupted (Ctrl-C, SIGTERM, SIGHUP): a call that was ringing has been cancelled.
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
export const EXIT_NOT_JOINED = 3;
export const EXIT_UNCONFIRMED = 4;
/** 128 + SIGINT, what shells report for a command stopped by Ctrl-C. */
export const EXIT_INTERRUPTED = 130;

export type ExitCode =
  | typeof EXIT_OK
  | typeof EXIT_FAILURE
  | typeof EXIT_USAGE
  | typeof EXIT_NOT_JOINED
  | typeof EXIT_UNCONFIRMED
  | typeof EXIT_INTERRUPTED;

/** Bad input or usage: the command stops before it calls anything. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  /** What to do instead, on its own line; null when the message says it all. */
  readonly hint: string | null;
  constructor(message: string, hint: string | null = null) {
    super(message);
    this.hint = hint;
  }
}

/** The user pressed Ctrl-C (at a prompt, or while waiting). */
export class InterruptedError extends Error {
  override readonly name = 'InterruptedError';
  constructor() {
    super('Interrupted.');
  }
}
