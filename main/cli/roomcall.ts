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
 * 130 by itself); a second one, or one outside such a window, stops at once, after `onForced`
 * (given at most 2 s) has said what is known. SIGTERM (a service manager, `kill`) and SIGHUP
 * (the terminal closed) mean the same as Ctrl-C: a ringing call is cancelled, not abandoned.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const FORCED_WAIT_MS = 2_000;

function onInterrupt(handler: () => void, onForced?: () => Promise<void>): () => void {
  let pressed = false;
  let forcing = false;
  const listener = () => {
    if (!pressed) {
      pressed = true;
      handler();
      return;
    }
    if (forcing) return;
    forcing = true;
    const timer = new Promise<void>((resolve) => setTimeout(resolve, FORCED_WAIT_MS).unref());
    void Promise.race([onForced?.() ?? Promise.resolve(), timer])
      .catch(() => undefined)
      .finally(() => process.exit(EXIT_INTERRUPTED));
  };
  for (const signal of STOP_SIGNALS) process.on(signal, listener);
  return () => {
    for (const signal of STOP_SIGNALS) process.off(signal, listener);
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
