/**
 * Which meeting an invite goes to, end to end: what a person typed, parsed, then resolved
 * through the real client against the simulator's meetings.
 */
import { describe, expect, it } from 'vitest';
import { resolveCurrentMeeting } from '../../main/core/invite/current-meeting';
import { parseMeetingRef, type MeetingRef } from '../../main/core/input/meeting-ref';
import { invite } from '../../main/core/invite/invite';
import { InviteError } from '../../main/core/invite/errors';
import { resolveMeeting } from '../../main/core/invite/resolve';
import { closeAfterEach } from '../helpers/close-after-each';
import { rejectionOf } from '../helpers/rejection';
import {
  SIM_CURRENT_MEETING,
  SIM_ENDED_MEETING,
  SIM_TWENTY_DIGIT_MEETING,
  SIM_UNKNOWN_MEETING_CODE,
  SIM_UNKNOWN_MEETING_ID,
} from '../sim/index';
import type { SimMeeting } from '../sim/index';
import { ROOM_CALL, startHarness, type InviteHarness } from './invite-harness';

const harness = closeAfterEach(startHarness);

function ref(text: string): MeetingRef {
  const parsed = parseMeetingRef(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** A copy of a simulator meeting under a new ID, e.g. to make two meetings share a code. */
function twin(sim: InviteHarness['sim'], of: SimMeeting, fields: Partial<SimMeeting>): SimMeeting {
  const copy: SimMeeting = {
    ...of,
    hosts: [...of.hosts],
    participants: [...of.participants],
    ...fields,
  };
  sim.meetings.push(copy);
  return copy;
}

function simMeeting(sim: InviteHarness['sim'], id: string): SimMeeting {
  const found = sim.meetings.find((m) => m.meeting_id === id);
  if (found === undefined) throw new Error(`no meeting ${id}`);
  return found;
}

describe('resolving what was typed, over the simulator', () => {
  it.each([
    SIM_CURRENT_MEETING.meeting_code,
    '806-146-667',
    '806 146 667',
    `https://meeting.tencent.com/l/x?meeting_code=${SIM_CURRENT_MEETING.meeting_code}`,
    SIM_CURRENT_MEETING.meeting_id,
  ])('%s → the meeting in progress', async (typed) => {
    const { api } = await harness();
    const meeting = await resolveMeeting(api, ref(typed));
    expect(meeting.meeting_id).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(meeting.status).toBe('MEETING_STATE_STARTED');
  });

  it('a 20-digit meeting ID, digits intact', async () => {
    const { api } = await harness();
    const meeting = await resolveMeeting(api, ref(SIM_TWENTY_DIGIT_MEETING.meeting_id));
    expect(meeting.meeting_id).toBe(SIM_TWENTY_DIGIT_MEETING.meeting_id);
  });

  it('unknown code and unknown ID: not found', async () => {
    const { api } = await harness();
    const byCode = await rejectionOf(
      resolveMeeting(api, ref(SIM_UNKNOWN_MEETING_CODE)),
      InviteError,
    );
    expect(byCode.kind).toBe('meeting-not-found');
    expect(byCode.message).toBe('No meeting found for meeting code 999-999-999.');
    const byId = await rejectionOf(resolveMeeting(api, ref(SIM_UNKNOWN_MEETING_ID)), InviteError);
    expect(byId.kind).toBe('meeting-not-found');
    expect(byId.message).toBe(`No meeting found for meeting ID ${SIM_UNKNOWN_MEETING_ID}.`);
  });

  it('an ended meeting, by code or ID: refused before any call', async () => {
    const { sim, api, options, requestsTo } = await harness();
    for (const typed of [SIM_ENDED_MEETING.meeting_code, SIM_ENDED_MEETING.meeting_id]) {
      const error = await rejectionOf(
        invite(
          api,
          {
            meeting: ref(typed),
            target: {
              kind: 'room',
              meetingRoomId: sim.roomWithOutcome('accepted').meeting_room_id,
            },
          },
          options,
        ),
        InviteError,
      );
      expect(error.kind).toBe('meeting-over');
      expect(error.message).toMatch(
        / \(771-204-396\) has ended: a room cannot be called into it\.$/,
      );
    }
    expect(requestsTo('PUT', ROOM_CALL)).toEqual([]);
  });

  it('several meetings with the code: the one in progress is called', async () => {
    const { sim, api, options, requestsTo } = await harness();
    const current = simMeeting(sim, SIM_CURRENT_MEETING.meeting_id);
    twin(sim, current, { meeting_id: '1111111111111111111', status: 'MEETING_STATE_INIT' });
    const room = sim.roomWithOutcome('accepted');
    const outcome = await invite(
      api,
      {
        meeting: ref('806-146-667'),
        target: { kind: 'room', meetingRoomId: room.meeting_room_id },
      },
      options,
    );
    expect(outcome.kind === 'settled' && outcome.meeting.meeting_id).toBe(
      SIM_CURRENT_MEETING.meeting_id,
    );
    expect(requestsTo('PUT', ROOM_CALL)[0]?.meetingIdRaw).toBe(SIM_CURRENT_MEETING.meeting_id);
  });

  it('several meetings with the code, none in progress: asks for the meeting ID', async () => {
    const { sim, api, options, requestsTo } = await harness();
    const upcoming = simMeeting(sim, SIM_TWENTY_DIGIT_MEETING.meeting_id);
    const other = twin(sim, upcoming, {
      meeting_id: '2222222222222222222',
      subject: 'Same code, later',
      start_time: String(Number(upcoming.start_time) + 3600),
    });
    const error = await rejectionOf(
      invite(
        api,
        {
          meeting: ref(SIM_TWENTY_DIGIT_MEETING.meeting_code),
          target: { kind: 'room', meetingRoomId: sim.roomWithOutcome('accepted').meeting_room_id },
        },
        options,
      ),
      InviteError,
    );
    expect(error.kind).toBe('meeting-ambiguous');
    expect(error.candidates.map((m) => m.meeting_id)).toEqual([
      other.meeting_id,
      SIM_TWENTY_DIGIT_MEETING.meeting_id,
    ]);
    expect(error.message).toContain(SIM_TWENTY_DIGIT_MEETING.meeting_id);
    expect(error.hint).toBe('Use the meeting ID instead of the code.');
    expect(requestsTo('PUT', ROOM_CALL)).toEqual([]);
  });
});

describe('resolveCurrentMeeting over the simulator', () => {
  it('one meeting in progress', async () => {
    const { api } = await harness();
    const current = await resolveCurrentMeeting(api);
    expect(current.state).toBe('one');
    expect(current.selected?.meeting_id).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(current.candidates).toEqual([current.selected]);
  });

  it('several, most recently started first', async () => {
    const { sim, api } = await harness();
    const current = simMeeting(sim, SIM_CURRENT_MEETING.meeting_id);
    const later = twin(sim, current, {
      meeting_id: '3333333333333333333',
      meeting_code: '123456789',
      start_time: String(Number(current.start_time) + 60),
    });
    const result = await resolveCurrentMeeting(api);
    expect(result.state).toBe('several');
    expect(result.selected).toBeNull();
    expect(result.candidates.map((m) => m.meeting_id)).toEqual([
      later.meeting_id,
      SIM_CURRENT_MEETING.meeting_id,
    ]);
  });

  it('none when nothing is in progress', async () => {
    const { sim, api } = await harness();
    simMeeting(sim, SIM_CURRENT_MEETING.meeting_id).status = 'MEETING_STATE_ENDED';
    expect(await resolveCurrentMeeting(api)).toEqual({
      state: 'none',
      selected: null,
      candidates: [],
    });
  });
});
