/**
 * `roomcall invite` in process, over the real client and the loopback simulator: output in
 * both forms, exit codes, what reaches the server (and what never does), --wait, Ctrl-C,
 * the current meeting, and the history it writes.
 */
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import {
  SIM_CURRENT_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  SIM_INVITEE_MEETING,
  SIM_TWENTY_DIGIT_MEETING,
  SIM_UNKNOWN_MEETING_CODE,
} from '../sim/index';
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
  meeting_id: string;
  meeting_code: string;
  subject: string;
  target: Record<string, string | null>;
  state?: string;
  status?: number | null;
}

const CODE = '806-146-667';

/** `roomcall invite --meeting 806-146-667 --room <room>` and any further flags. */
function inviteArgs(room: string, ...flags: string[]): string[] {
  return ['invite', '--meeting', CODE, '--room', room, ...flags];
}

describe('roomcall invite: bad input is refused before anything is sent (exit 2)', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a 10-digit grouped code',
      ['--meeting', '806-146-6670', '--room', SIM_EXAMPLE_ROOM_ID],
      /--meeting: A meeting code has 9 digits; '806-146-6670' has 10\./,
    ],
    [
      'an 18-digit number, neither a code nor an ID',
      ['--meeting', '756717327388927613', '--room', SIM_EXAMPLE_ROOM_ID],
      /--meeting: '756717327388927613' has 18 digits: a meeting code has 9 \(e\.g\. 806-146-667\) and a meeting ID 19 or 20/,
    ],
    [
      'no target',
      ['--meeting', CODE],
      /Choose what to call: --room <meeting_room_id>, --sip <address>, --h323 <address> or --favorite/,
    ],
    [
      'two targets',
      ['--meeting', CODE, '--room', SIM_EXAMPLE_ROOM_ID, '--sip', '10.0.0.1'],
      /Choose one thing to call, not --room and --sip\./,
    ],
    [
      'a SIP host without user',
      ['--meeting', CODE, '--sip', 'vc.example.com'],
      /'vc\.example\.com' is not a SIP address: it has no user part/,
    ],
    [
      // Written with dashes it is accepted (sent as its digits); too long it is not.
      'an H.323 number with too many digits',
      ['--meeting', CODE, '--h323', '+86-10-1234-5678-9012'],
      /an E\.164 number has at most 15 digits; this one has 16/,
    ],
    [
      'a room ID with letters',
      ['--meeting', CODE, '--room', 'abc'],
      /A meeting room ID has digits only/,
    ],
    ['an empty SIP address', ['--meeting', CODE, '--sip', ''], /Enter a SIP address/],
    [
      'a room ID with a space',
      ['--meeting', CODE, '--room', '12 34'],
      /A meeting room ID cannot contain spaces/,
    ],
    [
      'an unknown favourite',
      ['--meeting', CODE, '--favorite', 'Boardroom'],
      /No favourite matches 'Boardroom': you have no favourites yet\./,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const { sim, run } = await harness();
      const result = await run(['invite', ...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stdout).toBe('');
      expect(sim.requests).toEqual([]);
    });
  }

  it('an unknown option is a usage error from commander, with a pointer to --help', async () => {
    const { sim, run } = await harness();
    const result = await run(['invite', '--rom', SIM_EXAMPLE_ROOM_ID]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--rom'/);
    expect(result.stderr).toMatch(/--help/);
    expect(sim.requests).toEqual([]);
  });

  it('missing credentials: exit 2 saying what to do, nothing sent', async () => {
    const { sim, run } = await harness();
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID), {
      env: {},
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No Tencent Meeting credentials are set up.');
    expect(result.stderr).toContain('roomcall auth login');
    expect(result.stderr).toContain('WEMEET_APP_ID');
    expect(sim.requests).toEqual([]);
  });

  it('a missing operator: exit 2 naming WEMEET_OPERATOR_ID, nothing sent', async () => {
    const { sim, run, env } = await harness();
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID), {
      env: { ...env, WEMEET_OPERATOR_ID: undefined },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No operator is set up');
    expect(result.stderr).toContain('WEMEET_OPERATOR_ID');
    expect(sim.requests).toEqual([]);
  });

  it('incomplete WEMEET_* credentials: exit 2 naming the missing variable', async () => {
    const { sim, run, env } = await harness();
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID), {
      env: { ...env, WEMEET_SECRET_KEY: '' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/WEMEET_SECRET_KEY is not set/);
    expect(sim.requests).toEqual([]);
  });
});

