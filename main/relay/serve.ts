import { setTimeout as delay } from 'node:timers/promises';
import type { CredentialStore } from '../core/secrets/credential-store';
import type { Environment } from '../core/secrets/env-credentials';
import { createWemeetApi } from '../core/wemeet/api-impl';
import type { FetchLike } from '../core/wemeet/transport';
import { checkSomeoneCanSignIn, type RelayConfig } from './config';
import { startAuditRetention } from './audit-retention';
import { resolveRelayCredentials } from './credentials';
import { createOidcVerifier } from './identity/oidc';
import { createPersonTokenVerifier } from './identity/person-tokens';
import type { IdentityVerifier, RelayStorage } from './ports';
import { CLIENT_TIMEOUT_MS } from './server/budget';
import { startRelayServer, type RelayServer } from './server/http-server';
import { createJsonLogger } from './server/log';
import { openRelayStorage } from './storage/index';

/**
 * `roomcall relay serve` without the command line: the configured credentials, storage and
 * sign-in methods, wired into the HTTP service. The CLI (main/cli/commands/relay-run.ts)
 * waits for a stop signal and calls close().
 */

export interface ServeDeps {
  readonly env: Environment;
  readonly credentialStore: () => CredentialStore;
  /** Where the JSON log lines go (stdout in production). */
  readonly write: (line: string) => void;
  readonly version: string;
  /** How the relay reaches Tencent and the identity provider; default the global fetch. */
  readonly fetch?: FetchLike;
}

export function openConfiguredStorage(config: RelayConfig): Promise<RelayStorage> {
  return openRelayStorage(
    config.storage.kind === 'sqlite'
      ? { kind: 'sqlite', path: config.storage.sqlitePath }
      : config.storage,
  );
}

/** The sign-in methods the configuration turns on, in the order they are asked. */
export function configuredVerifiers(
  config: RelayConfig,
  storage: RelayStorage,
  fetch?: FetchLike,
): IdentityVerifier[] {
  const verifiers: IdentityVerifier[] = [];
  if (config.tokens) verifiers.push(createPersonTokenVerifier(storage.tokens));
  if (config.oidc !== null) {
    verifiers.push(
      createOidcVerifier({
        issuer: config.oidc.issuer,
        audience: config.oidc.audience,
        operatorClaim: config.oidc.operatorClaim,
        ...(fetch === undefined ? {} : { fetch }),
      }),
    );
  }
  return verifiers;
}

export async function serveRelay(config: RelayConfig, deps: ServeDeps): Promise<RelayServer> {
  checkSomeoneCanSignIn(config);
  // Credentials first: a relay without them should fail before it opens anything.
  const { credentials, baseUrl } = await resolveRelayCredentials(config.credentials, deps);
  const logger = createJsonLogger(deps.write, [credentials.secretKey, credentials.secretId]);
  const storage = await openConfiguredStorage(config);
  let server: RelayServer;
  try {
    server = await startRelayServer({
      settings: config,
      listen: config.listen,
      shutdownGraceSeconds: config.shutdownGraceSeconds,
      storage,
      verifiers: configuredVerifiers(config, storage, deps.fetch),
      createApi: (operatorId, fetch) =>
        createWemeetApi({
          baseUrl,
          credentials,
          operatorId,
          fetch,
          appVersion: deps.version,
          timeoutMs: CLIENT_TIMEOUT_MS,
        }),
      logger,
      version: deps.version,
      ...(deps.fetch === undefined ? {} : { transport: deps.fetch }),
    });
  } catch (error) {
    await storage.close();
    throw error;
  }
  const days = config.auditRetentionDays;
  if (days === null) return server;
  const retention = startAuditRetention({ audit: storage.audit, days, logger });
  return {
    url: server.url,
    port: server.port,
    // A prune under way finishes before the server closes the storage under it, within the
    // shutdown grace: a storage that hangs must not keep the relay from stopping.
    close: async () => {
      const grace = delay(config.shutdownGraceSeconds * 1000, undefined, { ref: false });
      await Promise.race([retention.stop(), grace]);
      await server.close();
    },
  };
}
