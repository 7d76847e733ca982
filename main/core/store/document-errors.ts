import type { FileBusyError } from './process-lock';

/** The errors an update of a JSON document (json-document.ts) throws when nothing was saved. */

/** An update refused to protect a file that this version must not overwrite. */
export class ReadOnlyDocumentError extends Error {
  readonly file: string;
  constructor(name: string, file: string, why: string) {
    super(`Your change to the ${name} was not saved: ${why}`);
    this.name = 'ReadOnlyDocumentError';
    this.file = file;
  }
}

/**
 * An update that found the file locked by another RoomCall process (the app or the CLI) for the
 * whole wait: nothing was written. Passing, unlike a read-only file: the same change works a
 * moment later. Its own kind end to end: IPC error kind 'busy', CLI exit 1 with a "try again".
 */
export class DocumentBusyError extends Error {
  readonly file: string;
  readonly busy: FileBusyError;
  constructor(name: string, busy: FileBusyError) {
    super(`Your change to the ${name} was not saved: ${busy.message}`);
    this.name = 'DocumentBusyError';
    this.file = busy.file;
    this.busy = busy;
  }
}

/** An update whose result breaks the schema: the change is refused, the file untouched. */
export class InvalidChangeError extends Error {
  readonly problems: readonly string[];
  constructor(name: string, problems: readonly string[]) {
    super(`Your change to the ${name} was not saved: ${problems.join('; ')}.`);
    this.name = 'InvalidChangeError';
    this.problems = problems;
  }
}

/** An update whose result this version would refuse to read back. */
export class DocumentTooLargeError extends Error {
  constructor(name: string, limit: number) {
    super(`The ${name} would exceed ${limit} bytes (or nest too deeply): not saved.`);
    this.name = 'DocumentTooLargeError';
  }
}