describe('roomcall invite: placing a call', () => {
  it('human output: who, into which meeting, and the invite ID', async () => {
    const { run, requestsTo } = await harness();
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Invited room 1234567890123456789 into '产品周会 Weekly product sync' \(806-146-667\)\.\nInvite ID: \S+\n$/,
    );
    expect(result.stderr).toBe('');
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    expect(requestsTo('POST', ROOM_CALL_INFO)).toEqual([]);
  });

  it('--json: exactly one document with invite_id, meeting_id, meeting_code and target', async () => {
    const { run, requestsTo } = await harness();
    const result = await run([
      'invite',
      '--meeting',
      CODE,
      '--sip',
      'room@vc.example.com',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const doc = jsonOf<InviteJson>(result);
    expect(doc).toEqual({
      invite_id: expect.any(String) as string,
      meeting_id: SIM_CURRENT_MEETING.meeting_id,
      meeting_code: SIM_CURRENT_MEETING.meeting_code,
      subject: SIM_CURRENT_MEETING.subject,
      target: { kind: 'sip', dial_string: 'room@vc.example.com', name: null },
    });
    const body = JSON.parse(requestsTo('PUT', ROOM_CALL)[0]?.body ?? '{}') as Record<
      string,
      unknown
    >;
    expect(body['mra_address']).toEqual({ protocol: 1, dial_string: 'room@vc.example.com' });
  });

  it('big IDs: the 19-digit current meeting reaches the server and prints with every digit', async () => {
    const { run, requestsTo } = await harness();
    const result = await run([
      'invite',
      '--meeting',
      SIM_CURRENT_MEETING.meeting_id,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(requestsTo('PUT', ROOM_CALL)[0]?.meetingIdRaw).toBe('7567173273889276131');
    expect(result.stdout).toContain('"meeting_id": "7567173273889276131"');
    expect(jsonOf<InviteJson>(result).meeting_id).toBe('7567173273889276131');
  });

  it('big IDs: a 20-digit meeting ID too', async () => {
    const { run, requestsTo } = await harness();
    const result = await run([
      'invite',
      '--meeting',
      SIM_TWENTY_DIGIT_MEETING.meeting_id,
      '--h323',
      '10.1.2.3',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(requestsTo('GET', `/v1/meetings/${SIM_TWENTY_DIGIT_MEETING.meeting_id}`)).toHaveLength(
      1,
    );
    expect(requestsTo('PUT', ROOM_CALL)[0]?.meetingIdRaw).toBe('13434567890123927028');
    expect(result.stdout).toContain('"meeting_id": "13434567890123927028"');
    expect(jsonOf<InviteJson>(result).meeting_code).toBe(SIM_TWENTY_DIGIT_MEETING.meeting_code);
  });

  it('the settings\' meetingIdEncoding "number" sends meeting_id as a bare integer, every digit kept', async () => {
    const { run, requestsTo, dataDir } = await harness();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      `${dataDir}/settings.json`,
      JSON.stringify({ version: 1, meetingIdEncoding: 'number' }),
    );
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID));
    expect(result.code).toBe(0);
    const call = requestsTo('PUT', ROOM_CALL)[0];
    expect(call?.meetingIdEncoding).toBe('number');
    expect(call?.meetingIdRaw).toBe('7567173273889276131');
  });

  it('a room named in the room cache is called by name', async () => {
    const { run } = await harness();
    expect((await run(['rooms'])).code).toBe(0);
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID));
    expect(result.stdout).toContain(
      'Invited 深圳·滨海大厦 18F 1801 会议室 (room 1234567890123456789) into',
    );
  });
});

