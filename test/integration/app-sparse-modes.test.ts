/**
 * The app's services against the simulator in both answer styles (test/helpers/sim-modes.ts):
 * every field sent, and sparse, as a Go service with omitempty answers. One test body per path,
 * run in both modes: a call followed to accepted, rejected and no answer (status 0 left out),
 * the directory sync (flags left out read as their zero value), the meeting tracker and a join
 * link found on the meeting list's last page (no remaining there).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SIM_MODES } from '../helpers/sim-modes';
import { SIM_CURRENT_MEETING } from '../sim/index';
import {
  roomCallRequest,
  startAppHarness,
  type AppHarness,
  type HarnessOptions,
} from './app-harness';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe.each(SIM_MODES)('app services with $mode', ({ sparse }) => {
  async function start(options: HarnessOptions = {}): Promise<AppHarness> {
    h = await startAppHarness({ ...options, sparse });
    return h;
  }

  it.each(['accepted', 'rejected', 'no-answer'] as const)(
    'a call into the current meeting ends %s, recorded in the history',
    async (outcome) => {
      const app = await start();
      const meeting = await app.ok('refreshCurrentMeeting');
      expect(meeting.selected?.meetingId).toBe(SIM_CURRENT_MEETING.meeting_id);
      const view = await app.ok('startCall', roomCallRequest(app.sim, outcome));
      const done = await app.waitForEvent(
        'callProgress',
        (call) => call.callId === view.callId && call.settled,
      );
      expect(done.phase).toBe(outcome);
      expect(done.error).toBeNull();
      await app.app.calls.whenIdle();
      const [entry] = await app.ok('listHistory');
      expect(entry?.outcome).toBe(outcome);
    },
  );

  it('the directory sync reads every page; left-out flags are not callable / not activated', async () => {
    const app = await start({ rooms: 120 });
    await app.ok('refreshDirectory');
    const done = await app.waitForEvent('directoryChanged', (status) => !status.syncing);
    expect(done).toMatchObject({ roomCount: 120, error: null });
    const directory = await app.ok('getDirectory');
    expect(directory.rooms.map((room) => room.meetingRoomId)).toEqual(
      app.sim.rooms.map((room) => room.meeting_room_id),
    );
    for (const [i, room] of directory.rooms.entries()) {
      expect(room.callable, room.meetingRoomId).toBe(app.sim.rooms[i]?.is_allow_call);
    }
    const notActivated = app.sim.rooms.findIndex((room) => room.meeting_room_status === 0);
    expect(notActivated).toBeGreaterThanOrEqual(0);
    expect(directory.rooms[notActivated]?.status).toBe('not-activated');
    expect(directory.rooms.some((room) => !room.callable)).toBe(true);
  });

  it("the meeting tracker finds the one in progress, and a join link on the list's last page", async () => {
    const app = await start();
    const view = await app.ok('refreshCurrentMeeting');
    expect(view.state).toBe('one');
    expect(view.selected).toMatchObject({
      meetingId: SIM_CURRENT_MEETING.meeting_id,
      meetingCode: SIM_CURRENT_MEETING.meeting_code,
      inProgress: true,
    });
    const target = app.sim.meetings
      .filter((m) => m.creator === app.sim.operatorId && m.status === 'MEETING_STATE_INIT')
      .sort((a, b) => Number(a.start_time) - Number(b.start_time))
      .at(-1);
    if (target === undefined) throw new Error('no upcoming meeting of the operator');
    const byLink = await app.ok('setMeeting', { text: target.join_url });
    expect(byLink.state).toBe('manual');
    expect(byLink.selected?.meetingId).toBe(target.meeting_id);
    expect(byLink.selected?.inProgress).toBe(false);
  });
});
