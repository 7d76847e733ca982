import { Command } from 'commander';
import { examples } from './commands/shared-options';
import type { CliDeps } from './deps';
import type { CommandHandler } from './command-handler';
import type * as Handlers from './handlers';
import type { ExitCode } from './exit-codes';
import { OptionValues } from './options';
import type { Output } from './output';

/**
 * The glue between commander and the commands: each command is a plain async function of a
 * CliContext, its options and its arguments, returning its exit code. Errors it throws are
 * sorted into exit codes by run.ts (failures.ts), in one place for every command.
 *
 * A command's definition (its name, options, arguments and help: what commander needs to print
 * help and parse) is light and always loaded; its code, and the context with the core, the
 * schemas and zod behind it, are imported (handlers.ts) only when a command runs. So `--help`
 * and a usage error load commander and the definitions alone (the bundle splits there).
 */

/** Which of the commands' code (handlers.ts, imported when the command runs) runs it. */
export type HandlerPick = (code: typeof Handlers) => CommandHandler;

/** Gives `command` its action and, when given, its help's examples (`$ roomcall …` lines). */
export type ActionDefiner = (
  command: Command,
  pick: HandlerPick,
  exampleLines?: readonly string[],
) => void;

export function actionDefiner(
  deps: CliDeps,
  output: Output,
  onExit: (code: ExitCode) => void,
): ActionDefiner {
  return (command, pick, exampleLines) => {
    if (exampleLines !== undefined) command.addHelpText('after', examples(exampleLines));
    command.action(async (...params: unknown[]) => {
      // commander passes the declared arguments, then the options, then the command itself.
      const self = params.at(-1);
      if (!(self instanceof Command)) throw new Error('commander did not pass the command');
      const options = new OptionValues(self.optsWithGlobals());
      const args = params
        .slice(0, -2)
        .map((value) => (typeof value === 'string' ? value : undefined));
      const code = await import('./handlers');
      const ctx = new code.CliContext(deps, output, options.string('profile'));
      onExit(await pick(code)(ctx, options, args));
    });
  };
}
