import type { CliContext } from './context';
import type { ExitCode } from './exit-codes';
import type { OptionValues } from './options';

/**
 * What runs a command: the context, the parsed options and arguments in, the exit code out. On
 * its own so the commands' code (handlers.ts and what it exports) can name it without importing
 * program-support.ts, which imports their code's type.
 */
export type CommandHandler = (
  ctx: CliContext,
  options: OptionValues,
  args: readonly (string | undefined)[],
) => Promise<ExitCode>;
