import { CORE_PROBLEM_RULES } from './core-rules';
import { problem, type Classify, type Problem, type ProblemRule } from './problem';

const STORAGE_CODES = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EISDIR',
  'ENOTDIR',
]);

/** A write the operating system refused: the disk, not RoomCall, needs fixing. */
function fileSystemProblem(error: unknown): Problem | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  const code = error.code;
  if (typeof code !== 'string' || !STORAGE_CODES.has(code)) return null;
  const words =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'the disk is full'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : 'RoomCall is not allowed to write there';
  return problem(
    'storage',
    `RoomCall could not save its files: ${words} (${code}).`,
    'Free some space or fix the permissions of the RoomCall data folder, then try again.',
    { systemCode: code },
  );
}

const REPORT_HINT = 'Try again; if it persists, report it with the RoomCall version.';

/**
 * The problem an error is. `frontEndRules` classify the front-end's own errors (the app's
 * services, the CLI's usage errors) and are tried first; an error no rule knows is 'internal'.
 */
export function classify(error: unknown, frontEndRules: readonly ProblemRule[] = []): Problem {
  const again: Classify = (inner) => classify(inner, frontEndRules);
  for (const candidate of [...frontEndRules, ...CORE_PROBLEM_RULES]) {
    const found = candidate.match(error, again);
    if (found !== null) return found;
  }
  const storage = fileSystemProblem(error);
  if (storage !== null) return storage;
  const errorName = error instanceof Error ? error.name : typeof error;
  const message =
    error instanceof Error ? `${error.name}: ${error.message}` : 'Something unexpected went wrong';
  return problem('internal', message, REPORT_HINT, { errorName });
}
