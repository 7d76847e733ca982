import { describe, expect, it } from 'vitest';
import {
  callStateWords,
  meetingStatusWords,
  meetingWords,
  roomStatusWords,
  targetJson,
  targetWords,
} from '../../main/cli/words';

describe('words', () => {
  it('room statuses', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(roomStatusWords)).toEqual([
      'not activated',
      'not bound',
      'idle',
      'in use',
      'offline',
      'not logged in',
      'unknown (9)',
    ]);
  });

  it('call states, with status 5 worded for both readings', () => {
    expect(callStateWords('no-answer')).toBe('no answer');
    expect(callStateWords('joined-or-cancelled')).toBe('joined or cancelled (status 5)');
    expect(callStateWords('unknown', 42)).toBe('unknown (status 42)');
  });

  it('meeting statuses and descriptions', () => {
    expect(meetingStatusWords('MEETING_STATE_STARTED')).toBe('in progress');
    expect(meetingStatusWords('MEETING_STATE_INIT')).toBe('scheduled');
    expect(meetingStatusWords('MEETING_STATE_SOMETHING_NEW')).toBe('something_new');
    expect(meetingWords({ subject: ' 周会 ', meeting_code: '806146667' })).toBe(
      "'周会' (806-146-667)",
    );
    expect(meetingWords({ subject: '', meeting_code: '806146667' })).toBe('806-146-667');
  });

  it('targets in sentences and in JSON', () => {
    expect(targetWords({ kind: 'room', meetingRoomId: '12' })).toBe('room 12');
    expect(targetWords({ kind: 'room', meetingRoomId: '12' }, '长城厅')).toBe('长城厅 (room 12)');
    expect(targetWords({ kind: 'mra', protocol: 'h323', dialString: '10.0.0.1' }, 'VC')).toBe(
      'VC (H.323 10.0.0.1)',
    );
    expect(targetJson({ kind: 'mra', protocol: 'sip', dialString: 'a@b.c' })).toEqual({
      kind: 'sip',
      dial_string: 'a@b.c',
      name: null,
    });
  });
});
