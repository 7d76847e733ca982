/**
 * Meeting queries: by code, by ID, and a user's in-progress and upcoming meetings (20 a page,
 * pos + cursory → next_pos + next_cursory, remaining).
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

/** GET /v1/meetings?meeting_code=… | GET /v1/meetings?userid=…&instanceid=1[&pos=…&cursory=…] */
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
    return listPage(query, userid, state.meetings);
  },
};

/**
 * A user's in-progress and upcoming meetings, one page. The rules, from the Go SDK
 * (TencentCloud/wemeet-openapi-sdk-go, wemeet_openapi/service/meetings):
 * - api.go, V1MeetingsGet: "获取某指定用户的进行中或待开始的会议列表" (the user's in-progress or
 *   upcoming meetings): STARTED and INIT, as creator, host or participant;
 * - api.go, ApiV1MeetingsGetRequest: `pos` is "分页获取用户会议列表的查询起始时间值，unix 秒级时间戳"
 *   (the query's start time, Unix seconds): meetings starting at or after it; `cursory` the
 *   paging cursor;
 * - model.go, V1MeetingsGet200Response: at most 20 a query ("一次查询返回会议数量最多为20");
 *   `next_cursory` is "the last modification time of the meetings queried, Unix ms"; both
 *   default to 0, the first query; `remaining` non-zero means query again with pos from
 *   next_pos (and cursory from next_cursory) until it is 0; "using pos alone may miss the
 *   second page or repeat data".
 * So: meetings sorted by start time, then last modification; a query answers those starting
 * after pos, and at pos those modified at or after cursory. Both bounds are inclusive (a
 * starting value), so the meeting that ended a page opens the next one: the repeat the docs
 * warn of, which the caller de-duplicates by meeting_id (reference §4). A page boundary inside
 * meetings sharing a start time gives the same next_pos again with a later next_cursory; pos
 * alone (cursory 0) can never get past 20 meetings that share a start time.
 * Not modelled: pos 0 meaning "from today's midnight, Beijing time": every listed meeting is
 * answered, the in-progress one included.
 */
function listPage(
  query: Readonly<Record<string, string>>,
  userid: string,
  meetings: readonly SimMeeting[],
): Record<string, unknown> {
  const pos = cursorParam(query, 'pos');
  const cursory = cursorParam(query, 'cursory');
  const mine = meetings
    .filter(
      (m) =>
        LISTED_STATES.includes(m.status) &&
        (m.creator === userid || m.hosts.includes(userid) || m.participants.includes(userid)),
    )
    .sort((a, b) => Number(a.start_time) - Number(b.start_time) || a.updated_ms - b.updated_ms);
  const after = mine.filter((m) => {
    const start = Number(m.start_time);
    return start > pos || (start === pos && m.updated_ms >= cursory);
  });
  const page = after.slice(0, MEETINGS_PAGE_SIZE);
  const last = page.at(-1);
  return {
    meeting_number: page.length,
    meeting_info_list: page.map((m) => meetingInfo(m, userid)),
    remaining: after.length - page.length,
    next_pos: last === undefined ? pos : Number(last.start_time),
    next_cursory: last === undefined ? cursory : last.updated_ms,
  };
}

/** pos (Unix seconds) and cursory (Unix ms): absent is 0, the first query (model.go). */
function cursorParam(query: Readonly<Record<string, string>>, name: 'pos' | 'cursory'): number {
  const text = query[name] ?? '0';
  if (!/^\d{1,15}$/.test(text)) throw invalidParam(`${name} must be a non-negative integer`);
  return Number(text);
}

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
