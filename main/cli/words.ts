import type { Meeting } from '../core/wemeet/api';
import { roomStatusFromCode } from '../core/wemeet/schemas';
import type { CallState, CallTarget } from '../core/wemeet/types';
import { formatMeetingCode } from '../shared/rules/meeting-code';

/** How the CLI names things in human output. One place, so every command says it alike. */

/** meeting_room_status → "idle", "in use", "not logged in"… */
export function roomStatusWords(code: number): string {
  const status = roomStatusFromCode(code);
  return status === 'unknown' ? `unknown (${code})` : status.replaceAll('-', ' ');
}

const CALL_STATE_WORDS: Readonly<Record<Exclude<CallState, 'unknown'>, string>> = {
  'no-answer': 'no answer',
  'not-called': 'not called',
  accepted: 'accepted',
  rejected: 'rejected',
  ringing: 'ringing',
  // Status 5: "joined" in Tencent's doc, "call cancelled" in its SDKs. Say both.
  'joined-or-cancelled': 'joined or cancelled (status 5)',
  left: 'left the meeting',
};

export function callStateWords(state: CallState, status: number | null = null): string {
  if (state === 'unknown') return status === null ? 'unknown' : `unknown (status ${status})`;
  return CALL_STATE_WORDS[state];
}

const MEETING_STATUS_WORDS: Readonly<Record<string, string>> = {
  MEETING_STATE_INIT: 'scheduled',
  MEETING_STATE_STARTED: 'in progress',
  MEETING_STATE_ENDED: 'ended',
  MEETING_STATE_CANCELLED: 'cancelled',
  MEETING_STATE_NULL: 'over',
  MEETING_STATE_RECYCLED: 'recycled',
  MEETING_STATE_INVALID: 'invalid',
};

export function meetingStatusWords(status: string): string {
  return MEETING_STATUS_WORDS[status] ?? status.replace(/^MEETING_STATE_/, '').toLowerCase();
}

/** "'Weekly sync' (806-146-667)", or just the code when there is no subject. */
export function meetingWords(meeting: Pick<Meeting, 'subject' | 'meeting_code'>): string {
  const subject = meeting.subject.trim();
  const code = formatMeetingCode(meeting.meeting_code);
  return subject === '' ? code : `'${subject}' (${code})`;
}

/** What a call target is, for a sentence: "深圳·滨海大厦 1801 (room 1234…)", "SIP room@vc…". */
export function targetWords(target: CallTarget, name: string | null = null): string {
  if (target.kind === 'room') {
    return name === null || name === ''
      ? `room ${target.meetingRoomId}`
      : `${name} (room ${target.meetingRoomId})`;
  }
  const protocol = target.protocol === 'sip' ? 'SIP' : 'H.323';
  const address = `${protocol} ${target.dialString}`;
  return name === null || name === '' ? address : `${name} (${address})`;
}

/** A target in --json output: the API's field names where it has them. */
export function targetJson(
  target: CallTarget,
  name: string | null = null,
): Record<string, string | null> {
  if (target.kind === 'room') {
    return { kind: 'room', meeting_room_id: target.meetingRoomId, name };
  }
  return { kind: target.protocol, dial_string: target.dialString, name };
}
