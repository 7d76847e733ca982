/**
 * `roomcall invite` when room-call's reply is lost (issue 12): a matrix of fault x phase over
 * the real client and the loopback simulator. 'before': the request never got through, so the
 * room is not called; 'after': the simulator placed the call (the room rings), then the reply
 * was lost. Each case asserts exactly one room-call, the final state and the exit code. The
 * client's timeout is 2 s (the harness's), so 'hang' and 'slow' cost that in real time.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_CURRENT_MEETING, type Fault } from '../sim/index';
import {
  CANCEL_ROOM_CALL,
  jsonOf,
  ROOM_CALL,
  ROOM_CALL_INFO,
  startCliHarness,
} from './cli-harness';

const harness = closeAfterEach(startCliHarness);

interface InviteJson {
  invite_id: string | null;
  state?: string;
  status?: number | null;
  reply_lost?: boolean;
  already?: boolean;
}

const CODE = '806-146-667';

/** Longer than the harness client's 2 s timeout. */
const SLOWER_THAN_TIMEOUT_MS = 4_000;

const FAULTS: readonly [string, Omit<Fault, 'when' | 'path'>][] = [
  ['reset', { type: 'reset' }],
  ['hang', { type: 'hang' }],
  ['500', { type: 'http-500' }],
  ['unreadable', { type: 'malformed-json' }],
  ['slow', { type: 'delay', ms: SLOWER_THAN_TIMEOUT_MS }],
];

function inviteArgs(room: string, ...flags: string[]): string[] {
  return ['invite', '--meeting', CODE, '--room', room, ...flags];
}

describe('roomcall invite --wait: a lost reply is followed to the truth, never called twice', () => {
  for (const [name, fault] of FAULTS) {
    it(`${name} after the call was placed: reply lost, the status followed to accepted, exit 0`, async () => {
      const { sim, run, requestsTo } = await harness();
      const room = sim.roomWithOutcome('accepted');
      sim.faults.inject({ ...fault, path: ROOM_CALL, when: 'after' });
      const result = await run(inviteArgs(room.meeting_room_id, '--wait', '--json'));
      expect(result.code).toBe(0);
      expect(jsonOf<InviteJson>(result)).toMatchObject({
        invite_id: null,
        state: 'accepted',
        status: 2,
        reply_lost: true,
      });
      expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
      expect(requestsTo('PUT', CANCEL_ROOM_CALL)).toEqual([]);
      const history = jsonOf<{ outcome: string }[]>(await run(['history', '--json']));
      expect(history.map((entry) => entry.outcome)).toEqual(['accepted']);
    });

    it(`${name} before the request reached the server: the status shows not called, exit 1`, async () => {
      const { sim, run, requestsTo } = await harness();
      const room = sim.roomWithOutcome('accepted');
      sim.faults.inject({ ...fault, path: ROOM_CALL, when: 'before' });
      const result = await run(inviteArgs(room.meeting_room_id, '--wait'));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^roomcall: The reply to the call into meeting .+ was lost \(.+\), and its status shows it was not called\./,
      );
      expect(result.stderr).toContain('Check that the room is online and idle');
      expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
      expect(requestsTo('POST', ROOM_CALL_INFO).length).toBeGreaterThan(0);
      const history = jsonOf<{ outcome: string }[]>(await run(['history', '--json']));
      expect(history.map((entry) => entry.outcome)).toEqual(['failed']);
    });
  }
});

describe('roomcall invite without --wait: the lost reply is said, with what the status shows', () => {
  it('reset after placing: "the reply was lost, but … ringing", exit 0', async () => {
    const { sim, run, requestsTo } = await harness();
    const room = sim.roomWithOutcome('accepted');
    sim.faults.inject({ type: 'reset', path: ROOM_CALL, when: 'after' });
    const result = await run(inviteArgs(room.meeting_room_id));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^The reply to room-call was lost, but the call's status shows room \d+ ringing in '.+' \(806-146-667\)\.\n$/,
    );
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('the status cannot be read either: unconfirmed, exit 4, how to check', async () => {
    const { sim, run, requestsTo } = await harness();
    const room = sim.roomWithOutcome('accepted');
    sim.faults.inject({ type: 'reset', path: ROOM_CALL, when: 'after' });
    sim.faults.inject({
      type: 'error',
      path: ROOM_CALL_INFO,
      status: 403,
      code: 9042,
      times: Infinity,
    });
    const result = await run(inviteArgs(room.meeting_room_id, '--wait'));
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(
      /^Unconfirmed: the reply to room-call was lost .* may be ringing\.\n$/,
    );
    expect(result.stderr).toContain(
      `Check it with: roomcall status --meeting ${SIM_CURRENT_MEETING.meeting_id} --room ${room.meeting_room_id}`,
    );
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    const history = jsonOf<{ outcome: string }[]>(await run(['history', '--json']));
    expect(history[0]?.outcome).toBe('unconfirmed');
  });

  it('Ctrl-C while a lost-reply call rings: nothing can be cancelled, and it says why', async () => {
    const { sim, run, requestsTo } = await harness({ ringMs: 60_000 });
    const room = sim.roomWithOutcome('accepted');
    sim.faults.inject({ type: 'reset', path: ROOM_CALL, when: 'after' });
    const result = await run(inviteArgs(room.meeting_room_id, '--wait'), {
      interruptWhen: (s) => s.requests.some((r) => r.path === ROOM_CALL_INFO),
    });
    expect(result.code).toBe(130);
    expect(result.stdout).toContain(
      'Not cancelled: the reply to room-call was lost, and Tencent Meeting cancels a call only with the invite ID that reply carried.',
    );
    expect(result.stderr).toContain('See where it stands: roomcall status --meeting ');
    expect(requestsTo('PUT', CANCEL_ROOM_CALL)).toEqual([]);
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });
});

describe('roomcall invite: no second ring', () => {
  it('a room already in the meeting is not called again: status read, no room-call, exit 0', async () => {
    const { sim, run, requestsTo } = await harness();
    const room = sim.roomWithOutcome('accepted');
    expect((await run(inviteArgs(room.meeting_room_id, '--wait'))).code).toBe(0);
    const again = await run(inviteArgs(room.meeting_room_id));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /^Already in the meeting: room \d+ is in '.+' \(806-146-667\); not called again\.\n$/,
    );
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    const json = await run(inviteArgs(room.meeting_room_id, '--json'));
    expect(jsonOf<InviteJson>(json)).toMatchObject({
      state: 'in-meeting',
      already: true,
      status: 2,
    });
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('a room still ringing is not called again', async () => {
    const { sim, run, requestsTo } = await harness({ ringMs: 60_000 });
    const room = sim.roomWithOutcome('accepted');
    expect((await run(inviteArgs(room.meeting_room_id))).code).toBe(0);
    const again = await run(inviteArgs(room.meeting_room_id));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already ringing: room \d+ is being called/);
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('10004 for a SIP address already in the meeting is explained by its status', async () => {
    const { sim, run, requestsTo, dataDir } = await harness();
    const sip = sim.mraWithOutcome('accepted');
    const args = ['invite', '--meeting', CODE, '--sip', sip.dial_string];
    expect((await run([...args, '--wait'])).code).toBe(0);
    // As from another machine (no history of the call): room-call is sent, 10004 comes back,
    // and the status says why.
    await rm(path.join(dataDir, 'history.json'));
    const again = await run(args);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already in the meeting: SIP .+; not called again\.\n$/);
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(2);
  });
});
