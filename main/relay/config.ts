import path from 'node:path';
import { z } from 'zod';
import type { Environment } from '../core/secrets/env-credentials';
import { ENV_CREDENTIAL_VARS } from '../core/secrets/env-vars';

/**
 * The relay's configuration, from the environment only (a container's or a systemd unit's
 * EnvironmentFile): every variable is documented in docs/relay.md. Errors name the variable
 * and the rule, never the value, so a database URL's password or a misplaced secret pasted into
 * the wrong variable never reaches a log.
 *
 * The Tencent credentials are not read here: where they come from is (`credentials`), and
 * credentials.ts reads them when the server starts, so `relay token` and `relay audit` work on
 * a machine that holds the storage but not the enterprise secret.
 */

export const RELAY_ENV = {
  listen: 'ROOMCALL_RELAY_LISTEN',
  secretsFile: 'ROOMCALL_RELAY_SECRETS_FILE',
  keychainProfile: 'ROOMCALL_RELAY_KEYCHAIN_PROFILE',
  storage: 'ROOMCALL_RELAY_STORAGE',
  sqlitePath: 'ROOMCALL_RELAY_SQLITE_PATH',
  databaseUrl: 'ROOMCALL_RELAY_DATABASE_URL',
  redisUrl: 'ROOMCALL_RELAY_REDIS_URL',
  oidcIssuer: 'ROOMCALL_RELAY_OIDC_ISSUER',
  oidcAudience: 'ROOMCALL_RELAY_OIDC_AUDIENCE',
  oidcClientId: 'ROOMCALL_RELAY_OIDC_CLIENT_ID',
  oidcClientSecret: 'ROOMCALL_RELAY_OIDC_CLIENT_SECRET',
  oidcOperatorClaim: 'ROOMCALL_RELAY_OIDC_OPERATOR_CLAIM',
  oidcScopes: 'ROOMCALL_RELAY_OIDC_SCOPES',
  tokens: 'ROOMCALL_RELAY_TOKENS',
  companyPerMinute: 'ROOMCALL_RELAY_COMPANY_PER_MINUTE',
  personPerMinute: 'ROOMCALL_RELAY_PERSON_PER_MINUTE',
  directoryTtlSeconds: 'ROOMCALL_RELAY_DIRECTORY_TTL_SECONDS',
  shutdownGraceSeconds: 'ROOMCALL_RELAY_SHUTDOWN_GRACE_SECONDS',
  auditRetentionDays: 'ROOMCALL_RELAY_AUDIT_RETENTION_DAYS',
} as const;

/** 80% of Tencent's published 300 calls/min per app (reference §5): room for other tools. */
export const DEFAULT_COMPANY_PER_MINUTE = 240;
export const DEFAULT_PERSON_PER_MINUTE = 60;
export const DEFAULT_LISTEN = '127.0.0.1:8787';
export const DEFAULT_SQLITE_FILE = 'roomcall-relay.sqlite';

export type CredentialsSource =
  | { readonly kind: 'environment' }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'keychain'; readonly profile: string };

export type RelayStorageConfig =
  | { readonly kind: 'sqlite'; readonly sqlitePath: string }
  | { readonly kind: 'postgres'; readonly databaseUrl: string; readonly redisUrl: string };

export interface RelayOidcConfig {
  readonly issuer: string;
  readonly audience: string;
  /** The desktops' public client, advertised at /v1/sign-in-config. */
  readonly clientId: string;
  /**
   * Only for providers that demand one from installed apps (Google's "Desktop app" clients,
   * whose secret Google says is not confidential): advertised to desktops with the client id.
   */
  readonly clientSecret: string | null;
  /** The claim that holds the enterprise userid (operator_id). */
  readonly operatorClaim: string;
  readonly scopes: readonly string[];
}

export interface RelayConfig {
  readonly listen: { readonly host: string; readonly port: number };
  readonly credentials: CredentialsSource;
  readonly storage: RelayStorageConfig;
  readonly oidc: RelayOidcConfig | null;
  /** Per-person tokens accepted. */
  readonly tokens: boolean;
  readonly companyPerMinute: number;
  readonly personPerMinute: number;
  readonly directoryTtlSeconds: number;
  readonly shutdownGraceSeconds: number;
  /** Audit entries older than this many days are deleted by the relay; null keeps them all. */
  readonly auditRetentionDays: number | null;
}

/** Variables set but unusable, by name only. */
export class RelayConfigError extends Error {
  readonly variables: readonly string[];
  constructor(message: string, variables: readonly string[]) {
    super(message);
    this.name = 'RelayConfigError';
    this.variables = variables;
  }
}

