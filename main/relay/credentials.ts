import { open } from 'node:fs/promises';
import { constants } from 'node:fs';
import type { CredentialStore, StoredCredentials } from '../core/secrets/credential-store';
import {
  readEnvCredentials,
  readEnvSettings,
  type Environment,
} from '../core/secrets/env-credentials';
import { ENV_VARS } from '../core/secrets/env-vars';
import { DEFAULT_BASE_URL } from '../shared/rules/base-url';
import { RelayConfigError, RELAY_ENV, type CredentialsSource } from './config';

/**
 * The enterprise app's credentials, from the one source the configuration names: the
 * WEMEET_* variables, a secrets file of the same KEY=value lines, or a keychain profile. Parsed
 * by the core's own rules (env-credentials.ts), so the relay accepts exactly what the CLI does.
 * Messages name variables and files, never a value.
 */

export interface RelayCredentials {
  readonly credentials: StoredCredentials;
  readonly baseUrl: string;
}

/** A secrets file larger than this is not a few KEY=value lines. */
const MAX_SECRETS_FILE = 64 * 1024;
const KEY_VALUE = /^\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/;
const ALLOWED_KEYS: ReadonlySet<string> = new Set(Object.values(ENV_VARS));

export interface ResolveOptions {
  readonly env: Environment;
  /** Opened only for the keychain source. */
  readonly credentialStore: () => CredentialStore;
}

export async function resolveRelayCredentials(
  source: CredentialsSource,
  options: ResolveOptions,
): Promise<RelayCredentials> {
  const env = source.kind === 'file' ? await readSecretsFile(source.path) : options.env;
  const baseUrl = readEnvSettings(env).baseUrl ?? DEFAULT_BASE_URL;
  if (source.kind === 'keychain') {
    const stored = await options.credentialStore().get(source.profile);
    if (stored === null) {
      throw new RelayConfigError(
        `The keychain has no RoomCall credentials in profile "${source.profile}" (${RELAY_ENV.keychainProfile}). Store them with \`roomcall auth login --profile ${source.profile}\` as the relay's user.`,
        [RELAY_ENV.keychainProfile],
      );
    }
    return { credentials: stored, baseUrl };
  }
  const credentials = readEnvCredentials(env);
  if (credentials === null) {
    const where = source.kind === 'file' ? `the secrets file ${source.path}` : 'the environment';
    throw new RelayConfigError(
      `No Tencent credentials in ${where}: set ${ENV_VARS.appId}, ${ENV_VARS.secretId} and ${ENV_VARS.secretKey} (or ${RELAY_ENV.secretsFile} / ${RELAY_ENV.keychainProfile}).`,
      [ENV_VARS.appId, ENV_VARS.secretId, ENV_VARS.secretKey],
    );
  }
  return { credentials, baseUrl };
}

/**
 * KEY=value lines (blank lines and # comments allowed, values optionally quoted). Refused when
 * the group or others may read it, as ssh refuses a private key: the file holds the secret
 * that can act as anyone in the company.
 */
export async function readSecretsFile(file: string): Promise<Environment> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW).catch(
    (error: unknown) => {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
      throw new RelayConfigError(
        `The secrets file ${file} (${RELAY_ENV.secretsFile}) cannot be opened (${code}); symbolic links are refused.`,
        [RELAY_ENV.secretsFile],
      );
    },
  );
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.size > MAX_SECRETS_FILE) {
      throw new RelayConfigError(`The secrets file ${file} is not a small regular file.`, [
        RELAY_ENV.secretsFile,
      ]);
    }
    if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
      const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
      throw new RelayConfigError(
        `The secrets file ${file} may be read by other users (mode ${mode}): run \`chmod 600 ${file}\` so only the relay's user can.`,
        [RELAY_ENV.secretsFile],
      );
    }
    return parseSecretsText(await handle.readFile({ encoding: 'utf8' }), file);
  } finally {
    await handle.close();
  }
}

export function parseSecretsText(text: string, file: string): Environment {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, index) => {
    if (/^\s*(#|$)/.test(line)) return;
    const match = KEY_VALUE.exec(line);
    const key = match?.[1];
    if (match === null || key === undefined || !ALLOWED_KEYS.has(key)) {
      // The line number only: the line may be a secret typed in the wrong place.
      throw new RelayConfigError(
        `The secrets file ${file}, line ${index + 1}: expected KEY=value with one of ${[...ALLOWED_KEYS].join(', ')}.`,
        [RELAY_ENV.secretsFile],
      );
    }
    values[key] = unquote(match[2] ?? '');
  });
  return values;
}

function unquote(value: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(value);
  return quoted?.[2] ?? value;
}
