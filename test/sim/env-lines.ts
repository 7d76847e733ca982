/**
 * The simulator's address and demo credentials as shell lines (`export NAME='value'`), so a
 * shell can take them as they are: `source sim.env`. The credentials are the fixed fake demo
 * ones (data.ts), never a real account's.
 */
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Simulator } from './types';

/** POSIX single quotes: the value is taken literally by sh, bash and zsh. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** WEMEET_BASE_URL, WEMEET_APP_ID, [WEMEET_SDK_ID], WEMEET_SECRET_ID, _KEY, WEMEET_OPERATOR_ID. */
export function exportLines(
  sim: Pick<Simulator, 'baseUrl' | 'credentials' | 'operatorId'>,
): string[] {
  const pairs: [string, string][] = [
    ['WEMEET_BASE_URL', sim.baseUrl],
    ['WEMEET_APP_ID', sim.credentials.appId],
    ...(sim.credentials.sdkId === undefined
      ? []
      : [['WEMEET_SDK_ID', sim.credentials.sdkId] as [string, string]]),
    ['WEMEET_SECRET_ID', sim.credentials.secretId],
    ['WEMEET_SECRET_KEY', sim.credentials.secretKey],
    ['WEMEET_OPERATOR_ID', sim.operatorId],
  ];
  return pairs.map(([name, value]) => `export ${name}=${shellQuote(value)}`);
}

/**
 * Writes the lines to `path` all at once (a temporary file renamed into place), so a shell that
 * waits for the file to exist never sources half of it. Owner-only, like any credentials file.
 */
export async function writeEnvFile(path: string, lines: readonly string[]): Promise<void> {
  const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${lines.join('\n')}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** Removes a file left by an earlier run, so waiting for it means waiting for this run. */
export async function removeEnvFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
