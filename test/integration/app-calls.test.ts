import { afterEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../main/shared/model/history-schema';
import type { CallView } from '../../main/shared/ipc/contract';
import { SIM_CURRENT_MEETING } from '../sim/index';
import {
  roomCallRequest,
  settledCall,
  startAppHarness,
  type AppHarness,
  type HarnessOptions,
} from './app-harness';
import { simRoomFavorite } from '../helpers/sim-room-ref';

const ROOM_CALL = '/v1/meeting-rooms/room-call';
const CANCEL = '/v1/meeting-rooms/cancel-room-call';

let h: AppHarness;
let settled: CallView[];
afterEach(async () => {
  await h.close();
});

async function start(options: HarnessOptions = {}): Promise<void> {
  settled = [];
  h = await startAppHarness({
    ...options,
    services: { onCallSettled: (view) => settled.push(view) },
  });
  await h.ok('refreshCurrentMeeting');
}

function phasesOf(callId: string): string[] {
  return h
    .eventsNamed('callProgress')
    .filter((view) => view.callId === callId)
    .map((view) => view.phase);
}

async function history(): Promise<HistoryEntry[]> {
  await h.app.calls.whenIdle();
  return h.ok('listHistory');
}

describe('calls (against the simulator)', () => {
  it('invites a favourite into the current meeting and follows it to accepted', async () => {
    await start();
    const room = h.sim.roomWithOutcome('accepted');
    const added = await h.ok('addFavorite', simRoomFavorite(room));
    const view = await h.ok('startCall', { favoriteId: added.favorite.id });
    expect(view).toMatchObject({
      phase: 'calling',
      settled: false,
      favoriteId: added.favorite.id,
      target: { kind: 'room', meetingRoomId: room.meeting_room_id, name: room.meeting_room_name },
      meeting: { meetingId: SIM_CURRENT_MEETING.meeting_id },
    });

    const done = await settledCall(h, view.callId);
    expect(done.phase).toBe('accepted');
    expect(done.error).toBeNull();
    expect(phasesOf(view.callId)).toEqual(['calling', 'ringing', 'accepted']);
    expect(settled.map((call) => call.phase)).toEqual(['accepted']);

    const [entry] = await history();
    expect(entry).toMatchObject({
      outcome: 'accepted',
      target: { kind: 'room', meetingRoomId: room.meeting_room_id },
      meeting: { meetingId: SIM_CURRENT_MEETING.meeting_id },
    });
    const calls = await h.ok('listCalls');
    expect(calls.map((call) => call.callId)).toEqual([view.callId]);
  });

  it.each([
    ['rejected', 'rejected'],
    ['no-answer', 'no-answer'],
  ] as const)('reports a room that ends %s', async (outcome, phase) => {
    await start();
    const view = await h.ok('startCall', roomCallRequest(h.sim, outcome));
    expect((await settledCall(h, view.callId)).phase).toBe(phase);
    expect((await history())[0]?.outcome).toBe(outcome);
  });

  it('calls a SIP address', async () => {
    await start();
    const mra = h.sim.mraWithOutcome('accepted');
    const view = await h.ok('startCall', {
      mra: { protocol: 'sip', dialString: mra.dial_string, label: 'Lab' },
    });
    expect(view.target).toEqual({
      kind: 'mra',
      protocol: 'sip',
      dialString: mra.dial_string,
      label: 'Lab',
    });
    expect((await settledCall(h, view.callId)).phase).toBe('accepted');
  });

  it('rings once for two rapid clicks, and again once the first call is over', async () => {
    await start();
    const request = roomCallRequest(h.sim, 'rejected');
    const [first, second] = await Promise.all([
      h.ok('startCall', request),
      h.ok('startCall', request),
    ]);
    expect(second.callId).toBe(first.callId);
    await settledCall(h, first.callId);
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(1);

    const again = await h.ok('startCall', request);
    expect(again.callId).not.toBe(first.callId);
    await settledCall(h, again.callId);
    expect(h.requestsTo('PUT', ROOM_CALL)).toHaveLength(2);
  });

  it('cancels a ringing call once, and records it as cancelled', async () => {
    await start({ ringMs: 60_000 });
    const view = await h.ok('startCall', roomCallRequest(h.sim, 'accepted'));
    await h.waitForEvent(
      'callProgress',
      (call) => call.callId === view.callId && call.phase === 'ringing',
    );
    const cancelling = await h.ok('cancelCall', { callId: view.callId });
    expect(cancelling.phase).toBe('cancelling');
    const done = await settledCall(h, view.callId);
    expect(done.phase).toBe('cancelled');
    expect(h.requestsTo('PUT', CANCEL)).toHaveLength(1);
    expect((await history())[0]?.outcome).toBe('cancelled');
    // Cancelling a call that is over changes nothing and sends nothing.
    expect((await h.ok('cancelCall', { callId: view.callId })).phase).toBe('cancelled');
    expect(h.requestsTo('PUT', CANCEL)).toHaveLength(1);
    // Nothing is left to notify about a call the person stopped.
    expect(settled.map((call) => call.phase)).toEqual(['cancelled']);
  });

  it('reports a refused call with the server code, and records why', async () => {
    await start();
    const view = await h.ok('startCall', roomCallRequest(h.sim, 'offline'));
    const done = await settledCall(h, view.callId);
    expect(done).toMatchObject({ phase: 'failed', error: { kind: 'api', code: 10004 } });
    const [entry] = await history();
    expect(entry?.outcome).toBe('failed');
    expect(entry?.detail).toContain('10004');
  });

  it('refuses without a current meeting, an unknown call or a bad address, sending nothing', async () => {
    await start();
    h.sim.meetings.forEach((meeting) => {
      if (meeting.status === 'MEETING_STATE_STARTED') meeting.status = 'MEETING_STATE_ENDED';
    });
    await h.ok('refreshCurrentMeeting');
    const before = h.sim.requests.length;
    expect(await h.call('startCall', roomCallRequest(h.sim, 'accepted'))).toMatchObject({
      ok: false,
      error: { kind: 'no-meeting' },
    });
    expect(await h.call('startCall', { favoriteId: 'nope' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(
      await h.call('startCall', { mra: { protocol: 'sip', dialString: 'no host', label: null } }),
    ).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(await h.call('cancelCall', { callId: 'unknown' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    });
    expect(h.sim.requests.length).toBe(before);
  });

  it('invites into a meeting the person typed', async () => {
    await start();
    await h.ok('setMeeting', { text: '513-270-981' });
    const view = await h.ok('startCall', roomCallRequest(h.sim, 'accepted'));
    expect(view.meeting?.meetingCode).toBe('513270981');
    expect((await settledCall(h, view.callId)).phase).toBe('accepted');
  });
});
