/**
 * The client's transport behaviour over real loopback HTTP against the simulator: the
 * documented headers, signing per attempt, retries of reads only, typed errors for every fault, and no
 * secret in any message. No mocked fetch.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createWemeetApi } from '../../main/core/wemeet/api-impl';
import { WemeetClient } from '../../main/core/wemeet/client';
import {
  WemeetApiError,
  WemeetError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
  describeError,
} from '../../main/core/wemeet/errors';
import { roomsPageSchema } from '../../main/core/wemeet/schemas';
import { SIM_CURRENT_MEETING, SIM_EXAMPLE_ROOM_ID } from '../sim/data';
import { startSimulator } from '../sim/server';
import type { Fault, RecordedRequest, Simulator } from '../sim/types';
import { apiFor, harness, header, headerNames, rejectionOf, requestsTo } from './wemeet-helpers';

const ROOMS = '/v1/meeting-rooms';
const ROOM_CALL = '/v1/meeting-rooms/room-call';
const CANCEL = '/v1/meeting-rooms/cancel-room-call';
const CALL_INFO = '/v1/meeting-rooms/room-call-info';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ rooms: 30 });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  sim.faults.clear();
});

/** Requests to `path` sent from now on. */
function watch(method: string, path: string): () => RecordedRequest[] {
  const before = requestsTo(sim, method, path).length;
  return () => requestsTo(sim, method, path).slice(before);
}

function expectFreshSignatures(records: readonly RecordedRequest[]): void {
  const nonces = records.map((r) => header(r, 'X-TC-Nonce'));
  const signatures = records.map((r) => header(r, 'X-TC-Signature'));
  expect(nonces.every((n) => n !== undefined && /^[1-9]\d*$/.test(n))).toBe(true);
  expect(new Set(nonces).size).toBe(records.length);
  expect(new Set(signatures).size).toBe(records.length);
}

/** Short for hangs (tests wait for it), generous otherwise so a busy machine cannot time out. */
const timeoutFor = (fault: Fault): number => (fault.type === 'hang' ? 300 : 5000);

const callTarget = () => ({
  meetingId: SIM_CURRENT_MEETING.meeting_id,
  target: { kind: 'room', meetingRoomId: sim.roomWithOutcome('accepted').meeting_room_id } as const,
});

describe('headers', () => {
  it('sends every documented header (names as fetch sends them) and no SdkId when none is set', async () => {
    const sent = watch('GET', ROOMS);
    await apiFor(sim, { appVersion: '0.1.0' }).listRooms();
    const record = sent()[0];
    if (record === undefined) throw new Error('no request recorded');
    expect(header(record, 'X-TC-Key')).toBe(sim.credentials.secretId);
    expect(header(record, 'AppId')).toBe(sim.credentials.appId);
    expect(header(record, 'X-TC-Registered')).toBe('1');
    expect(header(record, 'X-TC-Version')).toBe('0.1.0');
    expect(header(record, 'Content-Type')).toBe('application/json');
    expect(header(record, 'X-TC-Timestamp')).toMatch(/^\d{10}$/);
    expect(header(record, 'X-TC-Signature')).toMatch(/^[A-Za-z0-9+/]{86}==$/);
    expect(headerNames(record).map((n) => n.toLowerCase())).not.toContain('sdkid');
    // Each auth header exactly once, whatever its casing.
    const names = headerNames(record).map((n) => n.toLowerCase());
    for (const name of ['x-tc-key', 'x-tc-nonce', 'x-tc-timestamp', 'x-tc-signature', 'appid']) {
      expect(names.filter((n) => n === name)).toHaveLength(1);
    }
    expect(record.status).toBe(200);
  });

  it('sends SdkId when one was assigned', async () => {
    const withSdk = await startSimulator({ rooms: 3, sdkId: '7654321' });
    try {
      const sent = () => requestsTo(withSdk, 'GET', ROOMS);
      const rooms = await apiFor(withSdk).listRooms();
      expect(rooms).toHaveLength(3);
      expect(header(sent()[0] as RecordedRequest, 'SdkId')).toBe('7654321');
    } finally {
      await withSdk.close();
    }
  });

  it('maps an SdkId sent where none was assigned to 190303 with the right hint', async () => {
    const err = await rejectionOf(
      apiFor(sim, { credentials: { ...sim.credentials, sdkId: '1234567' } }).listRooms(),
    );
    expect(err).toBeInstanceOf(WemeetApiError);
    expect(err).toMatchObject({ code: 190303, status: 400 });
    expect((err as WemeetError).hint).toMatch(/leave SdkId empty/);
    expect((err as WemeetError).message).not.toContain('1234567');
  });
});

