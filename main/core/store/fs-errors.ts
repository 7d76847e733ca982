/**
 * File-system errors as RoomCall reports them: the system's code of any error, and the
 * failures of a write that are the disk's or the system's doing, typed with their own words.
 */

/** Why a write failed for reasons outside RoomCall: each has its own words and next step. */
export type WriteProblem = 'disk-full' | 'read-only' | 'not-allowed';

const WRITE_PROBLEMS: Readonly<Record<string, WriteProblem>> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'not-allowed',
  EPERM: 'not-allowed',
};

const WRITE_WORDS: Readonly<Record<WriteProblem, { why: string; hint: string }>> = {
  'disk-full': {
    why: 'the disk is full',
    hint: 'Free some disk space, then try again.',
  },
  'read-only': {
    why: 'the disk is read-only',
    hint: 'Save to a folder on a writable disk, or make this one writable, then try again.',
  },
  'not-allowed': {
    why: 'you are not allowed to write in that folder',
    hint: 'Choose a folder you can write to, or change its permissions, then try again.',
  },
};

/**
 * A write refused by the disk or the system, not a bug and not bad input: a full disk, a
 * read-only one, a folder that may not be written. Whatever was at the path before is still
 * there, whole (the write goes to a temporary file first). `code` keeps the system's code
 * (ENOSPC, EROFS…), so code-based handling still recognises it. The CLI exits 1 with its words.
 */
export class FileWriteError extends Error {
  readonly problem: WriteProblem;
  readonly code: string;
  readonly file: string;
  /** What to do next, for the CLI's hint line. */
  readonly hint: string;
  constructor(file: string, problem: WriteProblem, code: string) {
    super(
      `${file} was not saved: ${WRITE_WORDS[problem].why} (${code}). Nothing was changed: a file already there is as it was.`,
    );
    this.name = 'FileWriteError';
    this.problem = problem;
    this.code = code;
    this.file = file;
    this.hint = WRITE_WORDS[problem].hint;
  }
}

/** The error as a FileWriteError when the disk or the system refused the write; else as is. */
export function asWriteError(error: unknown, file: string): unknown {
  const code = errorCode(error);
  const problem = code === undefined ? undefined : WRITE_PROBLEMS[code];
  return problem === undefined || code === undefined || error instanceof FileWriteError
    ? error
    : new FileWriteError(file, problem, code);
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const { code } = error;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
