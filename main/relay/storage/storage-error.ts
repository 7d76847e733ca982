/**
 * The relay's storage cannot be opened: which backend, what it said, and what to check (the
 * variable that names it). The CLI shows both lines and exits by the 'storage' category
 * (main/relay/problem-rules.ts), instead of an unexpected error's "report it". Messages never
 * quote a password (storage/redact.ts builds the ones about connection URLs).
 */
export class RelayStorageError extends Error {
  override readonly name = 'RelayStorageError';

  constructor(
    message: string,
    /** What the administrator can check or do. */
    readonly hint: string,
  ) {
    super(message);
  }
}
