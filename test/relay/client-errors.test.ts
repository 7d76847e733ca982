/**
 * What goes wrong through a REAL relay reaches RoomCall as the direct client's errors, so the
 * invite, the problem categories, the windows and the CLI behave the same: Tencent's code and
 * words, a lost room-call reply that reads as lost (never resent), reads retried; and the
 * relay's own refusals (sign-in, rate limit) as their own errors with words to act on.
 */
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyMayBeLost } from '../../main/core/invite/lost-reply';
import { classify } from '../../main/core/problem/classify';
import { RelayAuthError, RelayRateLimitError } from '../../main/core/relay/errors';
import { createRelayApi, type RelayApiOptions } from '../../main/core/relay/relay-api';
import { createWemeetApi } from '../../main/core/wemeet/api-impl';
import {
  WemeetApiError,
  WemeetNetworkError,
  WemeetTimeoutError,
} from '../../main/core/wemeet/errors';
import { SIM_CURRENT_MEETING } from '../sim/data';
import { startRelayHarness, type RelayHarness } from './support/relay-harness';

let h: RelayHarness;
let token = '';
const ROOM_CALL = '/v1/meeting-rooms/room-call';

beforeAll(async () => {
  h = await startRelayHarness();
  token = await h.token();
});

afterAll(async () => {
  await h.close();
});

