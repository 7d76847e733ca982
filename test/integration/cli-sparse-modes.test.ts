/**
 * The CLI's key paths against the simulator in both answer styles (test/helpers/sim-modes.ts):
 * every field sent, and sparse, as a Go service with omitempty answers (the SDKs mark those
 * fields optional). One test body per path, run in both modes: `rooms`, `meetings` (every page,
 * the last without remaining), `invite --wait` (accepted, rejected, no answer:
 * status 0 left out), `status`, `cancel` and `invite --meeting <join link>`.
 */
import { describe, expect, it } from 'vitest';
import type { Meeting, Room } from '../../main/core/wemeet/api';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_MODES } from '../helpers/sim-modes';
import { VIRTUAL_START } from '../helpers/virtual-simulator';
import { signedFetch } from '../sim/signed-fetch';
import {
  SIM_CURRENT_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  SIM_SAME_START_MEETINGS,
  SIM_UPCOMING_MEETINGS,
} from '../sim/index';
import {
  CANCEL_ROOM_CALL,
  jsonOf,
  ROOM_CALL,
  startCliHarness,
  type CliHarness,
  type HarnessOptions,
} from './cli-harness';

const start = closeAfterEach(startCliHarness);
const ID = SIM_CURRENT_MEETING.meeting_id;
const CODE = SIM_CURRENT_MEETING.meeting_code;

interface InviteJson {
  invite_id: string | null;
  meeting_id: string;
  state?: string;
  status?: number | null;
}

interface StatusJson {
  state: string;
  status: number;
  response_time: string | null;
}

/**
 * The last page the CLI read of the meeting list, asked again as it asked (the simulator does
 * not record answers; a read changes nothing), so the test sees what the CLI was sent.
 */
async function lastMeetingPage(h: CliHarness): Promise<Record<string, unknown>> {
  const last = h.requestsTo('GET', '/v1/meetings').at(-1);
  if (last === undefined) throw new Error('no meeting list read');
  const uri = `${last.path}?${new URLSearchParams(last.query).toString()}`;
  const page = await signedFetch(h.sim, { method: 'GET', uri, nowMs: VIRTUAL_START });
  expect(page.status).toBe(200);
  return page.json as Record<string, unknown>;
}

