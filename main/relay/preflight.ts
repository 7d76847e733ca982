import { classify } from '../core/problem/classify';
import type { CredentialStore } from '../core/secrets/credential-store';
import type { Environment } from '../core/secrets/env-credentials';
import { createWemeetApi } from '../core/wemeet/api-impl';
import type { FetchLike } from '../core/wemeet/transport';
import type { RelayConfig } from './config';
import { resolveRelayCredentials, type RelayCredentials } from './credentials';
import { discoverJwksUri } from './identity/oidc-discovery';
import { fetchProviderJson } from './identity/oidc-fetch';
import { RELAY_PROBLEM_RULES } from './problem-rules';
import { CLIENT_TIMEOUT_MS } from './server/budget';
import { openConfiguredStorage } from './serve';
import { redactUrl } from './storage/redact';

/**
 * `roomcall relay check`: what `relay serve` depends on, tried one by one before people do,
 * each said in words: the Tencent credentials can be read, the storage opens and answers, the
 * identity provider publishes its keys, and (given an operator) Tencent accepts a signed
 * request. A check that fails does not stop the others; one that cannot run says why.
 */

export type CheckName = 'credentials' | 'storage' | 'identity-provider' | 'tencent';

export interface PreflightCheck {
  readonly name: CheckName;
  readonly status: 'ok' | 'failed' | 'skipped';
  /** What was found, or why it failed or was skipped: never a secret. */
  readonly detail: string;
  /** What to do next, for a failed check. */
  readonly hint: string | null;
  /** Tencent's error code, when Tencent refused. */
  readonly code: number | null;
}

export interface PreflightDeps {
  readonly env: Environment;
  readonly credentialStore: () => CredentialStore;
  readonly version: string;
  /** How the checks reach Tencent and the identity provider; default the global fetch. */
  readonly fetch?: FetchLike;
}

export async function runPreflight(
  config: RelayConfig,
  deps: PreflightDeps,
  operatorId: string | null,
): Promise<PreflightCheck[]> {
  const fetchImpl: FetchLike = deps.fetch ?? ((input, init) => fetch(input, init));
  let credentials: RelayCredentials | null = null;
  const credentialsCheck = await attempt('credentials', async () => {
    credentials = await resolveRelayCredentials(config.credentials, deps);
    return `${sourceWords(config)}: AppId ${credentials.credentials.appId}, ${credentials.baseUrl}`;
  });
  const storageCheck = await attempt('storage', async () => {
    const storage = await openConfiguredStorage(config);
    try {
      await storage.ping();
    } finally {
      await storage.close();
    }
    return storageWords(config);
  });
  const idpCheck =
    config.oidc === null
      ? skipped('identity-provider', 'OIDC is not configured (per-person tokens only).')
      : await attempt('identity-provider', async () => {
          const issuer = config.oidc?.issuer ?? '';
          const jwksUri = await discoverJwksUri(issuer, fetchImpl)();
          const jwks = await fetchProviderJson(fetchImpl, jwksUri.href);
          const keys = Array.isArray(jwks['keys']) ? jwks['keys'].length : 0;
          return `${issuer}: ${String(keys)} signing key${keys === 1 ? '' : 's'} at ${jwksUri.href}`;
        });
  const tencentCheck = await tencent(credentials, operatorId, deps, fetchImpl);
  return [credentialsCheck, storageCheck, idpCheck, tencentCheck];
}

async function tencent(
  resolved: RelayCredentials | null,
  operatorId: string | null,
  deps: PreflightDeps,
  fetchImpl: FetchLike,
): Promise<PreflightCheck> {
  if (resolved === null) return skipped('tencent', 'Needs the credentials above.');
  if (operatorId === null) {
    return skipped('tencent', 'Give --operator <userid> to sign a request as that person.');
  }
  const { credentials, baseUrl } = resolved;
  return attempt('tencent', async () => {
    const api = createWemeetApi({
      baseUrl,
      credentials,
      operatorId,
      fetch: fetchImpl,
      appVersion: deps.version,
      timeoutMs: CLIENT_TIMEOUT_MS,
    });
    const meetings = await api.listOperatorMeetings();
    return `${baseUrl} accepted a signed request as ${operatorId} (${String(meetings.length)} meeting${meetings.length === 1 ? '' : 's'} in progress or upcoming).`;
  });
}

async function attempt(name: CheckName, run: () => Promise<string>): Promise<PreflightCheck> {
  try {
    return { name, status: 'ok', detail: await run(), hint: null, code: null };
  } catch (error) {
    const problem = classify(error, RELAY_PROBLEM_RULES);
    return {
      name,
      status: 'failed',
      detail: problem.message,
      hint: problem.hint,
      code: problem.code,
    };
  }
}

function skipped(name: CheckName, detail: string): PreflightCheck {
  return { name, status: 'skipped', detail, hint: null, code: null };
}

function sourceWords(config: RelayConfig): string {
  const source = config.credentials;
  switch (source.kind) {
    case 'environment':
      return 'WEMEET_* variables';
    case 'file':
      return `secrets file ${source.path}`;
    case 'keychain':
      return `keychain profile "${source.profile}"`;
  }
}

function storageWords(config: RelayConfig): string {
  const storage = config.storage;
  return storage.kind === 'sqlite'
    ? `SQLite ${storage.sqlitePath}`
    : `PostgreSQL ${redactUrl(storage.databaseUrl)} and Redis ${redactUrl(storage.redisUrl)}`;
}
