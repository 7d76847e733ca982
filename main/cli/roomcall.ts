/**
 * The `roomcall` executable (bundled to out/cli/roomcall.mjs): wires the real world into
 * runCli and sets the exit code. Nothing else belongs here; run.ts is what the tests drive.
 */
import { createKeytarStore } from '../core/secrets/keytar-store';
import { resolveDataDir } from '../core/store/paths';
import { systemCliClock, type CliDeps } from './deps';
import { EXIT_INTERRUPTED } from './exit-codes';
import { createTerminalPrompter } from './prompt';
import { runCli } from './run';

/**
 * Ctrl-C while a call rings: the first one asks the command to cancel the call (it then exits
 * 130 by itself); a second one, or one outside such a window, stops at once.
 */
function onInterrupt(handler: () => void): () => void {
  let pressed = false;
  const listener = () => {
    if (pressed) process.exit(EXIT_INTERRUPTED);
    pressed = true;
    handler();
  };
  process.on('SIGINT', listener);
  return () => {
    process.off('SIGINT', listener);
  };
}

// `roomcall rooms | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const deps: CliDeps = {
  env: process.env,
  stdout: {
    write: (text) => process.stdout.write(text),
    // Undefined rather than false when piped: the CLI only ever tests it for truth.
    isTTY: process.stdout.isTTY,
    columns: process.stdout.columns,
  },
  stderr: {
    write: (text) => process.stderr.write(text),
    isTTY: process.stderr.isTTY,
    columns: process.stderr.columns,
  },
  stdin: { isTTY: process.stdin.isTTY, chunks: process.stdin },
  fetch: (input, init) => globalThis.fetch(input, init),
  clock: systemCliClock,
  credentialStore: () => createKeytarStore(),
  dataDir: resolveDataDir(),
  prompt: createTerminalPrompter(process.stdin, process.stderr),
  onInterrupt,
};

process.exitCode = await runCli(process.argv.slice(2), deps);
