/**
 * `runCli` in relay mode, in this process: the real relay (relay-harness.ts) in front of the
 * simulator, an in-memory relay keychain, a Tencent credential store that fails the test if it
 * is touched, a temporary data folder, captured output. The CLI's waits are short real sleeps
 * (the relay and the simulator keep real time) while its clock moves on by the full wait, so
 * `--wait` polls quickly and still ends by its own deadline.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliDeps } from '../../../main/cli/deps';
import type { ExitCode } from '../../../main/cli/exit-codes';
import { runCli } from '../../../main/cli/run';
import type { CredentialStore } from '../../../main/core/secrets/credential-store';
import {
  createMemoryRelayTokenStore,
  type MemoryRelayTokenStore,
} from '../../../main/core/secrets/memory-store';
import { NO_MANAGED_CONFIG, pipedStdin } from '../../integration/cli-harness';

export interface JourneyRun {
  readonly code: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliJourneys {
  readonly dataDir: string;
  readonly relayTokens: MemoryRelayTokenStore;
  /** Every Tencent credential store call (there must be none in relay mode). */
  readonly credentialCalls: string[];
  run(
    argv: readonly string[],
    options?: { env?: Record<string, string>; stdin?: string },
  ): Promise<JourneyRun>;
  close(): Promise<void>;
}

/** Where no managed file is, unless a test sets one. */

export interface CliJourneyOptions {
  /** What `auth login --browser` opens (a scripted browser); default: nothing opened. */
  readonly openBrowser?: (url: string) => Promise<void>;
}

export async function startCliJourneys(options: CliJourneyOptions = {}): Promise<CliJourneys> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-cli-'));
  const relayTokens = createMemoryRelayTokenStore();
  const credentialCalls: string[] = [];
  const credentials: CredentialStore = {
    get: (profile) => {
      credentialCalls.push(`get ${profile}`);
      return Promise.resolve(null);
    },
    set: (profile) => {
      credentialCalls.push(`set ${profile}`);
      return Promise.resolve();
    },
    delete: (profile) => {
      credentialCalls.push(`delete ${profile}`);
      return Promise.resolve(false);
    },
  };
  let skipped = 0;

  async function run(
    argv: readonly string[],
    runOptions: { env?: Record<string, string>; stdin?: string } = {},
  ): Promise<JourneyRun> {
    let stdout = '';
    let stderr = '';
    const deps: CliDeps = {
      env: { ...NO_MANAGED_CONFIG, ...runOptions.env },
      stdout: { write: (text) => (stdout += text), isTTY: false },
      stderr: { write: (text) => (stderr += text), isTTY: false },
      stdin: pipedStdin(runOptions.stdin, false),
      fetch: (input, init) => globalThis.fetch(input, init),
      clock: {
        now: () => Date.now() + skipped,
        sleep: async (ms, signal) => {
          if (signal?.aborted === true) return;
          const real = Math.min(ms, 60);
          await new Promise((resolve) => setTimeout(resolve, real));
          skipped += ms - real;
        },
      },
      credentialStore: () => credentials,
      relayTokenStore: () => relayTokens,
      openBrowser: options.openBrowser ?? (() => Promise.resolve()),
      dataDir,
      prompt: { ask: () => Promise.resolve(null), askHidden: () => Promise.resolve(null) },
      onInterrupt: () => () => undefined,
      timeZone: 'Asia/Shanghai',
      client: { retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 10 }, timeoutMs: 4_000 },
    };
    const code = await runCli(argv, deps);
    return { code, stdout, stderr };
  }

  return {
    dataDir,
    relayTokens,
    credentialCalls,
    run,
    close: () => rm(dataDir, { recursive: true, force: true }),
  };
}
