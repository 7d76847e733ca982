import type { CredentialStore } from '../core/secrets/credential-store';
import type { TextSink } from './deps';
import type { Prompter } from './prompt';

/**
 * The real terminal and keychain for roomcall.ts, each made on first use. Most runs never
 * touch most of them (`--help` writes stdout and nothing else; local commands never open the
 * keychain), and making one costs start-up time: Node builds a standard stream when it is first
 * read, the keychain's code brings the credentials' schemas, the prompter brings readline.
 */

/** `roomcall rooms | head` closes the pipe early: that is the reader's choice, not an error. */
function onStreamError(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
}

/** stdout or stderr, built when first used, with the EPIPE rule above. */
function lazyStream(get: () => NodeJS.WriteStream): () => NodeJS.WriteStream {
  let stream: NodeJS.WriteStream | undefined;
  return () => {
    if (stream === undefined) {
      stream = get();
      stream.on('error', onStreamError);
    }
    return stream;
  };
}

export const stdoutStream = lazyStream(() => process.stdout);
export const stderrStream = lazyStream(() => process.stderr);

export function streamSink(stream: () => NodeJS.WriteStream): TextSink {
  return {
    write: (text) => stream().write(text),
    // Undefined rather than false when piped: the CLI only ever tests it for truth.
    get isTTY() {
      return stream().isTTY;
    },
    get columns() {
      return stream().columns;
    },
  };
}

/** The keychain (keytar), its code imported when a command first needs a credential. */
export function keychainStore(): CredentialStore {
  const store = import('./handlers').then((code) => code.createKeytarStore());
  return {
    get: async (profile) => (await store).get(profile),
    set: async (profile, value) => (await store).set(profile, value),
    delete: async (profile) => (await store).delete(profile),
  };
}

/** Questions on the terminal (stdin, stderr), readline loaded for the first one. */
export function terminalPrompter(): Prompter {
  let prompter: Promise<Prompter> | undefined;
  const load = () =>
    (prompter ??= import('./handlers').then((code) =>
      code.createTerminalPrompter(process.stdin, stderrStream()),
    ));
  return {
    ask: async (question) => (await load()).ask(question),
    askHidden: async (question) => (await load()).askHidden(question),
  };
}