const HOST = /^(?:[A-Za-z0-9.-]{1,253}|\[[0-9A-Fa-f:.]{2,45}\])$/;

const listenSchema = z.string().transform((text, ctx) => {
  const at = text.lastIndexOf(':');
  const host = at > 0 ? text.slice(0, at) : '';
  const port = Number(text.slice(at + 1));
  if (!HOST.test(host) || !Number.isInteger(port) || port < 0 || port > 65535) {
    ctx.addIssue({ code: 'custom', message: 'host:port, e.g. 127.0.0.1:8787 or [::]:8787' });
    return z.NEVER;
  }
  return { host: host.startsWith('[') ? host.slice(1, -1) : host, port };
});

const count = (max: number) => z.coerce.number().int().min(1).max(max);
const onOff = z.enum(['on', 'off']).transform((value) => value === 'on');
const httpsUrl = z.url({ protocol: /^https?$/ });
const claimName = z.string().regex(/^[A-Za-z0-9_.:/-]{1,100}$/, 'a claim name');
const scopeList = z
  .string()
  .transform((text) => text.split(/[\s,]+/).filter((scope) => scope !== ''))
  .pipe(z.array(z.string().regex(/^[\x21-\x7e]{1,100}$/)).min(1));

const envSchema = z.object({
  [RELAY_ENV.listen]: listenSchema.default(listenSchema.parse(DEFAULT_LISTEN)),
  [RELAY_ENV.secretsFile]: z.string().min(1).optional(),
  [RELAY_ENV.keychainProfile]: z.string().min(1).max(64).optional(),
  [RELAY_ENV.storage]: z.enum(['sqlite', 'postgres']).default('sqlite'),
  [RELAY_ENV.sqlitePath]: z.string().min(1).optional(),
  [RELAY_ENV.databaseUrl]: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  [RELAY_ENV.redisUrl]: z.url({ protocol: /^rediss?$/ }).optional(),
  [RELAY_ENV.oidcIssuer]: httpsUrl.optional(),
  [RELAY_ENV.oidcAudience]: z.string().min(1).max(400).optional(),
  [RELAY_ENV.oidcClientId]: z.string().min(1).max(400).optional(),
  [RELAY_ENV.oidcClientSecret]: z
    .string()
    .regex(/^[\x21-\x7e]{1,400}$/, 'visible ASCII')
    .optional(),
  [RELAY_ENV.oidcOperatorClaim]: claimName.default('preferred_username'),
  [RELAY_ENV.oidcScopes]: scopeList.optional(),
  [RELAY_ENV.tokens]: onOff.default(true),
  [RELAY_ENV.companyPerMinute]: count(1_000_000).default(DEFAULT_COMPANY_PER_MINUTE),
  [RELAY_ENV.personPerMinute]: count(1_000_000).default(DEFAULT_PERSON_PER_MINUTE),
  [RELAY_ENV.directoryTtlSeconds]: count(86_400).default(600),
  [RELAY_ENV.shutdownGraceSeconds]: z.coerce.number().int().min(0).max(3600).default(10),
  [RELAY_ENV.auditRetentionDays]: count(36_500).optional(),
});

/** Only the relay's own variables, with empty ones unset (CI expands missing secrets to ""). */
function relayVariables(env: Environment): Record<string, string> {
  const names: readonly string[] = Object.values(RELAY_ENV);
  return Object.fromEntries(
    names.flatMap((name) => {
      const value = env[name];
      return value === undefined || value === '' ? [] : [[name, value]];
    }),
  );
}

export function readRelayConfig(env: Environment): RelayConfig {
  const parsed = envSchema.safeParse(relayVariables(env));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${String(issue.path[0])}: ${issue.message}`,
    );
    const names = parsed.error.issues.map((issue) => String(issue.path[0]));
    throw new RelayConfigError(
      `The relay's configuration is not usable: ${problems.join('; ')} (docs/relay.md).`,
      [...new Set(names)],
    );
  }
  const vars = parsed.data;
  return {
    listen: vars[RELAY_ENV.listen],
    credentials: credentialsSource(
      env,
      vars[RELAY_ENV.secretsFile],
      vars[RELAY_ENV.keychainProfile],
    ),
    storage: storageConfig(env, vars),
    oidc: oidcConfig(vars),
    tokens: vars[RELAY_ENV.tokens],
    companyPerMinute: vars[RELAY_ENV.companyPerMinute],
    personPerMinute: vars[RELAY_ENV.personPerMinute],
    directoryTtlSeconds: vars[RELAY_ENV.directoryTtlSeconds],
    shutdownGraceSeconds: vars[RELAY_ENV.shutdownGraceSeconds],
    auditRetentionDays: vars[RELAY_ENV.auditRetentionDays] ?? null,
  };
}