describe('retries of reads', () => {
  // Full jitter with random() = 0.5 over 40 ms doubling: 20, 40. A rate limit without
  // Retry-After waits the documented minute instead.
  const backoff = [20, 40];
  const minute = [60_000, 60_000];
  const recovering: [string, Fault, number[]][] = [
    ['HTTP 500', { type: 'http-500', times: 2 }, backoff],
    ['a connection reset', { type: 'reset', times: 2 }, backoff],
    ['a hang (timeout)', { type: 'hang', times: 1 }, backoff],
    ['malformed JSON', { type: 'malformed-json', times: 2 }, backoff],
    ['rate limit 190310', { type: 'rate-limit', times: 2 }, minute],
    ['rate limit 190313', { type: 'rate-limit', code: 190313, times: 1 }, minute],
    ['rate limit 9061', { type: 'rate-limit', code: 9061, times: 1 }, minute],
    ['HTTP 429', { type: 'rate-limit', status: 429, times: 1 }, minute],
    ['a replay refusal', { type: 'error', status: 400, code: 190301, times: 1 }, backoff],
  ];

  it.each(recovering)('recovers from %s, re-signing every attempt', async (_name, fault, waits) => {
    sim.faults.inject({ ...fault, path: ROOMS, method: 'GET' });
    const sent = watch('GET', ROOMS);
    const { options, sleeps } = harness(sim, { timeoutMs: timeoutFor(fault) });
    const rooms = await createWemeetApi(options).listRooms();
    expect(rooms).toHaveLength(30);
    const attempts = sent();
    expect(attempts).toHaveLength((fault.times ?? 1) + 1);
    expect(attempts.at(-1)?.status).toBe(200);
    expectFreshSignatures(attempts);
    expect(sleeps).toEqual(waits.slice(0, fault.times ?? 1));
  });

  it('waits as long as a Retry-After asks, and tells the caller it is rate-limited', async () => {
    // The simulator names no Retry-After; this server answers 429 with one, then the rooms.
    let received = 0;
    const server = createServer((_req, res) => {
      received += 1;
      if (received === 1) {
        res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7' });
        res.end('{"error_info":{"error_code":190313,"message":"too often"}}');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"total_count":0,"total_page":0,"current_page":1,"current_size":0}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { options, sleeps } = harness(sim, { baseUrl: `http://127.0.0.1:${port}` });
      const told: number[] = [];
      const client = new WemeetClient(options);
      const page = await client.request({
        method: 'GET',
        path: ROOMS,
        schema: roomsPageSchema,
        idempotent: true,
        onRateLimited: (ms) => told.push(ms),
      });
      expect(page.meeting_room_list).toEqual([]);
      expect(received).toBe(2);
      expect(sleeps).toEqual([7000]);
      expect(told).toEqual([7000]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('does not wait out a Retry-After longer than the policy allows', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(429, { 'Retry-After': '86400' });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const { options, sleeps } = harness(sim, { baseUrl: `http://127.0.0.1:${port}` });
      const err = await rejectionOf(createWemeetApi(options).listRooms());
      expect(err).toMatchObject({ kind: 'api', status: 429, code: null });
      expect((err as WemeetError).message).toMatch(/too many requests/);
      expect(sleeps).toEqual([]);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const persistent: [string, Fault, new (...args: never[]) => WemeetError][] = [
    ['HTTP 500', { type: 'http-500' }, WemeetApiError],
    ['resets', { type: 'reset' }, WemeetNetworkError],
    ['hangs', { type: 'hang' }, WemeetTimeoutError],
    ['malformed JSON', { type: 'malformed-json' }, WemeetResponseError],
    ['rate limits', { type: 'rate-limit' }, WemeetApiError],
  ];

  it.each(persistent)(
    'gives up after 3 attempts of %s with the right typed error',
    async (_name, fault, type) => {
      sim.faults.inject({ ...fault, path: ROOMS, method: 'GET', times: Infinity });
      const sent = watch('GET', ROOMS);
      // The client alone: the directory sync would queue a rate-limited page again (below).
      const client = new WemeetClient(harness(sim, { timeoutMs: timeoutFor(fault) }).options);
      const err = await rejectionOf(
        client.request({ method: 'GET', path: ROOMS, schema: roomsPageSchema, idempotent: true }),
      );
      expect(err).toBeInstanceOf(type);
      expect((err as WemeetError).message).toContain('GET /v1/meeting-rooms');
      expect(sent()).toHaveLength(3);
      expectFreshSignatures(sent());
    },
  );

  it('a directory sync asks a rate-limited page again, 5 rounds of 3 attempts, then says so', async () => {
    sim.faults.inject({ type: 'rate-limit', path: ROOMS, method: 'GET', times: Infinity });
    const sent = watch('GET', ROOMS);
    const { options, sleeps } = harness(sim);
    const err = await rejectionOf(createWemeetApi(options).listRooms());
    expect(err).toMatchObject({ kind: 'api', code: 190310 });
    expect(sent()).toHaveLength(15);
    expect(sleeps.every((ms) => ms === 60_000)).toBe(true);
  });

  it('types each exhausted fault precisely', async () => {
    sim.faults.inject({ type: 'http-500', path: ROOMS, times: Infinity });
    expect(await rejectionOf(apiFor(sim).listRooms())).toMatchObject({
      kind: 'api',
      status: 500,
      code: 10002,
    });
    sim.faults.clear();
    sim.faults.inject({ type: 'rate-limit', path: ROOMS, times: Infinity });
    const limited = await rejectionOf(apiFor(sim).listRooms());
    expect(limited).toMatchObject({ kind: 'api', status: 400, code: 190310 });
    expect((limited as WemeetError).hint).toMatch(/wait a minute/i);
    sim.faults.clear();
    sim.faults.inject({ type: 'hang', path: ROOMS, times: Infinity });
    expect(await rejectionOf(apiFor(sim, { timeoutMs: 150 }).listRooms())).toMatchObject({
      kind: 'timeout',
      timeoutMs: 150,
    });
    sim.faults.clear();
    sim.faults.inject({ type: 'malformed-json', path: ROOMS, times: Infinity });
    expect(await rejectionOf(apiFor(sim).listRooms())).toMatchObject({
      kind: 'response',
      problem: 'malformed-json',
    });
  });

  it('does not retry the per-day limit (190311)', async () => {
    sim.faults.inject({ type: 'rate-limit', code: 190311, path: ROOMS, times: Infinity });
    const sent = watch('GET', ROOMS);
    const err = await rejectionOf(apiFor(sim).listRooms());
    expect(err).toMatchObject({ kind: 'api', code: 190311 });
    expect((err as WemeetError).hint).toMatch(/does not wait a whole day: try again tomorrow/);
    expect((err as WemeetError).message).toMatch(/daily call quota/);
    expect(sent()).toHaveLength(1);
  });

  it('times out a slow answer and succeeds on the next attempt', async () => {
    sim.faults.inject({ type: 'delay', ms: 1000, path: ROOMS, times: 1 });
    const sent = watch('GET', ROOMS);
    const started = performance.now();
    const rooms = await apiFor(sim, { timeoutMs: 250 }).listRooms();
    expect(rooms).toHaveLength(30);
    expect(performance.now() - started).toBeLessThan(900);
    expect(sent()).toHaveLength(2);
  });

  it('times out a body that stops half-way (the timer covers the body read too)', async () => {
    // The simulator answers all at once; this server sends headers and half a body, then stalls.
    let received = 0;
    const server = createServer((_req, res) => {
      received += 1;
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"total_count":');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const started = performance.now();
      const err = await rejectionOf(
        apiFor(sim, { baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 }).listRooms(),
      );
      expect(err).toBeInstanceOf(WemeetTimeoutError);
      expect(received).toBe(3);
      expect(performance.now() - started).toBeLessThan(3000);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('takes a transport that fails like Electron net.fetch (a plain Error) as a network error', async () => {
    // The real fetch to the simulator, failing the way Electron's net.fetch does: its
    // ClientRequest rejects with a plain Error named after Chromium's net error.
    const netLike = async (input: string | URL | Request, init?: RequestInit) => {
      try {
        return await fetch(input, init);
      } catch {
        throw new Error('net::ERR_CONNECTION_RESET');
      }
    };
    sim.faults.inject({ type: 'reset', path: ROOMS, method: 'GET', times: 1 });
    const sent = watch('GET', ROOMS);
    expect(await apiFor(sim, { fetch: netLike }).listRooms()).toHaveLength(30);
    expect(sent()).toHaveLength(2);

    const roomPath = `${ROOMS}/${SIM_EXAMPLE_ROOM_ID}`;
    sim.faults.inject({ type: 'reset', path: roomPath, method: 'GET', times: Infinity });
    const err = await rejectionOf(apiFor(sim, { fetch: netLike }).getRoom(SIM_EXAMPLE_ROOM_ID));
    expect(err).toBeInstanceOf(WemeetNetworkError);
    expect((err as WemeetNetworkError).detail).toBe('net::ERR_CONNECTION_RESET');
  });

  it('retries room-call-info (a read sent as POST)', async () => {
    const request = callTarget();
    sim.faults.inject({ type: 'http-500', path: CALL_INFO, times: 1 });
    const sent = watch('POST', CALL_INFO);
    const info = await apiFor(sim).roomCallInfo(request);
    expect(info.status).toBeTypeOf('number');
    expect(sent()).toHaveLength(2);
    expect(sent()[0]?.body).toBe(sent()[1]?.body);
    expectFreshSignatures(sent());
  });

  it('waits with the injected sleep, and an abort during the wait ends the request', async () => {
    sim.faults.inject({ type: 'http-500', path: ROOMS, times: Infinity });
    const controller = new AbortController();
    const { options } = harness(sim, {
      sleep: () => {
        controller.abort(new Error('stopped by the user'));
        return Promise.reject(new Error('sleep interrupted'));
      },
    });
    const sent = watch('GET', ROOMS);
    const err = await rejectionOf(
      createWemeetApi(options).listRooms({ signal: controller.signal }),
    );
    expect(err).toEqual(new Error('stopped by the user'));
    expect(sent()).toHaveLength(1);
  });
});

describe('non-idempotent requests are sent exactly once', () => {
  const faults: [string, Fault, string][] = [
    ['HTTP 500', { type: 'http-500' }, 'api'],
    ['a reset', { type: 'reset' }, 'network'],
    ['a hang', { type: 'hang' }, 'timeout'],
    ['malformed JSON', { type: 'malformed-json' }, 'response'],
    ['a rate limit', { type: 'rate-limit' }, 'api'],
    ['a lost answer after the call started', { type: 'reset', when: 'after' }, 'network'],
  ];

  it.each(faults)('room-call after %s', async (_name, fault, kind) => {
    sim.faults.inject({ ...fault, path: ROOM_CALL, method: 'PUT', times: Infinity });
    const sent = watch('PUT', ROOM_CALL);
    const { options, sleeps } = harness(sim, { timeoutMs: timeoutFor(fault) });
    const err = await rejectionOf(createWemeetApi(options).roomCall(callTarget()));
    expect(err).toBeInstanceOf(WemeetError);
    expect((err as WemeetError).kind).toBe(kind);
    expect((err as WemeetError).message).toContain('PUT /v1/meeting-rooms/room-call');
    expect(sent()).toHaveLength(1);
    expect(sleeps).toEqual([]);
    // Still exactly one, once any stray socket activity has settled.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent()).toHaveLength(1);
  });

  it('cancel-room-call after HTTP 500 or a reset', async () => {
    const request = callTarget();
    const api = apiFor(sim);
    const call = await api.roomCall(request);
    for (const type of ['http-500', 'reset'] as const) {
      sim.faults.inject({ type, path: CANCEL, method: 'PUT', times: Infinity });
      const sent = watch('PUT', CANCEL);
      const err = await rejectionOf(api.cancelRoomCall({ ...request, inviteId: call.inviteId }));
      expect(err).toBeInstanceOf(type === 'reset' ? WemeetNetworkError : WemeetApiError);
      expect(sent()).toHaveLength(1);
      sim.faults.clear();
    }
  });
});

describe('authentication errors', () => {
  it('a skewed clock is 190300, with a hint to fix the clock, and is not retried', async () => {
    const sent = watch('GET', ROOMS);
    const skewed = apiFor(sim, { now: () => Date.now() - 6 * 60 * 1000 });
    const err = await rejectionOf(skewed.listRooms());
    expect(err).toBeInstanceOf(WemeetApiError);
    expect(err).toMatchObject({ code: 190300, status: 400 });
    expect(describeError(err).hint).toMatch(/clock/);
    expect(sent()).toHaveLength(1);
  });

  it('a wrong SecretId is 190303', async () => {
    const err = await rejectionOf(
      apiFor(sim, {
        credentials: { ...sim.credentials, secretId: 'AKIDwrongwrongwrongwrongEXAMPLE' },
      }).listRooms(),
    );
    expect(err).toBeInstanceOf(WemeetApiError);
    expect(err).toMatchObject({ code: 190303 });
    expect((err as WemeetError).hint).toMatch(/AppId, SecretId and SdkId/);
  });

  it('a wrong SecretKey is 200003', async () => {
    const err = await rejectionOf(
      apiFor(sim, {
        credentials: { ...sim.credentials, secretKey: 'WrongKeyWrongKeyWrongKeyEXAMPLE0' },
      }).listRooms(),
    );
    expect(err).toBeInstanceOf(WemeetApiError);
    expect(err).toMatchObject({ code: 200003 });
    expect((err as WemeetError).hint).toMatch(/SecretKey/);
  });

  it('an unknown operator is 190001, pointing at the operator setting', async () => {
    const err = await rejectionOf(apiFor(sim, { operatorId: 'nobody' }).listRooms());
    expect(err).toMatchObject({ kind: 'api', code: 190001 });
    expect((err as WemeetError).hint).toMatch(/operator userid/);
  });
});

describe('no secret in any message', () => {
  it('keeps credentials, signatures and header values out of every error', async () => {
    const wrongAppId = '987654321';
    const wrongKey = 'AnotherSecretKeyThatIsWrongEXAMPLE';
    const wrongId = 'AKIDanotherSecretIdEXAMPLE00000';
    const cases: (() => Promise<unknown>)[] = [
      () => apiFor(sim, { now: () => Date.now() + 10 * 60 * 1000 }).listRooms(),
      () => apiFor(sim, { credentials: { ...sim.credentials, appId: wrongAppId } }).listRooms(),
      () => apiFor(sim, { credentials: { ...sim.credentials, secretId: wrongId } }).listRooms(),
      () => apiFor(sim, { credentials: { ...sim.credentials, secretKey: wrongKey } }).listRooms(),
      () => apiFor(sim, { credentials: { ...sim.credentials, sdkId: '5556667' } }).listRooms(),
      () => {
        sim.faults.inject({
          type: 'error',
          status: 500,
          code: 10002,
          path: ROOMS,
          times: Infinity,
          message: `echo ${sim.credentials.secretId} ${sim.credentials.secretKey}`,
        });
        return apiFor(sim).listRooms();
      },
      () => {
        sim.faults.clear();
        sim.faults.inject({ type: 'reset', path: ROOM_CALL, times: 1 });
        return apiFor(sim).roomCall(callTarget());
      },
    ];
    const always = [
      sim.credentials.secretKey,
      sim.credentials.secretId,
      sim.credentials.appId,
      wrongAppId,
      wrongKey,
      wrongId,
      '5556667',
    ];
    const messages: string[] = [];
    for (const run of cases) {
      const start = sim.requests.length;
      const err = await rejectionOf(run());
      expect(err).toBeInstanceOf(WemeetError);
      const described = describeError(err);
      const texts = [described.message, described.hint, String(err), JSON.stringify(err)];
      // Every value this case's requests carried in their auth headers, but X-TC-Timestamp:
      // that is only the time, which the clock-skew (190300) message shows.
      const sentValues = sim.requests
        .slice(start)
        .flatMap((record) =>
          ['X-TC-Signature', 'X-TC-Nonce', 'X-TC-Key', 'AppId', 'SdkId'].map((name) =>
            header(record, name),
          ),
        );
      const forbidden = [...always, ...sentValues.filter((v) => v !== undefined)];
      expect(forbidden.length).toBeGreaterThan(always.length + 2);
      for (const text of texts) {
        for (const secret of forbidden) expect(text).not.toContain(secret);
      }
      messages.push(...texts);
    }
    // The messages still say what happened.
    expect(messages.join('\n')).toMatch(/190300[\s\S]*190303[\s\S]*200003/);
    expect(messages.join('\n')).toContain('[redacted]');
  });
});
