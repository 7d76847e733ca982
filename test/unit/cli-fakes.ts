/** Deps for runCli tests that need no server: captured output, an empty keychain. */
import type { CliDeps } from '../../main/cli/deps';
import { createMemoryStore } from '../../main/core/secrets/memory-store';

export interface Captured {
  readonly deps: CliDeps;
  readonly out: () => string;
  readonly err: () => string;
}

export function fakeDeps(overrides: Partial<CliDeps> = {}): Captured {
  let stdout = '';
  let stderr = '';
  const store = createMemoryStore();
  const deps: CliDeps = {
    env: {},
    stdout: { write: (text) => (stdout += text), isTTY: false },
    stderr: { write: (text) => (stderr += text), isTTY: false },
    stdin: { isTTY: false, chunks: (async function* () {})() },
    fetch: () => Promise.reject(new Error('no network in unit tests')),
    clock: { now: () => 1_763_000_000_000, sleep: () => Promise.resolve() },
    credentialStore: () => store,
    dataDir: '/nonexistent/roomcall-unit',
    prompt: { ask: () => Promise.resolve(null), askHidden: () => Promise.resolve(null) },
    onInterrupt: () => () => undefined,
    ...overrides,
  };
  return { deps, out: () => stdout, err: () => stderr };
}
