import type { MeetingRef } from '../input/meeting-ref';
import { findMeetingByJoinLink, JoinLinkNotFoundError } from '../meetings/join-link';
import {
  isMeetingOver,
  lookupFailed,
  meetingAmbiguous,
  meetingNotFound,
  meetingOver,
} from './errors';
import type { Meeting, WemeetApi } from '../wemeet/api';
import { WemeetApiError } from '../wemeet/errors';

/** The server's "meeting does not exist": some deployments answer a code lookup with it. */
const MEETING_NOT_FOUND = 9003;

/**
 * The meeting a ref points at, ready to call into; throws an InviteError saying why not.
 * A code can be held by several meetings (codes are recycled, and a recurring series shares
 * one): the one in progress wins, else the only one not over; otherwise the caller must use
 * the meeting ID.
 */
export async function resolveMeeting(
  api: Pick<WemeetApi, 'meetingById' | 'meetingsByCode' | 'listOperatorMeetings'>,
  ref: MeetingRef,
): Promise<Meeting> {
  let found: readonly Meeting[];
  try {
    if (ref.kind === 'link') {
      found = [await findMeetingByJoinLink(api, ref)];
    } else if (ref.kind === 'id') {
      const meeting = await api.meetingById(ref.meetingId);
      found = meeting === null ? [] : [meeting];
    } else {
      found = await api.meetingsByCode(ref.code);
    }
  } catch (error) {
    if (error instanceof JoinLinkNotFoundError) throw error;
    if (error instanceof WemeetApiError && error.errorCode === MEETING_NOT_FOUND) {
      throw meetingNotFound(ref);
    }
    throw lookupFailed(ref, error);
  }

  const meeting = ref.kind === 'code' ? chooseByCode(ref.code, found) : found[0];
  if (meeting === undefined) throw meetingNotFound(ref);
  if (isMeetingOver(meeting)) throw meetingOver(meeting);
  return meeting;
}

function chooseByCode(code: string, meetings: readonly Meeting[]): Meeting | undefined {
  const [only, ...others] = meetings;
  if (only === undefined || others.length === 0) return only;
  const started = meetings.filter((m) => m.status === 'MEETING_STATE_STARTED');
  const alive = meetings.filter((m) => !isMeetingOver(m));
  const candidates = started.length > 0 ? started : alive;
  if (candidates.length === 1) return candidates[0];
  // All over: report the latest one as over rather than ask which ended meeting to call.
  if (candidates.length === 0) return latestFirst(meetings)[0];
  throw meetingAmbiguous(code, latestFirst(candidates));
}

/** Most recent start first: the order to list meetings in when asking a person. */
export function latestFirst(meetings: readonly Meeting[]): Meeting[] {
  const start = (m: Meeting) => {
    const seconds = Number(m.start_time);
    return Number.isFinite(seconds) ? seconds : 0;
  };
  return [...meetings].sort((a, b) => start(b) - start(a));
}
