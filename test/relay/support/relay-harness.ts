import { createWemeetApi } from '../../../main/core/wemeet/api-impl';
import { issuePersonToken } from '../../../main/relay/identity/person-tokens';
import type { IdentityVerifier, RelayStorage } from '../../../main/relay/ports';
import { createPersonTokenVerifier } from '../../../main/relay/identity/person-tokens';
import type { ServerSettings } from '../../../main/relay/server/handler';
import { startRelayServer, type RelayServer } from '../../../main/relay/server/http-server';
import { createJsonLogger } from '../../../main/relay/server/log';
import { MAX_COMPANY_WAIT_MS } from '../../../main/relay/server/budget';
import { startSimulator } from '../../sim/server';
import type { Simulator, SimulatorOptions } from '../../sim/types';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openRelayStorage } from '../../../main/relay/storage/index';

/**
 * A real relay on a loopback port in front of the real simulator, with per-person tokens; the
 * tests send it real HTTP. Storage: SQLite in a temporary folder, as a one-machine relay. Logs are captured (every line the relay would print).
 */

export interface RelayHarness {
  readonly sim: Simulator;
  readonly relay: RelayServer;
  readonly storage: RelayStorage;
  readonly logs: string[];
  /** Issues a token for `operatorId` (default the simulator's operator). */
  token(operatorId?: string, expiresAtMs?: number | null): Promise<string>;
  /** A request to the relay with `token` as its bearer. */
  call(
    path: string,
    init?: {
      token?: string | null;
      method?: string;
      body?: unknown;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly sim?: Partial<SimulatorOptions>;
  readonly settings?: Partial<ServerSettings>;
  readonly storage?: RelayStorage;
  readonly verifiers?: (storage: RelayStorage) => IdentityVerifier[];
  readonly shutdownGraceSeconds?: number;
}

export const TEST_SETTINGS: ServerSettings = {
  oidc: null,
  tokens: true,
  companyPerMinute: 240,
  personPerMinute: 60,
  directoryTtlSeconds: 600,
};

export async function startRelayHarness(options: HarnessOptions = {}): Promise<RelayHarness> {
  const sim = await startSimulator({ rooms: 60, ...options.sim });
  // The real default storage (SQLite in a fresh folder) unless the test brings one.
  const dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-'));
  const storage =
    options.storage ??
    (await openRelayStorage({ kind: 'sqlite', path: path.join(dir, 'relay.sqlite') }));
  const logs: string[] = [];
  const relay = await startRelayOn(sim, storage, {
    ...options,
    log: (line) => logs.push(line),
  });
  return {
    sim,
    relay,
    storage,
    logs,
    async token(operatorId = sim.operatorId, expiresAtMs = null) {
      const issued = await issuePersonToken(storage.tokens, {
        operatorId,
        label: 'test',
        expiresAtMs,
        nowMs: Date.now(),
      });
      return issued.token;
    },
    call(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token !== undefined && init.token !== null)
        headers['Authorization'] = `Bearer ${init.token}`;
      if (init.body !== undefined) headers['Content-Type'] = 'application/json';
      return fetch(`${relay.url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers,
        ...(init.body === undefined
          ? {}
          : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      });
    },
    async close() {
      await relay.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A relay in front of `sim` over `storage` (several may share one simulator and storage). */
export function startRelayOn(
  sim: Simulator,
  storage: RelayStorage,
  options: HarnessOptions & { readonly log?: (line: string) => void } = {},
): Promise<RelayServer> {
  return startRelayServer({
    settings: { ...TEST_SETTINGS, ...options.settings },
    listen: { host: '127.0.0.1', port: 0 },
    shutdownGraceSeconds: options.shutdownGraceSeconds ?? 5,
    storage,
    verifiers: options.verifiers?.(storage) ?? [createPersonTokenVerifier(storage.tokens)],
    createApi: (operatorId, fetch) =>
      createWemeetApi({
        baseUrl: sim.baseUrl,
        credentials: sim.credentials,
        operatorId,
        fetch,
        // 2 s for the simulator plus the longest company-budget wait (budget.ts).
        timeoutMs: 2000 + MAX_COMPANY_WAIT_MS,
        retry: { attempts: 2, baseDelayMs: 10, maxDelayMs: 50 },
      }),
    logger: createJsonLogger(options.log ?? (() => undefined), [
      sim.credentials.secretKey,
      sim.credentials.secretId,
    ]),
    version: 'test',
  });
}
