import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/**
 * A child process run to its end with its output collected, for the tests that must run a real
 * process (the built `roomcall`, a shell session): killed, and the test failed with what it
 * printed, should it not finish in time.
 */

export interface Finished {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly cwd?: string;
  readonly timeoutMs: number;
  /** Names the run in the timeout's message. */
  readonly what: string;
  /** Called once it started (e.g. to signal it: SIGINT once it is ringing). */
  readonly onStart?: (child: ChildProcess) => void;
}

export function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.what} did not finish:\n${stdout}\n${stderr}`));
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    options.onStart?.(child);
  });
}

/**
 * The built CLI (`script`, from buildCliBundle) in a clean environment: only PATH, a throwaway
 * home and data folder under `home`, and the test's own variables.
 */
export function runBuiltCli(
  script: string,
  home: string,
  args: readonly string[],
  options: Omit<RunOptions, 'what' | 'env'> & { readonly env: Readonly<Record<string, string>> },
): Promise<Finished> {
  return runProcess(process.execPath, [script, ...args], {
    ...options,
    what: `roomcall ${args.join(' ')}`,
    env: {
      PATH: process.env['PATH'] ?? '',
      HOME: home,
      ROOMCALL_DATA_DIR: path.join(home, 'data'),
      ...options.env,
    },
  });
}
