import { createMemoryStore } from '../../../main/core/secrets/memory-store';
import type { CliDeps } from '../../../main/cli/deps';
import { systemCliClock } from '../../../main/cli/deps';
import type { ExitCode } from '../../../main/cli/exit-codes';
import { runCli } from '../../../main/cli/run';
import { NO_MANAGED_CONFIG } from '../../integration/cli-harness';

/**
 * `roomcall` run in this process with the real clock and captured output, and a Ctrl-C the
 * test presses (`interrupt`) for `relay serve`, which runs until one comes.
 */
export interface CliRun {
  readonly done: Promise<ExitCode>;
  stdout(): string;
  stderr(): string;
  interrupt(): void;
}

export function startCli(argv: readonly string[], env: Readonly<Record<string, string>>): CliRun {
  let stdout = '';
  let stderr = '';
  const handlers = new Set<() => void>();
  const deps: CliDeps = {
    env: { ...NO_MANAGED_CONFIG, ...env },
    stdout: { write: (text) => (stdout += text), isTTY: false, columns: 120 },
    stderr: { write: (text) => (stderr += text), isTTY: false, columns: 120 },
    stdin: { isTTY: false, chunks: (async function* () {})() },
    fetch: (input, init) => globalThis.fetch(input, init),
    clock: systemCliClock,
    credentialStore: () => createMemoryStore(),
    dataDir: '/nonexistent/roomcall-data',
    prompt: { ask: () => Promise.resolve(null), askHidden: () => Promise.resolve(null) },
    onInterrupt: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    timeZone: 'Asia/Shanghai',
  };
  return {
    done: runCli(argv, deps),
    stdout: () => stdout,
    stderr: () => stderr,
    interrupt: () => {
      for (const handler of handlers) handler();
    },
  };
}

export async function runRoomcall(argv: readonly string[], env: Readonly<Record<string, string>>) {
  const run = startCli(argv, env);
  const code = await run.done;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}
