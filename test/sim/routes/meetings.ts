/**
 * Meeting queries: by code, by ID, and a user's in-progress and upcoming meetings (20 a page,
 * pos / next_pos / remaining).
 */
import { LISTED_STATES } from '../data';
import { invalidParam } from '../errors';
import { checkMeetingUser, decodeSegment, meetingNotFound } from '../state';
import type { Route } from '../state';
import type { SimMeeting } from '../types';

export const MEETINGS_PAGE_SIZE = 20;

function role(meeting: SimMeeting, userid: string): string {
  if (meeting.creator === userid) return 'creator';
  if (meeting.hosts.includes(userid)) return 'hoster';
  return 'invitee';
}

/** A meeting as the meeting queries return it, seen by `userid`. */
export function meetingInfo(meeting: SimMeeting, userid: string): Record<string, unknown> {
  return {
    subject: meeting.subject,
    meeting_id: meeting.meeting_id,
    meeting_code: meeting.meeting_code,
    password: '',
    status: meeting.status,
    type: meeting.type,
    meeting_type: 0,
    join_url: meeting.join_url,
    hosts: meeting.hosts.map((id) => ({ userid: id })),
    current_hosts: meeting.status === 'MEETING_STATE_STARTED' ? [{ userid: meeting.hosts[0] }] : [],
    current_co_hosts: [],
    participants: meeting.participants.map((id) => ({ userid: id })),
    start_time: meeting.start_time,
    end_time: meeting.end_time,
    settings: {
      mute_enable_join: true,
      allow_unmute_self: true,
      mute_all: false,
      play_ivr_on_join: false,
      play_ivr_on_leave: false,
      allow_in_before_host: true,
      auto_in_waiting_room: false,
      allow_screen_shared_watermark: false,
      only_enterprise_user_allowed: false,
    },
    enable_live: false,
    media_set_type: 0,
    location: '',
    sync_to_wework: false,
    time_zone: 'Asia/Shanghai',
    join_meeting_role: role(meeting, userid),
  };
}

/** GET /v1/meetings?meeting_code=… | GET /v1/meetings?userid=…&instanceid=1[&pos=…] */
export const meetingsQuery: Route = {
  method: 'GET',
  pattern: /^\/v1\/meetings$/,
  handler(request, state) {
    const { query } = request;
    const userid = checkMeetingUser(query, state);
    const code = query['meeting_code'];
    if (code !== undefined) {
      if (!/^\d{9}$/.test(code)) throw invalidParam('meeting_code must be 9 digits');
      const found = state.meetings.filter(
        (m) => m.meeting_code === code && m.status !== 'MEETING_STATE_RECYCLED',
      );
      if (found.length === 0) throw meetingNotFound(`with code ${code}`);
      return {
        meeting_number: found.length,
        meeting_info_list: found.map((m) => meetingInfo(m, userid)),
      };
    }
    const posText = query['pos'] ?? '0';
    if (!/^\d{1,9}$/.test(posText)) throw invalidParam('pos must be a non-negative integer');
    const pos = Number(posText);
    const mine = state.meetings
      .filter(
        (m) =>
          LISTED_STATES.includes(m.status) &&
          (m.creator === userid || m.hosts.includes(userid) || m.participants.includes(userid)),
      )
      .sort((a, b) => Number(a.start_time) - Number(b.start_time));
    const page = mine.slice(pos, pos + MEETINGS_PAGE_SIZE);
    const nextPos = pos + page.length;
    return {
      meeting_number: page.length,
      meeting_info_list: page.map((m) => meetingInfo(m, userid)),
      remaining: Math.max(0, mine.length - nextPos),
      next_pos: nextPos,
    };
  },
};

/** GET /v1/meetings/{meeting_id}?userid=…&instanceid=1 */
export const meetingById: Route = {
  method: 'GET',
  pattern: /^\/v1\/meetings\/([^/]+)$/,
  handler(request, state) {
    const id = decodeSegment(request.params[0] ?? '');
    request.noteMeetingId(id);
    const userid = checkMeetingUser(request.query, state);
    if (!/^\d{1,25}$/.test(id)) throw invalidParam(`meeting_id "${id}" is not a meeting ID`);
    const meeting = state.findMeeting(id);
    if (meeting === undefined) throw meetingNotFound(id);
    return { meeting_number: 1, meeting_info_list: [meetingInfo(meeting, userid)] };
  },
};
