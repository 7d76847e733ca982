/**
 * How many invites the history keeps. On its own, without the history's schema (zod), so that
 * what only needs the number (the CLI's `history --help`) loads nothing else.
 */
export const MAX_HISTORY = 100;