describe.each(SIM_MODES)('roomcall with $mode', ({ sparse }) => {
  const harness = (options: HarnessOptions = {}) => start({ ...options, sparse });

  it('rooms --json: every room of every page; absent flags read as their zero value', async () => {
    const h = await harness({ rooms: 120 });
    const result = await h.run(['rooms', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rooms = jsonOf<Room[]>(result);
    expect(rooms.map((r) => r.meeting_room_id)).toEqual(h.sim.rooms.map((r) => r.meeting_room_id));
    // Each room as the simulator holds it: a field left out came back as 0 or false.
    for (const [i, room] of rooms.entries()) {
      const held = h.sim.rooms[i];
      expect(room).toMatchObject({
        meeting_room_status: held?.meeting_room_status,
        is_allow_call: held?.is_allow_call,
      });
    }
    expect(rooms.some((r) => !r.is_allow_call)).toBe(true);
    expect(rooms.some((r) => r.meeting_room_status === 0)).toBe(true);
  });

  it('rooms: the table says "not activated" and "no" for rooms whose fields were left out', async () => {
    const h = await harness();
    const result = await h.run(['rooms']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(41);
    expect(lines.some((line) => /not activated\s+no$/.test(line))).toBe(true);
  });

  it('meetings --json: every page, de-duplicated, the last page without pos/cursory/remaining', async () => {
    const h = await harness();
    const result = await h.run(['meetings', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const meetings = jsonOf<Meeting[]>(result);
    expect(meetings).toHaveLength(3 + SIM_UPCOMING_MEETINGS + SIM_SAME_START_MEETINGS);
    expect(new Set(meetings.map((m) => m.meeting_id)).size).toBe(meetings.length);
    expect(meetings[0]).toMatchObject({ meeting_id: ID, status: 'MEETING_STATE_STARTED' });
    const last = await lastMeetingPage(h);
    if (sparse) {
      // remaining 0 is left out: absent must end the paging, not read as "unknown, go on".
      expect(last).not.toHaveProperty('remaining');
    } else {
      expect(last['remaining']).toBe(0);
    }
  });

  it('no rooms and no meetings (sparse: {} answers): empty lists, and invite asks for --meeting', async () => {
    const h = await harness({ rooms: 0 });
    h.sim.meetings.length = 0;
    const rooms = await h.run(['rooms', '--json']);
    expect(rooms.stderr).toBe('');
    expect(rooms.code).toBe(0);
    expect(jsonOf<Room[]>(rooms)).toEqual([]);
    const meetings = await h.run(['meetings', '--json']);
    expect(meetings.stderr).toBe('');
    expect(meetings.code).toBe(0);
    expect(jsonOf<Meeting[]>(meetings)).toEqual([]);
    const invite = await h.run(['invite', '--sip', 'room@vc.example.com']);
    expect(invite.code).toBe(2);
    expect(invite.stderr).toContain('--meeting');
    expect(h.requestsTo('PUT', ROOM_CALL)).toEqual([]);
  });

  it('a meeting with an empty subject (left out when sparse) is listed and callable', async () => {
    const h = await harness();
    const current = h.sim.meetings.find((m) => m.meeting_id === ID);
    if (current === undefined) throw new Error('the simulator lost its current meeting');
    current.subject = '';
    const meetings = await h.run(['meetings', '--json']);
    expect(meetings.stderr).toBe('');
    expect(meetings.code).toBe(0);
    expect(jsonOf<Meeting[]>(meetings)[0]).toMatchObject({ meeting_id: ID, subject: '' });
    const invite = await h.run(['invite', '--meeting', CODE, '--sip', 'room@vc.example.com']);
    expect(invite.stderr).toBe('');
    expect(invite.code).toBe(0);
    expect(h.requestsTo('PUT', ROOM_CALL)[0]?.meetingIdRaw).toBe(ID);
  });

  it('invite --wait, accepted: exit 0', async () => {
    const h = await harness({ ringMs: 3_000 });
    const room = h.sim.roomWithOutcome('accepted');
    const result = await h.run([
      'invite',
      '--meeting',
      CODE,
      '--room',
      room.meeting_room_id,
      '--wait',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(jsonOf<InviteJson>(result)).toMatchObject({
      state: 'accepted',
      status: 2,
      meeting_id: ID,
    });
  });

  it('invite --wait, rejected: exit 3', async () => {
    const h = await harness();
    const room = h.sim.roomWithOutcome('rejected');
    const result = await h.run([
      'invite',
      '--meeting',
      CODE,
      '--room',
      room.meeting_room_id,
      '--wait',
    ]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(`Rejected: room ${room.meeting_room_id} declined the call.\n`);
  });

  it('invite --wait, no answer (status 0, left out when sparse): exit 3, state no-answer', async () => {
    const h = await harness();
    const room = h.sim.roomWithOutcome('no-answer');
    const result = await h.run([
      'invite',
      '--meeting',
      CODE,
      '--room',
      room.meeting_room_id,
      '--wait',
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(3);
    const doc = jsonOf<InviteJson>(result);
    expect(doc.state).toBe('no-answer');
    expect(doc.status).toBe(0);
    expect(doc.invite_id).toEqual(expect.any(String));
  });

  it('status before any call: not-called, status 1', async () => {
    const h = await harness();
    const result = await h.run([
      'status',
      '--meeting',
      ID,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
      '--json',
    ]);
    expect(result.code).toBe(0);
    // Never called: response_time is "" in full answers and left out in sparse ones; the same
    // document either way (no time: null; a time is ISO 8601 with the local offset).
    expect(jsonOf<StatusJson>(result)).toEqual({
      meeting_id: ID,
      target: { kind: 'room', meeting_room_id: SIM_EXAMPLE_ROOM_ID, name: null },
      state: 'not-called',
      status: 1,
      response_time: null,
    });
  });

  it('cancel a ringing call, then status reads cancelled (5)', async () => {
    const h = await harness({ ringMs: 60_000 });
    const placed = await h.run([
      'invite',
      '--meeting',
      ID,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
      '--json',
    ]);
    expect(placed.code).toBe(0);
    const inviteId = jsonOf<InviteJson>(placed).invite_id ?? '';
    const ringing = await h.run([
      'status',
      '--meeting',
      ID,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
      '--json',
    ]);
    expect(jsonOf<StatusJson>(ringing)).toMatchObject({ state: 'ringing' });
    const cancelled = await h.run([
      'cancel',
      '--meeting',
      ID,
      '--invite',
      inviteId,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
    ]);
    expect(cancelled.stderr).toBe('');
    expect(cancelled.code).toBe(0);
    expect(h.requestsTo('PUT', CANCEL_ROOM_CALL)).toHaveLength(1);
    const after = await h.run(['status', '--meeting', ID, '--room', SIM_EXAMPLE_ROOM_ID, '--json']);
    expect(jsonOf<StatusJson>(after).status).toBe(5);
  });

  it('invite --meeting <join link>: the room goes into that meeting, found on the last page', async () => {
    const h = await harness();
    const target = h.sim.meetings
      .filter((m) => m.creator === h.sim.operatorId && m.status === 'MEETING_STATE_INIT')
      .at(-1);
    if (target === undefined) throw new Error('the simulator has no upcoming meeting');
    const result = await h.run([
      'invite',
      '--meeting',
      target.join_url,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(jsonOf<InviteJson>(result).meeting_id).toBe(target.meeting_id);
    expect(h.requestsTo('PUT', ROOM_CALL)[0]?.meetingIdRaw).toBe(target.meeting_id);
  });
});
