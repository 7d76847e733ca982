import { version } from '../../../package.json';
import { readRelayConfig, RelayConfigError, type RelayConfig } from '../../relay/config';
import { serveRelay } from '../../relay/serve';
import type { CliContext } from '../context';
import { EXIT_OK, UsageError, type ExitCode } from '../exit-codes';

/**
 * `roomcall relay serve`: runs until SIGINT/SIGTERM/SIGHUP, then stops gracefully and exits 0
 * (a service manager's stop is not a failure). Log lines go to stdout as they are.
 */
export async function runServe(ctx: CliContext): Promise<ExitCode> {
  const config = relayConfig(ctx);
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  // Registered before the relay starts, so a signal during start-up also stops it cleanly.
  const unregister = ctx.deps.onInterrupt(stop);
  try {
    const relay = await serveRelay(config, {
      env: ctx.deps.env,
      credentialStore: ctx.deps.credentialStore,
      write: (line) => {
        ctx.deps.stdout.write(line);
      },
      version,
      fetch: ctx.deps.fetch,
    }).catch(asUsage);
    ctx.output.note(`RoomCall relay ${version} listening on ${relay.url}`);
    await stopped;
    await relay.close();
    return EXIT_OK;
  } finally {
    unregister();
  }
}

/** The relay's configuration; a bad one is the user's to fix (exit 2). */
export function relayConfig(ctx: CliContext): RelayConfig {
  try {
    return readRelayConfig(ctx.deps.env);
  } catch (error) {
    return asUsage(error);
  }
}

const LISTEN_PROBLEMS: Readonly<Record<string, string>> = {
  EADDRINUSE: 'is in use by another program',
  EADDRNOTAVAIL: 'is not an address of this machine',
  EACCES: 'needs privileges (ports below 1024)',
};

export function asUsage(error: unknown): never {
  if (error instanceof RelayConfigError) throw new UsageError(error.message, 'See docs/relay.md.');
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  const listen = error instanceof Error && 'syscall' in error && error.syscall === 'listen';
  const problem = LISTEN_PROBLEMS[code];
  if (listen && problem !== undefined) {
    throw new UsageError(`The relay's address (ROOMCALL_RELAY_LISTEN) ${problem} (${code}).`);
  }
  throw error;
}
