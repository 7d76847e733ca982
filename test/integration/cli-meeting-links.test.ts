/**
 * `--meeting` given as a join link (`https://meeting.tencent.com/dm/<token>`, each meeting's
 * join_url) or as an impossible number, in process over the real client and the loopback
 * simulator: the link is found among the operator's meetings (every page of the list, pos and
 * cursory) and the room is called into that meeting; a link of no such meeting, a 10- or
 * 18-digit number, are usage errors (exit 2) that say what to paste instead.
 */
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { LISTED_STATES } from '../sim/data';
import { SIM_EXAMPLE_ROOM_ID, type Simulator } from '../sim/index';
import type { SimMeeting } from '../sim/types';
import { jsonOf, ROOM_CALL, startCliHarness } from './cli-harness';

const harness = closeAfterEach(startCliHarness);
const MEETINGS = '/v1/meetings';

/** The operator's listed meetings in the list's order (start time, then last change). */
function listed(sim: Simulator): SimMeeting[] {
  return sim.meetings
    .filter(
      (m) =>
        LISTED_STATES.includes(m.status) &&
        (m.creator === sim.operatorId ||
          m.hosts.includes(sim.operatorId) ||
          m.participants.includes(sim.operatorId)),
    )
    .sort((a, b) => Number(a.start_time) - Number(b.start_time) || a.updated_ms - b.updated_ms);
}

/** The last meeting of the list that the operator created: only found on the last page. */
function lastOwnMeeting(sim: Simulator): SimMeeting {
  const own = listed(sim).filter((m) => m.creator === sim.operatorId);
  const last = own.at(-1);
  if (last === undefined) throw new Error('the simulator has no meeting of the operator');
  return last;
}

describe('roomcall invite --meeting <join link>', () => {
  it('calls the room into the meeting whose join_url it is, found on the last page', async () => {
    const { sim, run, requestsTo } = await harness();
    const target = lastOwnMeeting(sim);
    expect(listed(sim).indexOf(target)).toBeGreaterThan(40);
    const result = await run([
      'invite',
      '--meeting',
      target.join_url,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
      '--json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(jsonOf<{ meeting_id: string }>(result).meeting_id).toBe(target.meeting_id);
    const calls = requestsTo('PUT', ROOM_CALL);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.meetingIdRaw).toBe(target.meeting_id);
    // Every page was read, pos and cursory passed back: more than two pages of 20.
    const pages = requestsTo('GET', MEETINGS);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.slice(1).every((page) => 'pos' in page.query && 'cursory' in page.query)).toBe(
      true,
    );
  });

  it.each([
    ['over http', (url: string) => url.replace(/^https:/, 'http:')],
    ['with a trailing slash', (url: string) => `${url}/`],
    ['with a query', (url: string) => `${url}?from=wechat&is_from_app=1`],
    [
      'with a capitalised host',
      (url: string) => url.replace('meeting.tencent.com', 'Meeting.Tencent.COM'),
    ],
  ])('takes the link %s', async (_what, variant) => {
    const { sim, run, requestsTo } = await harness();
    const target = lastOwnMeeting(sim);
    const result = await run([
      'invite',
      '--meeting',
      variant(target.join_url),
      '--sip',
      'room@vc.example.com',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(requestsTo('PUT', ROOM_CALL)[0]?.meetingIdRaw).toBe(target.meeting_id);
  });

  it('a link of none of the operator’s meetings: exit 2, what to paste instead, no call', async () => {
    const { sim, run, requestsTo } = await harness();
    const known = new Set(sim.meetings.map((m) => m.join_url));
    const unknown = 'https://meeting.tencent.com/dm/NoSuchMeeting9';
    expect(known.has(unknown)).toBe(false);
    const result = await run(['invite', '--meeting', unknown, '--room', SIM_EXAMPLE_ROOM_ID]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      "The join link 'https://meeting.tencent.com/dm/NoSuchMeeting9' is not the link of any in-progress or upcoming meeting",
    );
    expect(result.stderr).toContain('paste the 9-digit meeting code instead (e.g. 806-146-667)');
    expect(result.stderr).toContain("the invitation's link that carries the code");
    expect(requestsTo('PUT', ROOM_CALL)).toEqual([]);
    // It looked: the whole list was read before saying no.
    const pages = requestsTo('GET', MEETINGS);
    expect(pages.length).toBeGreaterThanOrEqual(4);
  });

  it('the link of a meeting that has ended is not found either (the list has none)', async () => {
    const { sim, run, requestsTo } = await harness();
    const ended = sim.meetings.find((m) => m.status === 'MEETING_STATE_ENDED');
    if (ended === undefined) throw new Error('no ended meeting');
    const result = await run([
      'invite',
      '--meeting',
      ended.join_url,
      '--room',
      SIM_EXAMPLE_ROOM_ID,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not the link of any in-progress or upcoming meeting');
    expect(requestsTo('PUT', ROOM_CALL)).toEqual([]);
  });

  it('cancel --meeting <join link> looks the meeting up the same way', async () => {
    const { run } = await harness();
    const result = await run([
      'cancel',
      '--meeting',
      'https://meeting.tencent.com/dm/NoSuchMeeting9',
      '--room',
      SIM_EXAMPLE_ROOM_ID,
      '--invite',
      'x',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not the link of any in-progress or upcoming meeting');
  });
});

describe('roomcall: numbers that are neither a meeting code nor a meeting ID (exit 2, nothing sent)', () => {
  it.each([
    ['10', '8061466670'],
    ['18', '756717327388927613'],
    ['12', '123456789012'],
  ])('%s digits', async (count, digits) => {
    const { sim, run } = await harness();
    const result = await run(['invite', '--meeting', digits, '--room', SIM_EXAMPLE_ROOM_ID]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `--meeting: '${digits}' has ${count} digits: a meeting code has 9 (e.g. 806-146-667) and a meeting ID 19 or 20 (e.g. 7567173273889276131).`,
    );
    expect(sim.requests).toEqual([]);
  });
});
