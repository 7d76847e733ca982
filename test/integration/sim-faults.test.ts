import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_CURRENT_MEETING, SIM_OPERATOR_ID, startSimulator } from '../sim/index';
import type { Simulator, SimulatorOptions } from '../sim/index';
import { signedFetch } from '../sim/signed-fetch';

const start = closeAfterEach((options: SimulatorOptions = {}) =>
  startSimulator({ rooms: 20, ...options }),
);

const ROOMS = `/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=1`;
const list = (s: Simulator) => signedFetch(s, { method: 'GET', uri: ROOMS });

/**
 * A listing sent and given 50 ms to reach the server, still unanswered. Wrapped in an object:
 * an async function returning the promise itself would wait for it.
 */
async function leftInFlight(s: Simulator): Promise<{ pending: Promise<unknown> }> {
  const pending = list(s);
  pending.catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { pending };
}

/** close() returns within 500 ms, and the request it cut off fails. */
async function expectCloseToCutOff(s: Simulator, pending: Promise<unknown>): Promise<void> {
  const started = performance.now();
  await s.close();
  expect(performance.now() - started).toBeLessThan(500);
  await expect(pending).rejects.toThrow();
}

describe('simulator faults', () => {
  it('http-500: answers 500 with error_info 10002, `times` times, then recovers', async () => {
    const s = await start();
    s.faults.inject({ type: 'http-500', path: '/v1/meeting-rooms', times: 2 });
    const first = await list(s);
    expect([first.status, first.errorCode]).toEqual([500, 10002]);
    expect((await list(s)).status).toBe(500);
    expect((await list(s)).status).toBe(200);
    expect(s.requests.map((r) => r.status)).toEqual([500, 500, 200]);
    expect(s.requests[0]?.errorCode).toBe(10002);
  });

  it('matches on method and on a path prefix ending in *', async () => {
    const s = await start();
    s.faults.inject({ type: 'http-500', path: '/v1/meetings*', method: 'get', times: Infinity });
    expect((await list(s)).status).toBe(200);
    const meetings = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meetings/${SIM_CURRENT_MEETING.meeting_id}?userid=${SIM_OPERATOR_ID}&instanceid=1`,
    });
    expect(meetings.status).toBe(500);
    s.faults.clear();
    s.faults.inject({ type: 'http-500', method: 'PUT' });
    expect((await list(s)).status).toBe(200);
  });

  it('error: any status and code, or a plain body without a code', async () => {
    const s = await start();
    s.faults.inject({ type: 'error', status: 403, code: 190315, message: 'not the creator' });
    const coded = await list(s);
    expect([coded.status, coded.errorCode]).toEqual([403, 190315]);
    expect(coded.text).toContain('not the creator');
    s.faults.inject({ type: 'error', status: 502 });
    const plain = await list(s);
    expect(plain.status).toBe(502);
    expect(plain.json).toBeUndefined();
    expect(plain.text).toBe('Bad Gateway');
  });

  it('rate-limit: 400 with 190310 by default, 429 on request', async () => {
    const s = await start();
    s.faults.inject({ type: 'rate-limit' });
    const documented = await list(s);
    expect([documented.status, documented.errorCode]).toEqual([400, 190310]);
    s.faults.inject({ type: 'rate-limit', status: 429 });
    const other = await list(s);
    expect([other.status, other.errorCode]).toEqual([429, 190310]);
  });

  it('malformed-json: 200 with a body that does not parse', async () => {
    const s = await start();
    s.faults.inject({ type: 'malformed-json' });
    const response = await list(s);
    expect(response.status).toBe(200);
    expect(response.json).toBeUndefined();
    s.faults.inject({ type: 'malformed-json', when: 'after' });
    const truncated = await list(s);
    expect(truncated.text.startsWith('{"total_count":20')).toBe(true);
    expect(() => JSON.parse(truncated.text) as unknown).toThrow();
  });

  it('reset: the connection is destroyed without an answer', async () => {
    const s = await start();
    s.faults.inject({ type: 'reset' });
    await expect(list(s)).rejects.toThrow();
    expect(s.requests[0]?.status).toBe(0);
    expect((await list(s)).status).toBe(200);
  });

  it('reset after handling: the call really started, only the answer was lost', async () => {
    const s = await start();
    const target = { meeting_room_id: s.roomWithOutcome('accepted').meeting_room_id };
    const body = {
      operator_id: SIM_OPERATOR_ID,
      operator_id_type: 1,
      ...target,
      meeting_id: SIM_CURRENT_MEETING.meeting_id,
    };
    s.faults.inject({ type: 'reset', path: '/v1/meeting-rooms/room-call', when: 'after' });
    await expect(
      signedFetch(s, { method: 'PUT', uri: '/v1/meeting-rooms/room-call', body }),
    ).rejects.toThrow();
    const info = await signedFetch(s, {
      method: 'POST',
      uri: '/v1/meeting-rooms/room-call-info',
      body: { ...body, instance_id: 1 },
    });
    expect((info.json as { status: number }).status).toBe(4);
  });

  it('delay: answers normally after ms', async () => {
    const s = await start();
    s.faults.inject({ type: 'delay', ms: 150 });
    const started = performance.now();
    const response = await list(s);
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('hang: never answers, and close() ends the hanging socket promptly', async () => {
    const s = await start();
    s.faults.inject({ type: 'hang' });
    const { pending } = await leftInFlight(s);
    expect(s.requests[0]?.status).toBe(0);
    await expectCloseToCutOff(s, pending);
  });

  it('close() also ends a pending delay and idle keep-alive sockets', async () => {
    const s = await start();
    expect((await list(s)).status).toBe(200); // leaves a keep-alive socket open
    s.faults.inject({ type: 'delay', ms: 60_000 });
    const { pending } = await leftInFlight(s);
    await expectCloseToCutOff(s, pending);
  });

  it('faults never hide gateway errors', async () => {
    const s = await start();
    s.faults.inject({ type: 'http-500' });
    const forged = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS,
      credentials: { ...s.credentials, secretKey: 'wrong' },
    });
    expect(forged.errorCode).toBe(200003);
    expect((await list(s)).status).toBe(500); // still armed
  });

  it('never logs headers, signatures or the secret', async () => {
    const lines: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => {
      lines.push(args.map(String).join(' '));
    };
    let sim: Simulator;
    try {
      sim = await start({ rooms: 5, log: true });
      await list(sim);
      await signedFetch(sim, {
        method: 'GET',
        uri: ROOMS,
        credentials: { ...sim.credentials, secretKey: 'wrong' },
      });
    } finally {
      console.error = original;
    }
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('GET /v1/meeting-rooms');
    expect(lines[1]).toContain('200003');
    const all = lines.join('\n');
    expect(all).not.toContain(sim.credentials.secretKey);
    expect(all).not.toContain(sim.credentials.secretId);
    expect(all).not.toMatch(/[A-Za-z0-9+/]{80,}==/);
  });
});