function api(options: Partial<RelayApiOptions> = {}) {
  return createRelayApi({
    relayUrl: h.relay.url,
    bearer: () => Promise.resolve(token),
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

const meetingId = SIM_CURRENT_MEETING.meeting_id;
const target = () => {
  const room = h.sim.rooms.find((r) => r.is_allow_call);
  if (room === undefined) throw new Error('no callable room');
  return { kind: 'room' as const, meetingRoomId: room.meeting_room_id };
};
const roomCalls = () => h.sim.requests.filter((r) => r.path === ROOM_CALL).length;

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe("Tencent's refusals through the relay", () => {
  it('keep their code and words: the same error the direct client throws', async () => {
    const fault = { type: 'error' as const, path: ROOM_CALL, status: 400, code: 10004 };
    h.sim.faults.inject({ ...fault, message: 'call failed' });
    const viaRelay = await failure(api().roomCall({ meetingId, target: target() }));
    h.sim.faults.inject({ ...fault, message: 'call failed' });
    const direct = createWemeetApi({
      baseUrl: h.sim.baseUrl,
      credentials: h.sim.credentials,
      operatorId: h.sim.operatorId,
    });
    const directError = await failure(direct.roomCall({ meetingId, target: target() }));
    expect(viaRelay).toBeInstanceOf(WemeetApiError);
    expect((viaRelay as WemeetApiError).errorCode).toBe(10004);
    expect((viaRelay as Error).message).toBe((directError as Error).message);
    expect((viaRelay as Error).message).toContain('10004');
    expect(classify(viaRelay)).toEqual(classify(directError));
    expect(replyMayBeLost(viaRelay)).toBe(false);
  });
});

describe('room-call is sent once, whatever happens', () => {
  it('a reply Tencent lost after ringing reads as lost, and is not resent', async () => {
    const before = roomCalls();
    h.sim.faults.inject({ type: 'reset', path: ROOM_CALL, when: 'after' });
    const error = await failure(api().roomCall({ meetingId, target: target() }));
    expect(roomCalls() - before).toBe(1);
    expect(replyMayBeLost(error)).toBe(true);
    expect(classify(error).category).not.toBe('internal');
  });

  it('a relay that does not answer in time: a timeout, lost, not resent', async () => {
    const before = roomCalls();
    h.sim.faults.inject({ type: 'delay', path: ROOM_CALL, ms: 1500 });
    const error = await failure(api({ timeoutMs: 300 }).roomCall({ meetingId, target: target() }));
    expect(error).toBeInstanceOf(WemeetTimeoutError);
    expect(replyMayBeLost(error)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect(roomCalls() - before).toBe(1);
  });

  it('a relay that is not there: never sent, so a failure, not a lost reply', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const gone = createRelayApi({
      relayUrl: `http://127.0.0.1:${port}`,
      bearer: () => Promise.resolve(token),
    });
    const error = await failure(gone.roomCall({ meetingId, target: target() }));
    expect(error).toBeInstanceOf(WemeetNetworkError);
    expect(replyMayBeLost(error)).toBe(false);
    expect(classify(error).category).toBe('network');
    expect((error as Error).message).toContain(`the RoomCall relay http://127.0.0.1:${port}`);
  });
});

describe('reads are retried like the direct client retries them', () => {
  it('a server error the relay passes on is tried again, and then succeeds', async () => {
    // The relay's own client tries twice (the harness); the third failure reaches RoomCall.
    h.sim.faults.inject({ type: 'http-500', path: '/v1/meetings', times: 3 });
    const before = h.sim.requests.filter((r) => r.path === '/v1/meetings').length;
    const meetings = await api().listOperatorMeetings();
    expect(meetings.length).toBeGreaterThan(0);
    const sent = h.sim.requests.filter((r) => r.path === '/v1/meetings').length - before;
    expect(sent).toBeGreaterThanOrEqual(4);
  });
});

describe("the relay's own refusals", () => {
  it('an unknown token: sign in again, category auth, the token never quoted', async () => {
    const stranger = 'rc_not-a-real-token-0123456789';
    const error = await failure(api({ bearer: () => Promise.resolve(stranger) }).whoAmI());
    expect(error).toBeInstanceOf(RelayAuthError);
    expect((error as RelayAuthError).reason).toBe('unauthenticated');
    const problem = classify(error);
    expect(problem.category).toBe('auth');
    expect(problem.hint).toMatch(/sign in/i);
    expect(JSON.stringify(problem)).not.toContain(stranger);
  });

  it('a revoked token: token-revoked, and nothing reaches Tencent', async () => {
    const revoked = await h.token();
    const [record] = (await h.storage.tokens.list()).slice(-1);
    if (record === undefined) throw new Error('no token issued');
    await h.storage.tokens.revoke(record.id, Date.now());
    const before = roomCalls();
    const error = await failure(
      api({ bearer: () => Promise.resolve(revoked) }).roomCall({ meetingId, target: target() }),
    );
    expect((error as RelayAuthError).reason).toBe('token-revoked');
    expect(replyMayBeLost(error)).toBe(false);
    expect(roomCalls()).toBe(before);
  });

  it('an expired token: token-expired', async () => {
    const expired = await h.token(h.sim.operatorId, Date.now() - 1000);
    const error = await failure(api({ bearer: () => Promise.resolve(expired) }).whoAmI());
    expect((error as RelayAuthError).reason).toBe('token-expired');
    expect((error as Error).message).toMatch(/expired/);
  });
});

describe("the relay's rate limit", () => {
  it('is a rate-limit problem with the wait in its words; room-call is not resent', async () => {
    const limited = await startRelayHarness({ settings: { personPerMinute: 2 } });
    try {
      const mine = await limited.token();
      const slow = createRelayApi({
        relayUrl: limited.relay.url,
        bearer: () => Promise.resolve(mine),
        retry: { attempts: 1 },
      });
      await slow.whoAmI().catch(() => undefined);
      await slow.whoAmI().catch(() => undefined);
      const error = await failure(slow.listOperatorMeetings());
      expect(error).toBeInstanceOf(RelayRateLimitError);
      expect((error as RelayRateLimitError).retryAfter).toMatch(/^\d+$/);
      const problem = classify(error);
      expect(problem.category).toBe('rate-limit');
      expect(problem.message).toMatch(/try again in \d+ s/);
    } finally {
      await limited.close();
    }
  });
});
