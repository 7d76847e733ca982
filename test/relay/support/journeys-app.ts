/**
 * The app's services (test/integration/app-harness.ts: the handler table over real HTTP) in
 * relay mode: a real relay (SQLite storage, per-person tokens) started in front of the
 * harness's own simulator. The relay's Tencent client follows the harness's virtual clock, as
 * the simulator checks request times against it; the relay itself keeps real time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ManagedLoad } from '../../../main/core/managed/load-managed';
import { parseManagedConfig } from '../../../main/core/managed/managed-config';
import { createWemeetApi } from '../../../main/core/wemeet/api-impl';
import {
  createMemoryRelayTokenStore,
  type MemoryRelayTokenStore,
} from '../../../main/core/secrets/memory-store';
import {
  createPersonTokenVerifier,
  issuePersonToken,
} from '../../../main/relay/identity/person-tokens';
import type { RelayStorage } from '../../../main/relay/ports';
import { startRelayServer, type RelayServer } from '../../../main/relay/server/http-server';
import { createJsonLogger } from '../../../main/relay/server/log';
import { openRelayStorage } from '../../../main/relay/storage/index';
import {
  startAppHarness,
  type AppHarness,
  type HarnessOptions,
} from '../../integration/app-harness';
import { TEST_SETTINGS } from './relay-harness';

export interface AppRelayJourneys {
  readonly h: AppHarness;
  readonly relay: RelayServer;
  readonly storage: RelayStorage;
  readonly relayTokens: MemoryRelayTokenStore;
  /** A per-person token for the simulator's operator (or `operatorId`). */
  token(operatorId?: string): Promise<string>;
  close(): Promise<void>;
}

/** A loopback port nobody listens on now: the relay takes it once the simulator runs. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The managed file a company's IT deploys: the relay, locked. */
function managedRelay(relayUrl: string): ManagedLoad {
  const parsed = parseManagedConfig(
    { version: 1, settings: { relayUrl }, locked: ['relayUrl'] },
    { username: 'tester1' },
  );
  if (!parsed.ok) throw new Error(parsed.message);
  return { status: 'ok', file: '/etc/roomcall/managed.json', config: parsed.value };
}

/**
 * The app on a managed desktop pointed at the relay from its first moment (so nothing could
 * have read a Tencent credential before relay mode), then the relay on the port it names.
 */
export async function startAppRelayJourneys(
  options: HarnessOptions = {},
): Promise<AppRelayJourneys> {
  const relayTokens = createMemoryRelayTokenStore();
  const port = await freePort();
  const h = await startAppHarness({
    configured: false,
    managed: managedRelay(`http://127.0.0.1:${port}`),
    ...options,
    services: { ...options.services, relayTokenStore: relayTokens },
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-app-'));
  const storage = await openRelayStorage({ kind: 'sqlite', path: path.join(dir, 'relay.sqlite') });
  const relay = await startRelayServer({
    settings: { ...TEST_SETTINGS, personPerMinute: 600, companyPerMinute: 2400 },
    listen: { host: '127.0.0.1', port },
    shutdownGraceSeconds: 2,
    storage,
    verifiers: [createPersonTokenVerifier(storage.tokens)],
    createApi: (operatorId, fetch) =>
      createWemeetApi({
        baseUrl: h.sim.baseUrl,
        credentials: h.sim.credentials,
        operatorId,
        fetch,
        now: () => h.time.now,
        timeoutMs: 2000,
        retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 5 },
      }),
    logger: createJsonLogger(
      () => undefined,
      [h.sim.credentials.secretKey, h.sim.credentials.secretId],
    ),
    version: 'test',
  });
  return {
    h,
    relay,
    storage,
    relayTokens,
    async token(operatorId = h.sim.operatorId) {
      const issued = await issuePersonToken(storage.tokens, {
        operatorId,
        label: 'app journeys',
        expiresAtMs: null,
        nowMs: Date.now(),
      });
      return issued.token;
    },
    async close() {
      await h.close();
      await relay.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
