import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { redactLine } from '../ipc/secret-guard';

/**
 * The main process's log: every line to stderr (development, `--enable-logging`) and, once
 * openLogFile() has run, to `main.log` in the app's logs folder (app.getPath('logs'):
 * ~/Library/Logs/RoomCall on macOS, <userData>/logs elsewhere: electron's electron_paths.cc,
 * DIR_APP_LOGS), because a packaged GUI app's stderr goes nowhere anyone can read.
 *
 * Secrets never reach it: RoomCall's own error messages hold none, anything else is logged by
 * name and message only, and every line is scrubbed of the SecretIds and SecretKeys the
 * process knows and of anything written as `secretKey=…`/`Signature: …` before it is written.
 *
 * The file rotates by size (a few small writes, only for problems and start-ups: a hand-written
 * rotation is enough, electron-log would add a dependency for the same four renames):
 * main.log → main.1.log → … → main.<keep>.log, the oldest dropped.
 */
export const LOG_FILE = 'main.log';
const MAX_BYTES = 512 * 1024;
const KEEP = 3;

export interface LogFileOptions {
  readonly dir: string;
  readonly maxBytes?: number;
  readonly keep?: number;
  readonly now?: () => Date;
}

let sink: { readonly file: string; write(line: string): void } | null = null;
let knownSecrets: () => readonly string[] = () => [];

/** Secrets and secret-looking fields replaced by [redacted] (shared with diagnostics). */
export { redactLine };

/** Starts writing to the logs folder; returns the file's path. */
export function openLogFile(options: LogFileOptions): string {
  const file = path.join(options.dir, LOG_FILE);
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  const keep = options.keep ?? KEEP;
  const now = options.now ?? (() => new Date());
  mkdirSync(options.dir, { recursive: true });
  sink = {
    file,
    write(line) {
      const text = `${now().toISOString()} ${line}\n`;
      try {
        if (sizeOf(file) + Buffer.byteLength(text) > maxBytes) rotate(file, keep);
        appendFileSync(file, text, { mode: 0o600 });
      } catch {
        // A full or read-only disk must not take the app down with it; stderr still has it.
      }
    },
  };
  return file;
}

/** The function that lists the secrets to scrub (the session's, once it exists). */
export function setLogSecrets(secrets: () => readonly string[]): void {
  knownSecrets = secrets;
}

export function logFilePath(): string | null {
  return sink?.file ?? null;
}

/** The last lines of the current log file, for diagnostics. */
export function recentLogLines(count: number): string[] {
  if (sink === null) return [];
  try {
    return readFileSync(sink.file, 'utf8').split('\n').filter(Boolean).slice(-count);
  } catch {
    return [];
  }
}

export function logInfo(message: string): void {
  write(`[roomcall] ${message}`);
}

export function logProblem(what: string, detail: unknown): void {
  const text =
    detail instanceof Error ? `${detail.name}: ${detail.message}` : String(detail).slice(0, 500);
  write(`[roomcall] ${what}: ${text}`);
}

function write(raw: string): void {
  let secrets: readonly string[] = [];
  try {
    secrets = knownSecrets();
  } catch {
    // The session may not be readable yet; the field patterns still apply.
  }
  const line = redactLine(raw, secrets);
  console.error(line);
  sink?.write(line);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function rotate(file: string, keep: number): void {
  const numbered = (n: number) => file.replace(/\.log$/, `.${n}.log`);
  rmSync(numbered(keep), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(numbered(n), numbered(n + 1));
    } catch {
      // not there yet
    }
  }
  renameSync(file, numbered(1));
}
