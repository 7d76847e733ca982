/**
 * Set-up for the CLI's in-process tests: `runCli` with the real client talking real HTTP to
 * the simulator on loopback (no mocked fetch), an in-memory keychain, a temporary data folder,
 * captured output, a scripted terminal, and one virtual clock shared by the simulator and the
 * CLI (test/helpers/virtual-simulator.ts), so `--wait` (2 s polls, 75 s deadline) runs in
 * milliseconds. A skew makes the CLI's clock run ahead of the server's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliDeps } from '../../main/cli/deps';
import type { ExitCode } from '../../main/cli/exit-codes';
import type { Prompter } from '../../main/cli/prompt';
import { runCli } from '../../main/cli/run';
import {
  createMemoryStore,
  type MemoryCredentialStore,
} from '../../main/core/secrets/memory-store';
import { startVirtualSimulator, type VirtualSimulatorOptions } from '../helpers/virtual-simulator';
import type { RecordedRequest, Simulator } from '../sim/index';
import { requestsTo } from './wemeet-helpers';

export { CANCEL_ROOM_CALL, ROOM_CALL, ROOM_CALL_INFO } from '../helpers/virtual-simulator';

export interface RunOptions {
  /** Replaces the default environment (the simulator's WEMEET_* variables) entirely. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** stdin, stdout and stderr all terminals (progress shown, questions allowed). */
  readonly tty?: boolean;
  /** Text on stdin (for --stdin and `import -`). */
  readonly stdin?: string;
  /** Answers the scripted terminal gives, in order; null is Ctrl-D. */
  readonly answers?: readonly (string | null)[];
  /** Checked at every wait of the CLI; when true, Ctrl-C is "pressed" once. */
  readonly interruptWhen?: (sim: Simulator) => boolean;
  /** Milliseconds the CLI's clock runs ahead of the server's. */
  readonly skewMs?: number;
  /** The IANA zone the CLI shows times in (default Asia/Shanghai). */
  readonly timeZone?: string;
}

export interface RunResult {
  readonly code: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
  /** The questions asked on the scripted terminal. */
  readonly questions: readonly string[];
  /** How many times Ctrl-C handlers were called. */
  readonly interrupts: number;
}

export interface CliHarness {
  readonly sim: Simulator;
  readonly dataDir: string;
  readonly store: MemoryCredentialStore;
  readonly env: Readonly<Record<string, string>>;
  readonly run: (argv: readonly string[], options?: RunOptions) => Promise<RunResult>;
  readonly requestsTo: (method: string, path: string) => RecordedRequest[];
  /** The simulator's virtual clock (ms since the epoch), which the CLI's clock follows. */
  readonly now: () => number;
  /** Every stdout and stderr captured so far, for leak checks. */
  readonly transcript: string[];
  readonly close: () => Promise<void>;
}

export type HarnessOptions = VirtualSimulatorOptions;

/**
 * A managed configuration that is never there: a machine with /etc/roomcall/managed.json (or
 * its macOS/Windows twin) must not change what the CLI tests see. Tests of managed
 * configuration set ROOMCALL_MANAGED_CONFIG themselves.
 */
export const NO_MANAGED_CONFIG = { ROOMCALL_MANAGED_CONFIG: '/nonexistent/roomcall/managed.json' };

/** The WEMEET_* variables that point the CLI at `sim` with its credentials and operator. */
export function simulatorEnv(sim: Simulator): Record<string, string> {
  return {
    ...NO_MANAGED_CONFIG,
    WEMEET_BASE_URL: sim.baseUrl,
    WEMEET_APP_ID: sim.credentials.appId,
    WEMEET_SECRET_ID: sim.credentials.secretId,
    WEMEET_SECRET_KEY: sim.credentials.secretKey,
    WEMEET_OPERATOR_ID: sim.operatorId,
  };
}

export async function startCliHarness(options: HarnessOptions = {}): Promise<CliHarness> {
  const { sim, now, advance } = await startVirtualSimulator(options);
  const dataDir = await mkdtemp(path.join(tmpdir(), 'roomcall-cli-'));
  const store = createMemoryStore();
  const env = simulatorEnv(sim);
  const transcript: string[] = [];

  async function run(argv: readonly string[], runOptions: RunOptions = {}): Promise<RunResult> {
    let stdout = '';
    let stderr = '';
    const questions: string[] = [];
    const answers = [...(runOptions.answers ?? [])];
    const handlers = new Set<() => void>();
    let interrupts = 0;
    let interrupted = false;
    const tty = runOptions.tty ?? false;
    const prompt: Prompter = {
      ask: (question) => {
        questions.push(question);
        return Promise.resolve(answers.length === 0 ? null : (answers.shift() ?? null));
      },
      askHidden: (question) => {
        questions.push(question);
        return Promise.resolve(answers.length === 0 ? null : (answers.shift() ?? null));
      },
    };
    const deps: CliDeps = {
      env: { ...NO_MANAGED_CONFIG, ...(runOptions.env ?? env) },
      stdout: { write: (text) => (stdout += text), isTTY: tty, columns: 100 },
      stderr: { write: (text) => (stderr += text), isTTY: tty, columns: 100 },
      stdin: pipedStdin(runOptions.stdin, tty),
      fetch: (input, init) => globalThis.fetch(input, init),
      clock: {
        now: () => now() + (runOptions.skewMs ?? 0),
        sleep: (ms, signal) => {
          if (!interrupted && runOptions.interruptWhen?.(sim) === true) {
            interrupted = true;
            for (const handler of handlers) {
              interrupts += 1;
              handler();
            }
          }
          if (signal?.aborted !== true) advance(ms);
          return Promise.resolve();
        },
      },
      credentialStore: () => store,
      dataDir,
      prompt,
      onInterrupt: (handler) => {
        handlers.add(handler);
        return () => handlers.delete(handler);
      },
      timeZone: runOptions.timeZone ?? 'Asia/Shanghai',
      client: { retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 10 }, timeoutMs: 2_000 },
    };
    const code = await runCli(argv, deps);
    transcript.push(stdout, stderr);
    return { code, stdout, stderr, questions, interrupts };
  }

  return {
    sim,
    dataDir,
    store,
    env,
    run,
    requestsTo: (method, pathname) => requestsTo(sim, method, pathname),
    now,
    transcript,
    close: async () => {
      await sim.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What a command reads on stdin: `text` once (after a tick, as a pipe delivers), or nothing. */
export function pipedStdin(text: string | undefined, isTTY: boolean): CliDeps['stdin'] {
  return {
    isTTY,
    chunks: (async function* () {
      await Promise.resolve();
      if (text !== undefined) yield text;
    })(),
  };
}

/** The parsed stdout of a --json run; fails the test unless it is exactly one document. */
// The caller names the shape it expects; the assertions that follow check it.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
export function jsonOf<T = unknown>(result: RunResult): T {
  return JSON.parse(result.stdout) as T;
}
