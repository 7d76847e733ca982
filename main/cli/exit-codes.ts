/**
 * The CLI's exit codes, part of its contract with scripts:
 * 0 success; 1 the API or the network failed (the server's code is on stderr);
 * 2 usage or input error, detected before any request is sent.
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export type ExitCode = typeof EXIT_OK | typeof EXIT_FAILURE | typeof EXIT_USAGE;

/** Bad input or usage: the command stops before it sends anything. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
