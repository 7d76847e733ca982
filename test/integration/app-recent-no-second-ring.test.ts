/**
 * Recent invites list the room-calls the app sent. When a second click finds the target
 * already in the meeting or still ringing (the one-ring check in main/core/invite reads the
 * status first and sends no room-call), nothing new was sent, so no new entry is written:
 * the same rule as the CLI's (main/cli/invite-history.ts). Against the simulator, on the
 * harness's virtual time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { INVITE_DEFAULTS } from '../../main/core/invite/invite';
import {
  roomCallRequest,
  settledCall,
  startAppHarness,
  type AppHarness,
  type HarnessOptions,
} from './app-harness';

const ROOM_CALL = '/v1/meeting-rooms/room-call';

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

async function start(options: HarnessOptions = {}): Promise<void> {
  h = await startAppHarness(options);
  await h.ok('refreshCurrentMeeting');
}

/** The recent invites once every call and its entry are written. */
async function recentOutcomes(): Promise<string[]> {
  await h.app.calls.whenIdle();
  return (await h.ok('listHistory')).map((entry) => entry.outcome);
}

describe('Recent invites: no entry for a click that rang nothing', () => {
  it('a room already in the meeting: no second room-call, no second entry', async () => {
    await start();
    const request = roomCallRequest(h.sim, 'accepted');
    const first = await h.ok('startCall', request);
    expect((await settledCall(h, first.callId)).phase).toBe('accepted');
    expect(await recentOutcomes()).toEqual(['accepted']);

    const again = await h.ok('startCall', request);
    expect((await settledCall(h, again.callId)).phase).toBe('accepted');
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    expect(await recentOutcomes()).toEqual(['accepted']);
  });

  it('a room still ringing after the first call gave up: followed, not rung, no new entry', async () => {
    // The room rings longer than the invite follows a call (its 75 s deadline), so the first
    // call ends 'timed-out' with the room still ringing, and a second click finds it ringing.
    const ringMs = INVITE_DEFAULTS.deadlineMs + 30_000;
    await start({ ringMs });
    const request = roomCallRequest(h.sim, 'accepted');
    const first = await h.ok('startCall', request);
    expect((await settledCall(h, first.callId)).phase).toBe('timed-out');
    expect(await recentOutcomes()).toEqual(['ringing']);

    const again = await h.ok('startCall', request);
    // Followed to the end of the ring that is already going on.
    expect((await settledCall(h, again.callId)).phase).toBe('accepted');
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    expect(await recentOutcomes()).toEqual(['ringing']);
  });

  it('a room that declined is rung again: a second room-call, a second entry', async () => {
    await start();
    const request = roomCallRequest(h.sim, 'rejected');
    const first = await h.ok('startCall', request);
    expect((await settledCall(h, first.callId)).phase).toBe('rejected');
    const again = await h.ok('startCall', request);
    expect((await settledCall(h, again.callId)).phase).toBe('rejected');
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(2);
    expect(await recentOutcomes()).toEqual(['rejected', 'rejected']);
  });
});
