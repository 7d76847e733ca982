/**
 * The directory sync under Tencent's per-minute rate limit (190310), against the simulator's
 * sliding-window limiter. Client, simulator and waits share one fake clock: a wait advances it
 * instead of taking real time, so minutes of backing off take milliseconds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createWemeetApi } from '../../main/core/wemeet/api-impl';
import { WemeetApiError } from '../../main/core/wemeet/errors';
import { startSimulator } from '../sim/server';
import type { Simulator } from '../sim/types';
import { harness, rejectionOf, requestsTo } from './wemeet-helpers';

const ROOMS = '/v1/meeting-rooms';

/** A clock that only moves when someone sleeps on it. */
function fakeTime() {
  let now = Date.now();
  const slept: number[] = [];
  return {
    now: () => now,
    slept,
    sleep: (ms: number, signal?: AbortSignal): Promise<void> => {
      signal?.throwIfAborted();
      slept.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

let sim: Simulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function limitedSim(rooms: number, perMinute: number, clock: () => number) {
  sim = await startSimulator({ rooms, seed: 11, rateLimitPerMinute: perMinute, clock });
  return sim;
}

function apiOn(server: Simulator, time: ReturnType<typeof fakeTime>) {
  // A generous timeout: a busy machine must not add timeouts (and their backoff) to the waits.
  const { options } = harness(server, { now: time.now, sleep: time.sleep, timeoutMs: 30_000 });
  return createWemeetApi(options);
}

const limitedAnswers = (server: Simulator) =>
  requestsTo(server, 'GET', ROOMS).filter((r) => r.errorCode === 190310).length;

describe('directory sync under the per-minute rate limit', () => {
  it('completes a 10,000-room sync at 600 requests a minute, the minute already mostly spent', async () => {
    const time = fakeTime();
    const server = await limitedSim(10_000, 600, time.now);
    const api = apiOn(server, time);
    // Three full syncs (200 pages each) spend the minute's 600 requests: the fourth, in the
    // same minute, runs into the limit after its first pages.
    for (let i = 0; i < 3; i++) expect(await api.listRooms()).toHaveLength(10_000);
    expect(limitedAnswers(server)).toBe(0);

    const slowed: number[] = [];
    const rooms = await api.listRooms({ onRateLimited: (concurrency) => slowed.push(concurrency) });
    expect(rooms).toHaveLength(10_000);
    expect(new Set(rooms.map((r) => r.meeting_room_id)).size).toBe(10_000);
    expect(rooms.map((r) => r.meeting_room_id)).toEqual(server.rooms.map((r) => r.meeting_room_id));
    expect(limitedAnswers(server)).toBeGreaterThan(0);
    // It slowed down (4 pages at a time, then fewer), and waited whole minutes, not backoffs.
    expect(slowed[0]).toBeLessThan(4);
    expect(time.slept.filter((ms) => ms === 60_000).length).toBeGreaterThan(0);
    expect(time.slept.every((ms) => ms === 60_000 || ms < 1000)).toBe(true);
  });

  it('completes a 10,000-room sync at 30 requests a minute (200 pages, 7+ minutes)', async () => {
    const time = fakeTime();
    const started = time.now();
    const server = await limitedSim(10_000, 30, time.now);
    const slowed: number[] = [];
    const rooms = await apiOn(server, time).listRooms({
      onRateLimited: (concurrency) => slowed.push(concurrency),
    });
    expect(rooms.map((r) => r.meeting_room_id)).toEqual(server.rooms.map((r) => r.meeting_room_id));
    expect(slowed.at(-1)).toBe(1);
    expect(time.now() - started).toBeGreaterThanOrEqual(6 * 60_000);
    // Each page was answered once with rooms: nothing fetched twice, nothing skipped.
    const served = requestsTo(server, 'GET', ROOMS).filter((r) => r.status === 200);
    expect(served).toHaveLength(200);
  });

  it('does not wait out the per-day limit (190311): the sync fails at once, in words', async () => {
    const time = fakeTime();
    const server = await limitedSim(500, 600, time.now);
    server.faults.inject({ type: 'rate-limit', code: 190311, path: ROOMS, times: Infinity });
    const err = await rejectionOf(apiOn(server, time).listRooms());
    expect(err).toBeInstanceOf(WemeetApiError);
    expect((err as WemeetApiError).message).toMatch(/daily call quota/);
    expect(requestsTo(server, 'GET', ROOMS)).toHaveLength(1);
    expect(time.slept).toEqual([]);
  });
});