describe('roomcall invite: failures are sent once and exit 1 with the server code', () => {
  it('room-call answering 500: sent exactly once, the code and the hint on stderr', async () => {
    const { sim, run, requestsTo } = await harness();
    sim.faults.inject({ type: 'http-500', path: ROOM_CALL, code: 10004 });
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^roomcall: The call into meeting '产品周会 Weekly product sync' \(806-146-667\) failed: .*HTTP 500, error 10004/,
    );
    expect(result.stderr).toContain(
      '  Check that the room is online and idle, then call it again.',
    );
    expect(result.stdout).toBe('');
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('room-call whose connection is reset after the server acted: sent once, unconfirmed, then what the status shows', async () => {
    const { sim, run, requestsTo } = await harness();
    sim.faults.inject({ type: 'reset', path: ROOM_CALL, when: 'after' });
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID, '--json'));
    expect(result.code).toBe(0);
    expect(jsonOf<InviteJson>(result)).toMatchObject({
      invite_id: null,
      state: 'ringing',
      status: 4,
      reply_lost: true,
    });
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    expect(requestsTo('PUT', CANCEL_ROOM_CALL)).toEqual([]);
  });

  it('an offline room (500/10004 from the server itself)', async () => {
    const { sim, run, requestsTo } = await harness();
    const room = sim.roomWithOutcome('offline');
    const result = await run(inviteArgs(room.meeting_room_id));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error 10004');
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('190300: the client clock is 10 minutes ahead; the message says to fix the clock', async () => {
    const h = await harness();
    const { sim, run } = h;
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID), {
      skewMs: 10 * 60_000,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the request time is more than 5 minutes off Tencent's clock");
    expect(result.stderr).toContain('error 190300');
    expect(result.stderr).toContain("Fix this computer's clock");
    // This computer's time is no secret: shown (local zone, labelled), with how far off it is
    // by the server's Date header.
    const sent = new Date(Math.floor((h.now() + 10 * 60_000) / 1000) * 1000 + 8 * 3_600_000);
    const shown = sent.toISOString().slice(0, 16).replace('T', ' ');
    expect(result.stderr).toContain(
      `This computer's clock said ${shown} +08:00, 10 minutes ahead of Tencent's.`,
    );
    expect(result.stderr).not.toContain('[redacted]');
    // The lookup failed for good (a permanent code): no retry, and no room was called.
    expect(sim.requests).toHaveLength(1);
    expect(sim.requests.filter((r) => r.path === ROOM_CALL)).toEqual([]);
  });

  it('190303: an AppId the server does not know', async () => {
    const { run, env } = await harness();
    const result = await run(inviteArgs(SIM_EXAMPLE_ROOM_ID), {
      env: { ...env, WEMEET_APP_ID: '999999999' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error 190303');
    expect(result.stderr).toContain('Check the AppId, SecretId and SdkId');
  });

  it('9042: calling a SIP address into a meeting the operator does not host', async () => {
    const { run, requestsTo } = await harness();
    const result = await run([
      'invite',
      '--meeting',
      SIM_INVITEE_MEETING.meeting_code,
      '--sip',
      '10.0.0.9',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('the operator is not allowed to do this');
    expect(result.stderr).toContain('error 9042');
    expect(result.stderr).toContain('Ask the meeting host to make the operator a host or co-host');
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('a meeting code nobody holds: exit 1, no call', async () => {
    const { run, requestsTo } = await harness();
    const result = await run([
      'invite',
      '--meeting',
      SIM_UNKNOWN_MEETING_CODE,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No meeting found for meeting code 999-999-999.');
    expect(requestsTo('PUT', ROOM_CALL)).toEqual([]);
  });
});

describe('roomcall invite --wait', () => {
  it("accepted: exit 0, the final line on stdout, progress on a terminal's stderr", async () => {
    const { sim, run } = await harness({ ringMs: 3_000 });
    const room = sim.roomWithOutcome('accepted');
    const result = await run(inviteArgs(room.meeting_room_id, '--wait'), {
      tty: true,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Accepted: room ${room.meeting_room_id} is joining '产品周会 Weekly product sync' (806-146-667).\n`,
    );
    expect(result.stderr).toBe(
      [
        'Looking up meeting code 806-146-667…',
        `Calling room ${room.meeting_room_id} into '产品周会 Weekly product sync' (806-146-667)…`,
        'Ringing…',
        '',
      ].join('\n'),
    );
  });

  it('no progress when stderr is not a terminal', async () => {
    const { sim, run } = await harness();
    const room = sim.roomWithOutcome('accepted');
    const result = await run(inviteArgs(room.meeting_room_id, '--wait'));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('rejected: exit 3', async () => {
    const { sim, run } = await harness();
    const room = sim.roomWithOutcome('rejected');
    const result = await run(inviteArgs(room.meeting_room_id, '--wait'));
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(`Rejected: room ${room.meeting_room_id} declined the call.\n`);
  });

  it('no answer: exit 3, and --json carries the final state', async () => {
    const { sim, run } = await harness();
    const room = sim.roomWithOutcome('no-answer');
    const result = await run(inviteArgs(room.meeting_room_id, '--wait', '--json'));
    expect(result.code).toBe(3);
    const doc = jsonOf<InviteJson>(result);
    expect(doc.state).toBe('no-answer');
    expect(doc.status).toBe(0);
    expect(doc.invite_id).toEqual(expect.any(String));
  });

  it('a SIP address that accepts, --json: state accepted, one document', async () => {
    const { sim, run } = await harness({ ringMs: 1_000 });
    const { dial_string } = sim.mraWithOutcome('accepted');
    const result = await run([
      'invite',
      '--meeting',
      CODE,
      '--sip',
      dial_string,
      '--wait',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(jsonOf<InviteJson>(result)).toMatchObject({
      state: 'accepted',
      status: 2,
      target: { kind: 'sip', dial_string },
    });
  });

  it('still ringing at the 75 s deadline: exit 3, state timed-out, the call left alone', async () => {
    const { sim, run, requestsTo } = await harness({ ringMs: 120_000 });
    const room = sim.roomWithOutcome('accepted');
    const result = await run(inviteArgs(room.meeting_room_id, '--wait', '--json'));
    expect(result.code).toBe(3);
    expect(jsonOf<InviteJson>(result)).toMatchObject({ state: 'timed-out', status: 4 });
    expect(requestsTo('PUT', CANCEL_ROOM_CALL)).toEqual([]);
    // Again: the history knows the call, the status shows it still ringing, so it is followed
    // (here until the room accepts at 120 s) rather than rung a second time.
    const again = await run(inviteArgs(room.meeting_room_id, '--wait'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Accepted: room \d+ is joining /);
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    const fresh = await harness({ ringMs: 120_000 });
    const human = await fresh.run(
      inviteArgs(fresh.sim.roomWithOutcome('accepted').meeting_room_id, '--wait'),
    );
    expect(human.stdout).toMatch(
      /^Still not answered: RoomCall stopped waiting for room \d+ \(last status: ringing\)\. The room may still answer\.\n$/,
    );
  });

  it('the status can no longer be read (9042): exit 1; --json still names the invite', async () => {
    const { sim, run, requestsTo } = await harness();
    sim.faults.inject({
      type: 'error',
      path: ROOM_CALL_INFO,
      status: 403,
      code: 9042,
      times: Infinity,
    });
    const room = sim.roomWithOutcome('accepted');
    const result = await run(inviteArgs(room.meeting_room_id, '--wait', '--json'));
    expect(result.code).toBe(1);
    const doc = jsonOf<InviteJson & { error: { code: number } }>(result);
    expect(doc).toMatchObject({ state: 'unknown', status: null, error: { code: 9042 } });
    expect(doc.invite_id).toEqual(expect.any(String));
    expect(result.stderr).toContain('The call was placed, but its status could not be read');
    expect(result.stderr).toContain('The room may still be ringing');
    // A permanent error: one read, no retries by the client, no more polls by the invite.
    expect(requestsTo('POST', ROOM_CALL_INFO)).toHaveLength(1);
    const history = jsonOf<{ outcome: string; detail: string }[]>(await run(['history', '--json']));
    expect(history[0]).toMatchObject({ outcome: 'failed', detail: 'status-failed, error 9042' });
  });

  it('Ctrl-C while ringing: cancel-room-call sent once with the invite ID, exit 130', async () => {
    const { sim, run, requestsTo } = await harness({ ringMs: 60_000 });
    const room = sim.roomWithOutcome('accepted');
    const result = await run(inviteArgs(room.meeting_room_id, '--wait', '--json'), {
      interruptWhen: (s) => s.requests.some((r) => r.path === ROOM_CALL_INFO),
    });
    expect(result.interrupts).toBe(1);
    expect(result.code).toBe(130);
    const cancels = requestsTo('PUT', CANCEL_ROOM_CALL);
    expect(cancels).toHaveLength(1);
    const doc = jsonOf<InviteJson>(result);
    expect(doc.state).toBe('cancelled');
    const body = JSON.parse(cancels[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body['invite_id']).toBe(doc.invite_id);
    expect(body['meeting_id']).toBe(SIM_CURRENT_MEETING.meeting_id);
  });

  it('Ctrl-C while ringing, human output: says the call was hung up', async () => {
    const { sim, run } = await harness({ ringMs: 60_000 });
    const room = sim.roomWithOutcome('accepted');
    const result = await run(inviteArgs(room.meeting_room_id, '--wait'), {
      interruptWhen: (s) => s.requests.some((r) => r.path === ROOM_CALL_INFO),
      tty: true,
    });
    expect(result.code).toBe(130);
    expect(result.stdout).toBe(
      `Cancelled: the call to room ${room.meeting_room_id} was hung up.\n`,
    );
    expect(result.stderr).toContain('Cancelling the call…');
  });
});

describe("roomcall invite without --meeting: the operator's current meeting", () => {
  it('one in progress: it is used', async () => {
    const { run, requestsTo } = await harness();
    const result = await run(['invite', '--room', SIM_EXAMPLE_ROOM_ID, '--json']);
    expect(result.code).toBe(0);
    expect(jsonOf<InviteJson>(result).meeting_id).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(requestsTo('PUT', ROOM_CALL)[0]?.meetingIdRaw).toBe(SIM_CURRENT_MEETING.meeting_id);
  });

  it('none in progress: exit 2 saying to pass --meeting, nothing called', async () => {
    const { sim, run, requestsTo } = await harness();
    setStatus(sim.meetings, SIM_CURRENT_MEETING.meeting_id, 'MEETING_STATE_INIT');
    const result = await run(['invite', '--room', SIM_EXAMPLE_ROOM_ID]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No meeting of tester1 is in progress');
    expect(result.stderr).toContain('Pass --meeting <code, ID or join link>.');
    expect(requestsTo('PUT', ROOM_CALL)).toEqual([]);
  });

  it('several, not a terminal: exit 2 listing them', async () => {
    const { sim, run, requestsTo } = await harness();
    setStatus(sim.meetings, SIM_TWENTY_DIGIT_MEETING.meeting_id, 'MEETING_STATE_STARTED');
    const result = await run(['invite', '--room', SIM_EXAMPLE_ROOM_ID]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('2 meetings of tester1 are in progress:');
    expect(result.stderr).toContain('806-146-667');
    expect(result.stderr).toContain('(ID 13434567890123927028)');
    expect(result.stderr).toContain('Pass --meeting');
    expect(requestsTo('PUT', ROOM_CALL)).toEqual([]);
  });

  it('several with --json: exit 2 even on a terminal, nothing asked', async () => {
    const { sim, run } = await harness();
    setStatus(sim.meetings, SIM_TWENTY_DIGIT_MEETING.meeting_id, 'MEETING_STATE_STARTED');
    const result = await run(['invite', '--room', SIM_EXAMPLE_ROOM_ID, '--json'], {
      tty: true,
      answers: ['1'],
    });
    expect(result.code).toBe(2);
    expect(result.questions).toEqual([]);
    expect(result.stdout).toBe('');
  });

  it('several on a terminal: asks for a number (again after a bad answer) and calls into that one', async () => {
    const { sim, run, requestsTo } = await harness();
    setStatus(sim.meetings, SIM_TWENTY_DIGIT_MEETING.meeting_id, 'MEETING_STATE_STARTED');
    const result = await run(['invite', '--room', SIM_EXAMPLE_ROOM_ID], {
      tty: true,
      answers: ['9', '2'],
    });
    expect(result.code).toBe(0);
    expect(result.questions).toEqual(['Which meeting? [1-2]: ', 'Which meeting? [1-2]: ']);
    expect(result.stderr).toContain('Enter a number from 1 to 2.');
    // Most recent start first: the 20-digit meeting started "in 30 min", so it is listed first.
    const chosen = requestsTo('PUT', ROOM_CALL)[0]?.meetingIdRaw;
    expect(chosen).toBe(SIM_CURRENT_MEETING.meeting_id);
  });

  it('several on a terminal, input ended: exit 2, nothing called', async () => {
    const { sim, run, requestsTo } = await harness();
    setStatus(sim.meetings, SIM_TWENTY_DIGIT_MEETING.meeting_id, 'MEETING_STATE_STARTED');
    const result = await run(['invite', '--room', SIM_EXAMPLE_ROOM_ID], {
      tty: true,
      answers: [null],
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('No meeting was chosen.');
    expect(requestsTo('PUT', ROOM_CALL)).toEqual([]);
  });
});

describe('roomcall invite: history', () => {
  interface Entry {
    outcome: string;
    detail: string | null;
    meeting: { meetingId: string; meetingCode: string | null };
    target: Record<string, unknown>;
  }

  it('records each invite, with its outcome when waited, newest first', async () => {
    const { sim, run } = await harness();
    const rejecting = sim.roomWithOutcome('rejected');
    const offline = sim.roomWithOutcome('offline');
    await run(inviteArgs(SIM_EXAMPLE_ROOM_ID));
    await run(inviteArgs(rejecting.meeting_room_id, '--wait'));
    await run(inviteArgs(offline.meeting_room_id));
    await run(['invite', '--meeting', SIM_UNKNOWN_MEETING_CODE, '--room', SIM_EXAMPLE_ROOM_ID]);
    const result = await run(['history', '--json']);
    expect(result.code).toBe(0);
    const entries = jsonOf<Entry[]>(result);
    expect(entries.map((e) => [e.outcome, e.detail])).toEqual([
      ['failed', 'call-failed, error 10004'],
      ['rejected', null],
      ['invited', null],
    ]);
    expect(entries[2]?.meeting).toMatchObject({
      meetingId: SIM_CURRENT_MEETING.meeting_id,
      meetingCode: SIM_CURRENT_MEETING.meeting_code,
    });
    expect(entries[2]?.target).toMatchObject({ kind: 'room', meetingRoomId: SIM_EXAMPLE_ROOM_ID });
  });
});

function setStatus(meetings: { meeting_id: string; status: string }[], id: string, status: string) {
  const meeting = meetings.find((m) => m.meeting_id === id);
  if (meeting === undefined) throw new Error(`no meeting ${id}`);
  meeting.status = status;
}
