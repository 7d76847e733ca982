import { baseUrlSchema, operatorIdSchema } from '../../shared/model/settings-schema';
import {
  storedCredentialsSchema,
  type CredentialStore,
  type StoredCredentials,
} from './credential-store';
import { credentialRuleWords, isUsableCredentialText } from '../../shared/rules/credential-text';
import { ENV_VARS } from './env-vars';

/**
 * Credentials and settings from the environment, for scripts, CI and containers where there is
 * no keychain. They take precedence over the keychain and the settings file: a script that sets
 * them gets exactly what it set. An empty variable counts as unset (CI systems expand a missing
 * secret to an empty string).
 */

// The variables' names live in env-vars.ts, which loads nothing (the CLI's help names them).
export { ENV_VARS };

const REQUIRED = [ENV_VARS.appId, ENV_VARS.secretId, ENV_VARS.secretKey] as const;

export type Environment = Readonly<Record<string, string | undefined>>;

/** A variable set but unusable, or a credential set only partly given: names, never values. */
export class EnvironmentError extends Error {
  readonly kind = 'environment';
  readonly variables: readonly string[];
  constructor(message: string, variables: readonly string[]) {
    super(message);
    this.name = 'EnvironmentError';
    this.variables = variables;
  }
}

function value(env: Environment, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? undefined : raw;
}

/**
 * The credentials the environment gives, or null when it gives none. Setting some but not all
 * of the required variables is an error that names the missing ones: silently mixing a SecretId
 * from the environment with a key from the keychain would sign with a pair that does not match.
 */
export function readEnvCredentials(env: Environment): StoredCredentials | null {
  const present = [...REQUIRED, ENV_VARS.sdkId].filter((name) => value(env, name) !== undefined);
  if (present.length === 0) return null;
  const missing = REQUIRED.filter((name) => value(env, name) === undefined);
  if (missing.length > 0) {
    throw new EnvironmentError(
      `Credentials in the environment are incomplete: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set (${present.join(', ')} ${present.length === 1 ? 'is' : 'are'}). Set all of ${REQUIRED.join(', ')} (and ${ENV_VARS.sdkId} if Tencent gave you one), or unset them to use the keychain.`,
      missing,
    );
  }
  const candidate = {
    appId: value(env, ENV_VARS.appId),
    sdkId: value(env, ENV_VARS.sdkId),
    secretId: value(env, ENV_VARS.secretId),
    secretKey: value(env, ENV_VARS.secretKey),
  };
  const parsed = storedCredentialsSchema.safeParse(candidate);
  if (!parsed.success) {
    const names = [
      ...new Set(
        parsed.error.issues.map((issue) => {
          const key = issue.path[0];
          return typeof key === 'string' && key in ENV_VARS
            ? ENV_VARS[key as keyof typeof ENV_VARS]
            : 'a WEMEET_ variable';
        }),
      ),
    ];
    throw new EnvironmentError(
      `${names.join(', ')} ${names.length === 1 ? 'is' : 'are'} not usable: each must be at most 1024 characters and use ${credentialRuleWords()}.`,
      names,
    );
  }
  const { appId, sdkId, secretId, secretKey } = parsed.data;
  return sdkId === undefined
    ? { appId, secretId, secretKey }
    : { appId, sdkId, secretId, secretKey };
}

export interface EnvSettings {
  readonly baseUrl?: string;
  readonly operatorId?: string;
}

/** WEMEET_BASE_URL and WEMEET_OPERATOR_ID, validated like the settings file's fields. */
export function readEnvSettings(env: Environment): EnvSettings {
  const baseUrlText = value(env, ENV_VARS.baseUrl);
  const operatorText = value(env, ENV_VARS.operatorId);
  let baseUrl: string | undefined;
  let operatorId: string | undefined;
  if (baseUrlText !== undefined) {
    const parsed = baseUrlSchema.safeParse(baseUrlText);
    if (!parsed.success) {
      // The schema's words: not a URL, or plain http off this machine (and why not).
      const why = parsed.error.issues[0]?.message ?? 'not a usable URL';
      throw new EnvironmentError(`${ENV_VARS.baseUrl}: ${why}.`, [ENV_VARS.baseUrl]);
    }
    baseUrl = parsed.data;
  }
  if (operatorText !== undefined) {
    const parsed = operatorIdSchema.safeParse(operatorText);
    if (!parsed.success || !isUsableCredentialText('operatorId', parsed.data)) {
      throw new EnvironmentError(
        `${ENV_VARS.operatorId} is not a usable userid: 1-128 characters, ${credentialRuleWords()}.`,
        [ENV_VARS.operatorId],
      );
    }
    operatorId = parsed.data;
  }
  return {
    ...(baseUrl === undefined ? {} : { baseUrl }),
    ...(operatorId === undefined ? {} : { operatorId }),
  };
}

export type OverridableSettings = 'baseUrl' | 'operatorId';

/** The settings with the environment's values on top, and which ones the environment set. */
export function withEnvSettings<T extends { baseUrl: string; operatorId: string | null }>(
  settings: T,
  env: Environment,
): { readonly settings: T; readonly fromEnvironment: readonly OverridableSettings[] } {
  const overrides = readEnvSettings(env);
  const fromEnvironment: OverridableSettings[] = [];
  const merged = { ...settings };
  if (overrides.baseUrl !== undefined) {
    merged.baseUrl = overrides.baseUrl;
    fromEnvironment.push('baseUrl');
  }
  if (overrides.operatorId !== undefined) {
    merged.operatorId = overrides.operatorId;
    fromEnvironment.push('operatorId');
  }
  return { settings: merged, fromEnvironment };
}

export type CredentialSource = 'environment' | 'keychain';

export interface ResolvedCredentials {
  readonly credentials: StoredCredentials;
  readonly source: CredentialSource;
  /** The keychain profile they came from; null for the environment. */
  readonly profile: string | null;
}

export interface ResolveCredentialsOptions {
  readonly env: Environment;
  readonly store: CredentialStore;
  readonly profile: string;
}

/**
 * The credentials to sign with: the environment's when it gives any (the keychain is then not
 * touched at all, so a headless runner without a Secret Service works), else the profile's
 * keychain entry, else null (not configured).
 */
export async function resolveCredentials(
  options: ResolveCredentialsOptions,
): Promise<ResolvedCredentials | null> {
  const fromEnv = readEnvCredentials(options.env);
  if (fromEnv !== null) return { credentials: fromEnv, source: 'environment', profile: null };
  const stored = await options.store.get(options.profile);
  return stored === null
    ? null
    : { credentials: stored, source: 'keychain', profile: options.profile };
}
