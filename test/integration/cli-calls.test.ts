/** `roomcall status` and `roomcall cancel` against the simulator. */
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_CURRENT_MEETING, SIM_EXAMPLE_ROOM_ID } from '../sim/index';
import {
  CANCEL_ROOM_CALL,
  jsonOf,
  ROOM_CALL_INFO,
  startCliHarness,
  type CliHarness,
} from './cli-harness';

const harness = closeAfterEach(startCliHarness);

const ID = SIM_CURRENT_MEETING.meeting_id;

interface StatusJson {
  meeting_id: string;
  target: Record<string, unknown>;
  state: string;
  status: number;
  response_time: string | null;
}

/** `roomcall cancel --meeting <ID> --invite <inviteId>`, then the target and any flags. */
function cancelArgs(inviteId: string, ...targetAndFlags: string[]): string[] {
  return ['cancel', '--meeting', ID, '--invite', inviteId, ...targetAndFlags];
}

async function placeCall(cli: CliHarness, target: string[]): Promise<string> {
  const result = await cli.run(['invite', '--meeting', ID, ...target, '--json']);
  expect(result.code).toBe(0);
  const inviteId = jsonOf<{ invite_id: string }>(result).invite_id;
  return inviteId;
}

describe('roomcall status', () => {
  it('with a meeting ID: exactly one room-call-info request, and the state in words', async () => {
    const h = await harness({ ringMs: 60_000 });
    await placeCall(h, ['--room', SIM_EXAMPLE_ROOM_ID]);
    const before = h.sim.requests.length;
    const result = await h.run(['status', '--meeting', ID, '--room', SIM_EXAMPLE_ROOM_ID]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^room 1234567890123456789 in meeting 7567173273889276131: ringing \(since \d{4}-\d\d-\d\d \d\d:\d\d \+08:00\)\n$/,
    );
    const sent = h.sim.requests.slice(before);
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${ROOM_CALL_INFO}`]);
    expect(sent[0]?.meetingIdRaw).toBe(ID);
  });

  it('--json: the state, the raw status and the meeting ID with every digit', async () => {
    const h = await harness();
    const result = await h.run(['status', '--meeting', ID, '--sip', '10.0.0.1', '--json']);
    expect(result.code).toBe(0);
    expect(jsonOf<StatusJson>(result)).toEqual({
      meeting_id: ID,
      target: { kind: 'sip', dial_string: '10.0.0.1', name: null },
      state: 'not-called',
      status: 1,
      response_time: null,
    });
  });

  it("response_time: the server's China time, shown in the local zone with it labelled", async () => {
    const h = await harness({ ringMs: 60_000 });
    await placeCall(h, ['--room', SIM_EXAMPLE_ROOM_ID]);
    // The simulator stamps the call with its clock, whole seconds, in China time (UTC+8).
    const rang = Math.floor(h.now() / 1000) * 1000;
    const args = ['status', '--meeting', ID, '--room', SIM_EXAMPLE_ROOM_ID];
    const paris = await h.run([...args, '--json'], { timeZone: 'Europe/Paris' });
    const iso = jsonOf<StatusJson>(paris).response_time ?? '';
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[12]:00$/);
    expect(Date.parse(iso)).toBe(rang);
    const utc = await h.run([...args, '--json'], { timeZone: 'UTC' });
    expect(jsonOf<StatusJson>(utc).response_time).toBe(
      new Date(rang).toISOString().replace('.000Z', '+00:00'),
    );
    const table = await h.run(args, { timeZone: 'UTC' });
    expect(table.stdout).toContain(
      `ringing (since ${new Date(rang).toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
    );
  });

  it('with a meeting code: looked up first, then one status read', async () => {
    const h = await harness();
    const result = await h.run(['status', '--meeting', '806146667', '--room', SIM_EXAMPLE_ROOM_ID]);
    expect(result.code).toBe(0);
    expect(h.sim.requests.map((r) => r.path)).toEqual(['/v1/meetings', ROOM_CALL_INFO]);
  });

  it('bad input: exit 2, nothing sent', async () => {
    const h = await harness();
    const result = await h.run(['status', '--meeting', ID, '--h323', 'gw@10.0.0.1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'gw@10.0.0.1' is not an H.323 address");
    expect(h.sim.requests).toEqual([]);
  });

  it('no target: exit 2, worded for showing a call (not for placing one), nothing sent', async () => {
    const h = await harness();
    const result = await h.run(['status', '--meeting', ID]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Say whose call to show, as it was called: --room');
    expect(result.stderr).not.toContain('Choose what to call');
    expect(h.sim.requests).toEqual([]);
  });

  it('a status read that keeps failing: retried, then exit 1 with the code', async () => {
    const h = await harness();
    h.sim.faults.inject({ type: 'http-500', path: ROOM_CALL_INFO, code: 10002, times: Infinity });
    const result = await h.run(['status', '--meeting', ID, '--room', SIM_EXAMPLE_ROOM_ID]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error 10002');
    expect(h.requestsTo('POST', ROOM_CALL_INFO)).toHaveLength(3);
  });
});

describe('roomcall cancel', () => {
  it('hangs up a ringing call: one cancel-room-call with the invite ID; status then reads 5', async () => {
    const h = await harness({ ringMs: 60_000 });
    const inviteId = await placeCall(h, ['--room', SIM_EXAMPLE_ROOM_ID]);
    const result = await h.run(cancelArgs(inviteId, '--room', SIM_EXAMPLE_ROOM_ID));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `Cancelled the call to room ${SIM_EXAMPLE_ROOM_ID} (invite ${inviteId}).\n`,
    );
    const cancels = h.requestsTo('PUT', CANCEL_ROOM_CALL);
    expect(cancels).toHaveLength(1);
    expect(JSON.parse(cancels[0]?.body ?? '{}')).toMatchObject({
      invite_id: inviteId,
      meeting_id: ID,
      meeting_room_id: SIM_EXAMPLE_ROOM_ID,
    });
    const status = await h.run([
      'status',
      '--meeting',
      ID,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
      '--json',
    ]);
    expect(jsonOf<StatusJson>(status).status).toBe(5);
  });

  it('--json', async () => {
    const h = await harness({ ringMs: 60_000 });
    const inviteId = await placeCall(h, ['--sip', 'room@vc.example.com']);
    const result = await h.run(cancelArgs(inviteId, '--sip', 'room@vc.example.com', '--json'));
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toEqual({
      cancelled: true,
      invite_id: inviteId,
      meeting_id: ID,
      target: { kind: 'sip', dial_string: 'room@vc.example.com', name: null },
    });
  });

  it('an invite ID the server does not know: exit 1 with 190004, sent once', async () => {
    const h = await harness();
    const result = await h.run(cancelArgs('nope', '--room', SIM_EXAMPLE_ROOM_ID));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error 190004');
    expect(h.requestsTo('PUT', CANCEL_ROOM_CALL)).toHaveLength(1);
  });

  it('without --invite: exit 2, why Tencent needs the ID and what to do instead, nothing sent', async () => {
    const h = await harness();
    const result = await h.run(['cancel', '--meeting', ID, '--room', SIM_EXAMPLE_ROOM_ID]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Tencent Meeting cancels a call only with its invite ID (--invite), which `roomcall invite` prints',
    );
    expect(result.stderr).toContain(
      'Decline the call on the device, or remove it from the meeting',
    );
    expect(h.sim.requests).toEqual([]);
  });

  it('an invite ID with a space: exit 2, nothing sent', async () => {
    const h = await harness();
    const result = await h.run(cancelArgs('a b', '--room', SIM_EXAMPLE_ROOM_ID));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--invite: 'a b' is not an invite ID");
    expect(h.sim.requests).toEqual([]);
  });

  it('no target: exit 2, worded for cancelling (not for calling), nothing sent', async () => {
    const h = await harness();
    const result = await h.run(cancelArgs('3f0c9a52'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Say whose call to cancel, as `roomcall invite` called it: --room <meeting_room_id>',
    );
    expect(result.stderr).not.toContain('Choose what to call');
    const two = await h.run(
      cancelArgs('3f0c9a52', '--room', SIM_EXAMPLE_ROOM_ID, '--sip', 'a@b.c'),
    );
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('Give one target whose call to cancel, not --room and --sip.');
    expect(h.sim.requests).toEqual([]);
  });
});
