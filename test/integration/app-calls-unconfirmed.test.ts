/**
 * The app's call services when room-call's reply is lost (issue 12), against the simulator:
 * fault (reset, hang, 500, unreadable, slow) x phase ('before': the request never got through;
 * 'after': the call was placed and rings, then the reply was lost). Each case asserts exactly
 * one room-call, the final phase and the recent invites. Plus: no second ring once a room is
 * in the meeting, two quick clicks while room-call is really in flight, and the history saved
 * before the settled view goes out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CallView } from '../../main/shared/ipc/contract';
import type { Fault } from '../sim/index';
import {
  roomCallRequest,
  settledCall,
  startAppHarness,
  type AppHarness,
  type HarnessOptions,
} from './app-harness';

const ROOM_CALL = '/v1/meeting-rooms/room-call';
const ROOM_CALL_INFO = '/v1/meeting-rooms/room-call-info';
const CLIENT_TIMEOUT_MS = 1_500;

const FAULTS: readonly [string, Omit<Fault, 'when' | 'path'>][] = [
  ['reset', { type: 'reset' }],
  ['hang', { type: 'hang' }],
  ['500', { type: 'http-500' }],
  ['unreadable', { type: 'malformed-json' }],
  ['slow', { type: 'delay', ms: CLIENT_TIMEOUT_MS * 2 }],
];

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

async function start(options: HarnessOptions = {}): Promise<void> {
  h = await startAppHarness({ clientTimeoutMs: CLIENT_TIMEOUT_MS, ...options });
  await h.ok('refreshCurrentMeeting');
}

/** The lost-reply cases wait out client timeouts: a longer wait than the harness default. */
function settledView(callId: string): Promise<CallView> {
  return settledCall(h, callId, 15_000);
}

function phasesOf(callId: string): string[] {
  return h
    .eventsNamed('callProgress')
    .filter((view) => view.callId === callId)
    .map((view) => view.phase);
}

describe('app calls: a lost reply is checked, never reported failed while the room rings', () => {
  for (const [name, fault] of FAULTS) {
    it(`${name} after the call was placed: Checking…, then in the meeting; one room-call`, async () => {
      await start();
      h.sim.faults.inject({ ...fault, path: ROOM_CALL, when: 'after' });
      const view = await h.ok('startCall', roomCallRequest(h.sim, 'accepted'));
      const final = await settledView(view.callId);
      expect(final).toMatchObject({ phase: 'accepted', error: null });
      expect(phasesOf(view.callId)).toContain('checking');
      expect(phasesOf(view.callId)).not.toContain('failed');
      expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
      // Saved before the settled view went out: no wait for idle needed.
      const history = await h.ok('listHistory');
      expect(history.map((entry) => entry.outcome)).toEqual(['accepted']);
    });

    it(`${name} before the request got through: Checking…, then failed as not called`, async () => {
      await start();
      h.sim.faults.inject({ ...fault, path: ROOM_CALL, when: 'before' });
      const view = await h.ok('startCall', roomCallRequest(h.sim, 'accepted'));
      const final = await settledView(view.callId);
      expect(final.phase).toBe('failed');
      expect(final.error?.message).toMatch(/was lost .*its status shows it was not called/);
      expect(phasesOf(view.callId)).toContain('checking');
      expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
      expect(h.requestsTo('POST', ROOM_CALL_INFO).length).toBeGreaterThan(0);
      const history = await h.ok('listHistory');
      expect(history.map((entry) => entry.outcome)).toEqual(['failed']);
    });
  }

  it('the status cannot be read either: unconfirmed, recorded so', async () => {
    await start();
    h.sim.faults.inject({ type: 'reset', path: ROOM_CALL, when: 'after' });
    h.sim.faults.inject({
      type: 'error',
      path: ROOM_CALL_INFO,
      status: 403,
      code: 9042,
      times: Infinity,
    });
    const view = await h.ok('startCall', roomCallRequest(h.sim, 'accepted'));
    expect((await settledView(view.callId)).phase).toBe('unconfirmed');
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    const history = await h.ok('listHistory');
    expect(history[0]?.outcome).toBe('unconfirmed');
  });
});

describe('app calls: one click, one ring', () => {
  it('a room in the meeting is not called again: the new row says in the meeting', async () => {
    await start();
    const request = roomCallRequest(h.sim, 'accepted');
    const first = await h.ok('startCall', request);
    expect((await settledView(first.callId)).phase).toBe('accepted');
    const again = await h.ok('startCall', request);
    expect(again.callId).not.toBe(first.callId);
    expect((await settledView(again.callId)).phase).toBe('accepted');
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('two quick clicks while room-call is on the wire: one ring, one call', async () => {
    // room-call takes 300 ms of real time to get through: the second click certainly comes
    // while the first room-call is in flight, so only the in-flight check can stop it.
    await start({ roomCallLatencyMs: 300 });
    const request = roomCallRequest(h.sim, 'rejected');
    const first = await h.ok('startCall', request);
    // The first room-call has reached the simulator and waits there, unanswered.
    while (h.requestsTo('PUT', ROOM_CALL).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(h.requestsTo('PUT', ROOM_CALL)[0]?.status).toBe(0); // not answered yet
    const second = await h.ok('startCall', request);
    expect(second.callId).toBe(first.callId);
    await settledView(first.callId);
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('Recent invites has the outcome by the time the settled view goes out', async () => {
    await start();
    const view = await h.ok('startCall', roomCallRequest(h.sim, 'rejected'));
    await settledView(view.callId);
    const history = await h.ok('listHistory');
    expect(history[0]?.outcome).toBe('rejected');
  });
});
