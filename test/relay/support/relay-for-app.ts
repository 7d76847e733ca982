/**
 * A real relay (SQLite, per-person tokens, and OIDC with the test identity provider when one is
 * given) in front of an app harness's own simulator, for the windows' relay sign-in tests: the
 * node journeys (journeys-app-sign-in.test.ts) and the component tests on the real handler
 * table (test/components/settings/relay-settings.test.tsx). The app is started first, pointed
 * at a free loopback port; the relay then takes that port.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ManagedLoad } from '../../../main/core/managed/load-managed';
import { parseManagedConfig } from '../../../main/core/managed/managed-config';
import { createWemeetApi } from '../../../main/core/wemeet/api-impl';
import { readRelayConfig } from '../../../main/relay/config';
import { issuePersonToken } from '../../../main/relay/identity/person-tokens';
import type { RelayStorage } from '../../../main/relay/ports';
import { configuredVerifiers } from '../../../main/relay/serve';
import { startRelayServer, type RelayServer } from '../../../main/relay/server/http-server';
import { createJsonLogger } from '../../../main/relay/server/log';
import { openRelayStorage } from '../../../main/relay/storage/index';
import type { TestIdp } from '../../idp/idp';
import type { AppHarness } from '../../integration/app-harness';
import type { Simulator } from '../../sim/types';
import { TEST_SETTINGS } from './relay-harness';

/** A loopback port nobody listens on now: the relay takes it once the app runs. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The managed file a company's IT deploys: the relay, locked or only pre-filled. */
export function managedRelay(relayUrl: string, locked: boolean): ManagedLoad {
  const parsed = parseManagedConfig(
    { version: 1, settings: { relayUrl }, locked: locked ? ['relayUrl'] : [] },
    { username: 'tester1' },
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return { status: 'ok', file: '/etc/roomcall/managed.json', config: parsed.value };
}

export interface RelayForApp {
  readonly relay: RelayServer;
  readonly storage: RelayStorage;
  /** Issues a per-person token (default: for the simulator's operator). */
  token(operatorId?: string): Promise<string>;
  close(): Promise<void>;
}

/** The simulator behind the app, and the clock it checks request times against. */
export interface RelayTarget {
  readonly sim: Simulator;
  readonly now?: (() => number) | undefined;
}

/** An app harness as a relay target: its simulator and its virtual clock. */
export function harnessTarget(h: AppHarness): RelayTarget {
  return { sim: h.sim, now: () => h.time.now };
}

export async function startRelayForApp(
  target: RelayTarget,
  port: number,
  idp: TestIdp | null = null,
): Promise<RelayForApp> {
  const dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-ui-'));
  const storage = await openRelayStorage({ kind: 'sqlite', path: path.join(dir, 'relay.sqlite') });
  const config = readRelayConfig(
    idp === null
      ? {}
      : {
          ROOMCALL_RELAY_OIDC_ISSUER: idp.issuer,
          ROOMCALL_RELAY_OIDC_AUDIENCE: idp.clientId,
          ROOMCALL_RELAY_OIDC_CLIENT_ID: idp.clientId,
          ROOMCALL_RELAY_OIDC_OPERATOR_CLAIM: idp.operatorClaim,
        },
  );
  const relay = await startRelayServer({
    settings: { ...TEST_SETTINGS, oidc: config.oidc, personPerMinute: 600, companyPerMinute: 2400 },
    listen: { host: '127.0.0.1', port },
    shutdownGraceSeconds: 2,
    storage,
    verifiers: configuredVerifiers(config, storage),
    // The simulator checks request times against the harness's virtual clock.
    createApi: (operatorId, fetch) =>
      createWemeetApi({
        baseUrl: target.sim.baseUrl,
        credentials: target.sim.credentials,
        operatorId,
        fetch,
        now: target.now,
        timeoutMs: 2000,
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      }),
    logger: createJsonLogger(
      () => undefined,
      [target.sim.credentials.secretKey, target.sim.credentials.secretId],
    ),
    version: 'test',
  });
  return {
    relay,
    storage,
    async token(operatorId = target.sim.operatorId) {
      const issued = await issuePersonToken(storage.tokens, {
        operatorId,
        label: 'relay ui',
        expiresAtMs: null,
        nowMs: Date.now(),
      });
      return issued.token;
    },
    async close() {
      await relay.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
