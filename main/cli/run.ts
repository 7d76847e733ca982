import { CommanderError } from 'commander';
import type { CliDeps } from './deps';
import { EXIT_OK, EXIT_USAGE, type ExitCode } from './exit-codes';
import { Output } from './output';
import { buildProgram } from './program';

/**
 * One run of `roomcall`: parse `argv` (the user's arguments, without node and the script),
 * run the command, print its result or its failure, and return the exit code. Never throws
 * and never exits the process: roomcall.ts sets process.exitCode from the result, and tests
 * call this directly.
 */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<ExitCode> {
  const output = new Output(deps.stdout, deps.stderr);
  let exitCode: ExitCode = EXIT_OK;
  const program = buildProgram(deps, output, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with exit code 0; every other commander exit is a usage
      // error it has already printed (unknown option, missing argument, no subcommand…).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    // Imported here, not at the top: the failures' words bring the core's problem rules (and
    // zod) with them, which help and usage errors never need (handlers.ts).
    const { describeFailure } = await import('./handlers');
    const failure = describeFailure(error, deps.timeZone);
    output.error(failure.message, failure.hint);
    return failure.exitCode;
  }
}
