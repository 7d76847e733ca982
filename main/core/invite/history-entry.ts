import type { HistoryMeeting } from '../../shared/model/history-schema';
import type { Meeting } from '../wemeet/api';
import type { InviteEvent } from './types';

/**
 * The recent invites' rules both front-ends follow (the app's call manager, the CLI's
 * InviteHistory). An entry lists a room-call that was sent: it is written once room-call has
 * answered ('invited', there even if the process dies while waiting) or its reply was lost
 * ('unconfirmed': the room may ring, settled by its status). Every other event opens none: a
 * target already ringing or in the meeting, or a call cancelled before room-call left, rang
 * nothing; a refused room-call is written as 'failed' by each front-end when the invite ends.
 */
export function entryOpenedBy(event: InviteEvent): 'invited' | 'unconfirmed' | null {
  if (event.type === 'called') return 'invited';
  if (event.type === 'unconfirmed') return 'unconfirmed';
  return null;
}

/** The meeting as an entry keeps it, within the history's field limits (history-schema.ts). */
export function historyMeeting(meeting: Meeting): HistoryMeeting {
  return {
    meetingId: meeting.meeting_id,
    meetingCode: meeting.meeting_code.slice(0, 32) || null,
    subject: meeting.subject.slice(0, 300) || null,
  };
}
