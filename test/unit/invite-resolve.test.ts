import { describe, expect, it } from 'vitest';
import { resolveCurrentMeeting } from '../../main/core/invite/current-meeting';
import { InviteError } from '../../main/core/invite/errors';
import { resolveMeeting } from '../../main/core/invite/resolve';
import { WemeetApiError } from '../../main/core/wemeet/errors';
import { rejectionOf } from '../helpers/rejection';
import { FakeApi, meeting } from './invite-fake';

const code = { kind: 'code', code: '806146667' } as const;
const id = { kind: 'id', meetingId: '7567173273889276131' } as const;

const started = meeting({ meeting_id: '1000000000000000001', subject: 'Now' });
const upcoming = meeting({
  meeting_id: '1000000000000000002',
  subject: 'Later',
  status: 'MEETING_STATE_INIT',
  start_time: '1800000000',
});
const ended = meeting({
  meeting_id: '1000000000000000003',
  subject: 'Before',
  status: 'MEETING_STATE_ENDED',
  start_time: '1600000000',
});

describe('resolveMeeting by ID', () => {
  it('finds the meeting, keeping all 19 digits', async () => {
    const api = new FakeApi({ meetings: [meeting()] });
    expect(await resolveMeeting(api, id)).toEqual(meeting());
    expect(api.calls).toEqual([{ method: 'meetingById', meetingId: '7567173273889276131' }]);
  });

  it('says so when it does not exist', async () => {
    const error = await rejectionOf(resolveMeeting(new FakeApi({ meetings: [] }), id), InviteError);
    expect(error.kind).toBe('meeting-not-found');
    expect(error.message).toBe('No meeting found for meeting ID 7567173273889276131.');
  });

  it('refuses a meeting that is over', async () => {
    const api = new FakeApi({ meetings: [meeting({ status: 'MEETING_STATE_CANCELLED' })] });
    const error = await rejectionOf(resolveMeeting(api, id), InviteError);
    expect(error.kind).toBe('meeting-over');
    expect(error.message).toBe(
      "Meeting 'Weekly sync' (806-146-667) was cancelled: a room cannot be called into it.",
    );
  });
});

describe('resolveMeeting by code', () => {
  it('takes the only meeting holding the code, even one not started yet', async () => {
    const api = new FakeApi({ meetings: [upcoming] });
    expect(await resolveMeeting(api, code)).toBe(upcoming);
    expect(api.calls).toEqual([{ method: 'meetingsByCode', code: '806146667' }]);
  });

  it('prefers the meeting in progress among several', async () => {
    const api = new FakeApi({ meetings: [upcoming, started, ended] });
    expect(await resolveMeeting(api, code)).toBe(started);
  });

  it('takes the only one not over when none is in progress', async () => {
    const api = new FakeApi({ meetings: [ended, upcoming] });
    expect(await resolveMeeting(api, code)).toBe(upcoming);
  });

  it('asks for the meeting ID when several could be meant', async () => {
    const other = meeting({
      ...upcoming,
      meeting_id: '1000000000000000004',
      subject: 'Also later',
      start_time: '1900000000',
    });
    const error = await rejectionOf(
      resolveMeeting(new FakeApi({ meetings: [upcoming, other] }), code),
      InviteError,
    );
    expect(error.kind).toBe('meeting-ambiguous');
    expect(error.candidates).toEqual([other, upcoming]);
    expect(error.message).toBe(
      "2 meetings use meeting code 806-146-667 and none is the one in progress: 1000000000000000004 ('Also later' (806-146-667)), 1000000000000000002 ('Later' (806-146-667)).",
    );
    expect(error.hint).toBe('Use the meeting ID instead of the code.');
  });

  it('asks for the meeting ID when several are in progress', async () => {
    const twin = meeting({ ...started, meeting_id: '1000000000000000005' });
    const error = await rejectionOf(
      resolveMeeting(new FakeApi({ meetings: [started, twin, upcoming] }), code),
      InviteError,
    );
    expect(error.kind).toBe('meeting-ambiguous');
    expect(error.candidates.map((m) => m.meeting_id)).toEqual([
      '1000000000000000001',
      '1000000000000000005',
    ]);
  });

  it('reports the latest one as over when all are', async () => {
    const older = meeting({
      ...ended,
      meeting_id: '1000000000000000006',
      start_time: '1500000000',
    });
    const error = await rejectionOf(
      resolveMeeting(new FakeApi({ meetings: [older, ended] }), code),
      InviteError,
    );
    expect(error.kind).toBe('meeting-over');
    expect(error.meeting).toBe(ended);
    expect(error.message).toBe(
      "Meeting 'Before' (806-146-667) has ended: a room cannot be called into it.",
    );
  });

  it('says so when no meeting holds the code, whether the list is empty or the server says 9003', async () => {
    const empty = await rejectionOf(
      resolveMeeting(new FakeApi({ meetings: [] }), code),
      InviteError,
    );
    expect(empty.kind).toBe('meeting-not-found');
    expect(empty.message).toBe('No meeting found for meeting code 806-146-667.');

    const notFound = new WemeetApiError(
      { method: 'GET', path: '/v1/meetings' },
      { status: 400, errorCode: 9003, newErrorCode: null, serverMessage: null },
    );
    const api = new FakeApi({ meetingsByCode: () => Promise.reject(notFound) });
    expect((await rejectionOf(resolveMeeting(api, code), InviteError)).kind).toBe(
      'meeting-not-found',
    );
  });

  it('wraps other lookup errors, keeping the cause and its hint', async () => {
    const denied = new WemeetApiError(
      { method: 'GET', path: '/v1/meetings' },
      { status: 403, errorCode: 9042, newErrorCode: null, serverMessage: null },
    );
    const api = new FakeApi({ meetingsByCode: () => Promise.reject(denied) });
    const error = await rejectionOf(resolveMeeting(api, code), InviteError);
    expect(error.kind).toBe('lookup-failed');
    expect(error.cause).toBe(denied);
    expect(error.message).toBe(`Could not look up meeting code 806-146-667: ${denied.message}`);
    expect(error.hint).toBe(denied.hint);
  });
});

describe('resolveCurrentMeeting', () => {
  it('none when nothing is in progress', async () => {
    expect(await resolveCurrentMeeting(new FakeApi({ meetings: [upcoming, ended] }))).toEqual({
      state: 'none',
      selected: null,
      candidates: [],
    });
  });

  it('one when exactly one is in progress', async () => {
    expect(await resolveCurrentMeeting(new FakeApi({ meetings: [upcoming, started] }))).toEqual({
      state: 'one',
      selected: started,
      candidates: [started],
    });
  });

  it('several, most recently started first, for the caller to ask', async () => {
    const newer = meeting({
      ...started,
      meeting_id: '1000000000000000007',
      start_time: '1700000600',
    });
    const result = await resolveCurrentMeeting(
      new FakeApi({ meetings: [started, upcoming, newer] }),
    );
    expect(result).toEqual({ state: 'several', selected: null, candidates: [newer, started] });
  });
});
