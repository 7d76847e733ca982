import { createWemeetApi } from '../../main/core/wemeet/api-impl';
import { WemeetClient } from '../../main/core/wemeet/client';
import { encodeQuery } from '../../main/core/wemeet/request-uri';
import { meetingsSchema, roomsPageSchema } from '../../main/core/wemeet/schemas';
import { defaultNonce, signedHeaders, unixSeconds } from '../../main/core/wemeet/signing';
import { SIM_CURRENT_MEETING, startSimulator } from '../sim/index';
import { median } from './stats';

type Query = Readonly<Record<string, string | number>>;

interface BenchCase {
  readonly name: string;
  readonly path: string;
  readonly query: Query;
  readonly viaClient: (client: WemeetClient) => Promise<unknown>;
}

/** CPU time (user + system) of this process, in µs, since `start` (process.cpuUsage). */
function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

/**
 * The client's overhead per request: the same signed GET sent through WemeetClient (ky,
 * hooks, lossless parsing, zod) and by a bare fetch, interleaved in one run against the
 * loopback simulator so machine noise hits both alike. The bare side signs too (any client
 * must), sends with the same timeout and redirect policy, and parses the body.
 *
 * `latencyMs` makes the simulator answer that late (its latencyMs option), as a real network
 * would: what a user waits is the wall-clock ratio there. CPU per request is measured around
 * each request with process.cpuUsage; the simulator runs in this process, so both columns
 * include its work and their difference is the client's.
 */
export async function benchClientOverhead(rounds: number, latencyMs = 0): Promise<string[][]> {
  const sim = await startSimulator({ rooms: 200, latencyMs });
  try {
    const client = new WemeetClient({
      baseUrl: sim.baseUrl,
      credentials: sim.credentials,
      operatorId: sim.operatorId,
    });
    const meetingPath = `/v1/meetings/${SIM_CURRENT_MEETING.meeting_id}`;
    const meetingQuery = { userid: sim.operatorId, instanceid: 1 };
    const roomsQuery = { operator_id: sim.operatorId, operator_id_type: 1, page: 1, page_size: 50 };
    const cases: BenchCase[] = [
      {
        name: 'meeting by ID',
        path: meetingPath,
        query: meetingQuery,
        viaClient: (c) =>
          c.request({
            method: 'GET',
            path: meetingPath,
            query: meetingQuery,
            schema: meetingsSchema,
            idempotent: true,
          }),
      },
      {
        name: 'rooms page (50 rooms)',
        path: '/v1/meeting-rooms',
        query: roomsQuery,
        viaClient: (c) =>
          c.request({
            method: 'GET',
            path: '/v1/meeting-rooms',
            query: roomsQuery,
            schema: roomsPageSchema,
            idempotent: true,
          }),
      },
    ];
    const rows: string[][] = [];
    const where = latencyMs === 0 ? 'loopback' : `+${String(latencyMs)} ms`;
    for (const { name, path, query, viaClient: send } of cases) {
      // The very URI the client sends, so both sides make the same request.
      const uri = path + encodeQuery(query);
      const bare = async (): Promise<void> => {
        const now = Date.now();
        const headers = signedHeaders({
          credentials: sim.credentials,
          method: 'GET',
          uri,
          body: '',
          timestamp: unixSeconds(now),
          nonce: defaultNonce(now),
        });
        // The same request as the client's: a timeout and no redirects (a redirect would carry
        // the signed headers to another host).
        const response = await fetch(sim.baseUrl + uri, {
          headers,
          redirect: 'manual',
          signal: AbortSignal.timeout(10_000),
        });
        JSON.parse(await response.text());
      };
      const viaClient = async (): Promise<void> => {
        await send(client);
      };
      const wall = { bare: [] as number[], client: [] as number[] };
      const cpu = { bare: [] as number[], client: [] as number[] };
      const warmUp = Math.min(50, rounds);
      for (let i = -warmUp; i < rounds; i++) {
        // Alternate which goes first, so neither always gets the warmer connection.
        const order = i % 2 === 0 ? [bare, viaClient] : [viaClient, bare];
        for (const run of order) {
          const cpuStart = process.cpuUsage();
          const start = performance.now();
          await run();
          const elapsed = performance.now() - start;
          const used = cpuSince(cpuStart);
          // The first rounds warm up the JIT and the connection pool.
          if (i < 0) continue;
          const side = run === bare ? 'bare' : 'client';
          wall[side].push(elapsed);
          cpu[side].push(used);
        }
      }
      const bareWall = median(wall.bare);
      const clientWall = median(wall.client);
      const bareCpu = mean(cpu.bare);
      const clientCpu = mean(cpu.client);
      rows.push([
        `${name}, ${where}`,
        formatMs(bareWall),
        formatMs(clientWall),
        `${(clientWall / bareWall).toFixed(3)}×`,
        `${bareCpu.toFixed(0)} µs`,
        `${clientCpu.toFixed(0)} µs`,
        `+${(clientCpu - bareCpu).toFixed(0)} µs`,
        latencyMs >= 30 ? '<= 1.02×' : '',
      ]);
    }
    return rows;
  } finally {
    await sim.close();
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function formatMs(ms: number): string {
  return ms < 10 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

/** A full directory sync: every page of a large account, as the picker's refresh does it. */
export async function benchDirectorySync(rooms: number, runs: number): Promise<string[][]> {
  const sim = await startSimulator({ rooms });
  try {
    const api = createWemeetApi({
      baseUrl: sim.baseUrl,
      credentials: sim.credentials,
      operatorId: sim.operatorId,
    });
    await api.listRooms();
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      count = (await api.listRooms()).length;
      times.push(performance.now() - start);
    }
    return [
      [
        `${String(count)} rooms, ${String(Math.ceil(count / 50))} pages, 4 at a time`,
        `${median(times).toFixed(0)} ms`,
        '< 2000 ms',
      ],
    ];
  } finally {
    await sim.close();
  }
}
