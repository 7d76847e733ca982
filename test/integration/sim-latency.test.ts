/**
 * latencyMs: every answer leaves the simulator that many ms late, like a network's round trip,
 * for the client benchmark. Only the lower bound is checked (a delay that did not happen); how
 * fast anything is stays a benchmark question.
 */
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_OPERATOR_ID, startSimulator } from '../sim/index';
import type { SimulatorOptions } from '../sim/index';
import { signedFetch } from '../sim/signed-fetch';

const LATENCY_MS = 200;
const ROOMS_URI = `/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=1`;
const start = closeAfterEach((options: SimulatorOptions) => startSimulator(options));

/** Timers may fire a little early on some platforms: allow a few ms. */
const atLeast = LATENCY_MS - 5;

describe('simulator latencyMs', () => {
  it('sends a normal answer latencyMs late, with the same body', async () => {
    const s = await start({ rooms: 5, latencyMs: LATENCY_MS });
    const began = performance.now();
    const response = await signedFetch(s, { method: 'GET', uri: ROOMS_URI });
    expect(performance.now() - began).toBeGreaterThanOrEqual(atLeast);
    expect(response.status).toBe(200);
    expect((response.json as { total_count: number }).total_count).toBe(5);
  });

  it('sends gateway errors late too (the network does not know the answer is an error)', async () => {
    const s = await start({ rooms: 5, latencyMs: LATENCY_MS });
    const began = performance.now();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      editHeaders: (headers) => ({ ...headers, 'X-TC-Signature': 'bm90IGl0' }),
    });
    expect(performance.now() - began).toBeGreaterThanOrEqual(atLeast);
    expect(response.errorCode).toBe(200003);
  });

  it('resets the connection latencyMs late', async () => {
    const s = await start({ rooms: 5, latencyMs: LATENCY_MS });
    s.faults.inject({ type: 'reset', path: '/v1/meeting-rooms' });
    const began = performance.now();
    await expect(signedFetch(s, { method: 'GET', uri: ROOMS_URI })).rejects.toThrow();
    expect(performance.now() - began).toBeGreaterThanOrEqual(atLeast);
  });

  it('close() during the delay ends the request instead of answering it', async () => {
    const s = await start({ rooms: 5, latencyMs: 60_000 });
    const pending = signedFetch(s, { method: 'GET', uri: ROOMS_URI });
    await expect.poll(() => s.requests.length).toBe(1);
    await s.close();
    await expect(pending).rejects.toThrow();
  });

  it('refuses a negative or non-finite latency', async () => {
    await expect(startSimulator({ latencyMs: -1 })).rejects.toThrow(/latencyMs/);
    await expect(startSimulator({ latencyMs: Number.NaN })).rejects.toThrow(/latencyMs/);
  });
});
