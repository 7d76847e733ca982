import { Command } from 'commander';
import { CliContext } from './context';
import type { CliDeps } from './deps';
import type { ExitCode } from './exit-codes';
import { OptionValues } from './options';
import type { Output } from './output';

/**
 * The glue between commander and the commands: each command is a plain async function of a
 * CliContext, its options and its arguments, returning its exit code. Errors it throws are
 * sorted into exit codes by run.ts (failures.ts), in one place for every command.
 */
export type CommandHandler = (
  ctx: CliContext,
  options: OptionValues,
  args: readonly (string | undefined)[],
) => Promise<ExitCode>;

export type ActionDefiner = (command: Command, handler: CommandHandler) => void;

export function actionDefiner(
  deps: CliDeps,
  output: Output,
  onExit: (code: ExitCode) => void,
): ActionDefiner {
  return (command, handler) => {
    command.action(async (...params: unknown[]) => {
      // commander passes the declared arguments, then the options, then the command itself.
      const self = params.at(-1);
      if (!(self instanceof Command)) throw new Error('commander did not pass the command');
      const options = new OptionValues(self.optsWithGlobals());
      const args = params
        .slice(0, -2)
        .map((value) => (typeof value === 'string' ? value : undefined));
      const ctx = new CliContext(deps, output, options.string('profile'));
      onExit(await handler(ctx, options, args));
    });
  };
}
