import type { CredentialStore } from '../core/secrets/credential-store';
import type { RelayTokenStore } from '../core/secrets/relay-token-store';
import type { Environment } from '../core/secrets/env-credentials';
import type { FetchLike } from '../core/wemeet/transport';
import type { RetryPolicy } from '../core/wemeet/retry-policy';
import type { Prompter } from './prompt';

/**
 * Everything the CLI touches outside itself, injected, so `runCli` runs whole inside a test
 * process: real HTTP to the simulator, an in-memory keychain, a temporary data folder, a
 * virtual clock, captured output. roomcall.ts wires the real ones.
 */
export interface CliDeps {
  readonly env: Environment;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  readonly stdin: InputSource;
  readonly fetch: FetchLike;
  readonly clock: CliClock;
  /** Called at most once per run, and only by commands that need credentials. */
  readonly credentialStore: () => CredentialStore;
  /**
   * The relay sign-ins (issue 17), called at most once per run and only in relay mode.
   * Default: the OS keychain (service RoomCall, account `relay:<profile>`).
   */
  readonly relayTokenStore?: () => RelayTokenStore;
  /** Opens a sign-in page (`auth login --browser`); default: the platform's opener. */
  readonly openBrowser?: (url: string) => Promise<void>;
  /** Where settings, favourites, history and the room cache live. */
  readonly dataDir: string;
  readonly prompt: Prompter;
  /**
   * Registers what Ctrl-C (and SIGTERM, SIGHUP) does while a call is in progress; returns the
   * unregister function. Outside such a window, Ctrl-C keeps its default meaning (stop at
   * once). A second Ctrl-C stops at once too, after `onForced` has said and recorded what is
   * known (it is given a moment, not waited for without end).
   */
  readonly onInterrupt: (handler: () => void, onForced?: () => Promise<void>) => () => void;
  /** IANA zone for the times shown (tests pin one); default: the system's. */
  readonly timeZone?: string;
  /** Client tuning for tests (fast retries, short timeouts); the defaults suit people. */
  readonly client?: {
    readonly retry?: Partial<RetryPolicy>;
    readonly timeoutMs?: number;
  };
}

export interface TextSink {
  write(text: string): void;
  /** Whether a person is looking: progress and questions only then. */
  readonly isTTY: boolean;
  /** Terminal width, for help text; absent when not a terminal. */
  readonly columns?: number | undefined;
}

export interface InputSource {
  readonly isTTY: boolean;
  /** The raw input, for `auth login --stdin`. */
  readonly chunks: AsyncIterable<string | Uint8Array>;
}

/**
 * Wall-clock time (request timestamps, history, meeting times) and waiting (the invite's
 * polling, the client's retry backoff). One clock for both, so a test can skew or fast-forward
 * everything at once. A `--wait` lasts about a minute, so a wall-clock change during it can at
 * worst stretch or shorten the wait, never break the call.
 */
export interface CliClock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or early (never rejecting) once `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The real clock. */
export const systemCliClock: CliClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted === true) {
        resolve();
        return;
      }
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      signal?.addEventListener('abort', finish, { once: true });
    }),
};