/** Exactly one source: two would leave it unclear which secret signs. */
function credentialsSource(
  env: Environment,
  file: string | undefined,
  profile: string | undefined,
): CredentialsSource {
  const fromEnv = ENV_CREDENTIAL_VARS.filter((name) => (env[name] ?? '') !== '');
  const given = [
    ...(fromEnv.length > 0 ? ['WEMEET_* credentials'] : []),
    ...(file === undefined ? [] : [RELAY_ENV.secretsFile]),
    ...(profile === undefined ? [] : [RELAY_ENV.keychainProfile]),
  ];
  if (given.length > 1) {
    throw new RelayConfigError(
      `Give the Tencent credentials one way only; ${given.join(' and ')} are all set.`,
      given,
    );
  }
  if (file !== undefined) return { kind: 'file', path: path.resolve(file) };
  if (profile !== undefined) return { kind: 'keychain', profile };
  return { kind: 'environment' };
}

type Vars = z.output<typeof envSchema>;

function storageConfig(env: Environment, vars: Vars): RelayStorageConfig {
  if (vars[RELAY_ENV.storage] === 'sqlite') {
    // systemd's StateDirectory= sets STATE_DIRECTORY; elsewhere the working folder.
    const stateDir = env['STATE_DIRECTORY']?.split(':')[0] ?? '';
    const fallback = path.join(stateDir === '' ? '.' : stateDir, DEFAULT_SQLITE_FILE);
    return { kind: 'sqlite', sqlitePath: path.resolve(vars[RELAY_ENV.sqlitePath] ?? fallback) };
  }
  const databaseUrl = vars[RELAY_ENV.databaseUrl];
  const redisUrl = vars[RELAY_ENV.redisUrl];
  if (databaseUrl === undefined || redisUrl === undefined) {
    const missing = [
      ...(databaseUrl === undefined ? [RELAY_ENV.databaseUrl] : []),
      ...(redisUrl === undefined ? [RELAY_ENV.redisUrl] : []),
    ];
    throw new RelayConfigError(
      `${RELAY_ENV.storage}=postgres needs ${missing.join(' and ')} (PostgreSQL keeps the audit log and tokens, Redis the shared directory and rate budget).`,
      missing,
    );
  }
  return { kind: 'postgres', databaseUrl, redisUrl };
}

function oidcConfig(vars: Vars): RelayOidcConfig | null {
  const issuer = vars[RELAY_ENV.oidcIssuer];
  const audience = vars[RELAY_ENV.oidcAudience];
  const clientId = vars[RELAY_ENV.oidcClientId];
  const set = [issuer, audience, clientId].filter((value) => value !== undefined);
  if (set.length === 0) return null;
  if (issuer === undefined || audience === undefined || clientId === undefined) {
    const missing = [
      ...(issuer === undefined ? [RELAY_ENV.oidcIssuer] : []),
      ...(audience === undefined ? [RELAY_ENV.oidcAudience] : []),
      ...(clientId === undefined ? [RELAY_ENV.oidcClientId] : []),
    ];
    throw new RelayConfigError(
      `OIDC sign-in needs ${RELAY_ENV.oidcIssuer}, ${RELAY_ENV.oidcAudience} and ${RELAY_ENV.oidcClientId}; ${missing.join(', ')} not set.`,
      missing,
    );
  }
  return {
    issuer,
    audience,
    clientId,
    clientSecret: vars[RELAY_ENV.oidcClientSecret] ?? null,
    operatorClaim: vars[RELAY_ENV.oidcOperatorClaim],
    scopes: vars[RELAY_ENV.oidcScopes] ?? ['openid', 'profile'],
  };
}

/** The relay must accept someone: neither tokens nor OIDC is a relay nobody can use. */
export function checkSomeoneCanSignIn(config: RelayConfig): void {
  if (!config.tokens && config.oidc === null) {
    throw new RelayConfigError(
      `${RELAY_ENV.tokens}=off and no OIDC issuer: nobody could sign in. Configure OIDC or turn tokens on.`,
      [RELAY_ENV.tokens, RELAY_ENV.oidcIssuer],
    );
  }
}
