/**
 * Three relay instances sharing one storage draw on one company budget: under load, together
 * they never send Tencent more than the budget allows, and Tencent never has to refuse the app
 * (190310). Once on one SQLite file (several processes on one machine), once on real
 * PostgreSQL + Redis (several machines behind a load balancer; skipped, with the reason, where
 * the servers are not installed, never under CI).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { issuePersonToken } from '../../main/relay/identity/person-tokens';
import type { RelayStorage } from '../../main/relay/ports';
import type { RelayServer } from '../../main/relay/server/http-server';
import { openRelayStorage } from '../../main/relay/storage/index';
import {
  SIM_COLLEAGUE_ID,
  SIM_CURRENT_MEETING,
  SIM_OTHER_USER_ID,
  SIM_OPERATOR_ID,
} from '../sim/data';
import { startSimulator } from '../sim/server';
import { backendsSkipReason, startBackends, type Backends } from './support/backends';
import { startRelayOn } from './support/relay-harness';

const COMPANY_PER_MINUTE = 20;

let backends: Backends | undefined;
afterAll(async () => {
  await backends?.stop();
});

const subjects = [
  {
    name: 'SQLite',
    skip: null,
    open: (dir: string) =>
      openRelayStorage({ kind: 'sqlite', path: path.join(dir, 'relay.sqlite') }),
  },
  {
    name: 'PostgreSQL + Redis',
    skip: backendsSkipReason(),
    open: async () => {
      backends ??= await startBackends();
      return openRelayStorage({
        kind: 'postgres',
        databaseUrl: backends.databaseUrl,
        redisUrl: backends.redisUrl,
      });
    },
  },
];

describe.each(subjects)('three relay instances on $name', ({ skip, open }) => {
  it.skipIf(skip !== null)('share one company budget under load without exceeding it', async () => {
    // Tencent's own limit above the relay's: a 190310 would mean the relays overspent.
    const sim = await startSimulator({ rooms: 10, rateLimitPerMinute: COMPANY_PER_MINUTE + 5 });
    const dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-instances-'));
    const storages: RelayStorage[] = [];
    const relays: RelayServer[] = [];
    try {
      for (let i = 0; i < 3; i++) {
        const storage = await open(dir);
        storages.push(storage);
        relays.push(
          await startRelayOn(sim, storage, { settings: { companyPerMinute: COMPANY_PER_MINUTE } }),
        );
      }
      const people = [SIM_OPERATOR_ID, SIM_COLLEAGUE_ID, SIM_OTHER_USER_ID];
      const tokens = await Promise.all(
        people.map(async (operatorId) => {
          const issued = await issuePersonToken(at(storages, 0).tokens, {
            operatorId,
            label: 'load',
            expiresAtMs: null,
            nowMs: Date.now(),
          });
          return issued.token;
        }),
      );
      const started = Date.now();
      // 45 requests, each one call to Tencent, spread over the instances and the people.
      const answers = await Promise.all(
        Array.from({ length: 45 }, (_, i) =>
          fetch(
            `${at(relays, i % 3).url}/v1/meetings/by-code?meeting_code=${SIM_CURRENT_MEETING.meeting_code}`,
            {
              headers: { Authorization: `Bearer ${at(tokens, Math.floor(i / 3) % 3)}` },
            },
          ),
        ),
      );
      const elapsedSeconds = (Date.now() - started) / 1000;
      const statuses = answers.map((a) => a.status);
      expect([...new Set(statuses)].sort()).toEqual([200, 429]);
      expect(statuses).toContain(429);
      const sent = sim.requests.filter((r) => r.path === '/v1/meetings');
      expect(sent.filter((r) => r.errorCode === 190310)).toEqual([]);
      // The bucket's bound: its capacity plus what refilled while the load ran (+1 for rounding).
      const bound = COMPANY_PER_MINUTE + Math.floor((elapsedSeconds * COMPANY_PER_MINUTE) / 60) + 1;
      expect(sent.length).toBeLessThanOrEqual(bound);
      expect(statuses.filter((s) => s === 200).length).toBe(sent.length);
    } finally {
      for (const relay of relays) await relay.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}
