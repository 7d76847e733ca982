/**
 * The CLI's entry (bundled to out/cli/roomcall-main.mjs, which the launcher, roomcall.mjs,
 * loads): wires the real world (system-deps.ts) into runCli and sets the exit code. Nothing
 * else belongs here; run.ts is what the tests drive.
 */
import { resolveDataDir } from '../core/store/paths';
import { systemCliClock, type CliDeps } from './deps';
import { EXIT_INTERRUPTED } from './exit-codes';
import { runCli } from './run';
import {
  keychainStore,
  stderrStream,
  stdoutStream,
  streamSink,
  terminalPrompter,
} from './system-deps';

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

const deps: CliDeps = {
  env: process.env,
  stdout: streamSink(stdoutStream),
  stderr: streamSink(stderrStream),
  // Getters: process.stdin is built when first read, which only some commands need.
  stdin: {
    get isTTY() {
      return process.stdin.isTTY;
    },
    get chunks() {
      return process.stdin;
    },
  },
  fetch: (input, init) => globalThis.fetch(input, init),
  clock: systemCliClock,
  credentialStore: keychainStore,
  dataDir: resolveDataDir(),
  prompt: terminalPrompter(),
  onInterrupt,
};

process.exitCode = await runCli(process.argv.slice(2), deps);
