/**
 * A join link (`https://meeting.tencent.com/dm/<token>`) carries no meeting code or ID: it is
 * each meeting's `join_url`. The API has no query by link, so the only way to learn which
 * meeting it is: list the operator's in-progress and upcoming meetings (GET /v1/meetings,
 * every page) and find the one whose join_url is this link (reference §4: "A /dm/ link is each
 * meeting's join_url: find it among the operator's meetings to learn the meeting_id").
 *
 * A link of someone else's meeting, or of an ended one, is not in that list: the person is told
 * what to paste instead (the 9-digit code, or the invitation's link that carries the code),
 * in their language, as a mistake of input (CLI exit 2), not a failure of the server.
 */
import { joinLinkOf, joinLinkText, type JoinLinkRef } from '../input/meeting-ref';
import { inputMessages, type InputLanguage } from '../input/messages';
import { InviteError } from '../invite/errors';
import type { Meeting, WemeetApi } from '../wemeet/api';

/** No in-progress or upcoming meeting of the operator has this join link. */
export class JoinLinkNotFoundError extends InviteError {
  readonly link: JoinLinkRef;

  constructor(link: JoinLinkRef) {
    // 'meeting-not-found' for everything that sorts invite errors; the class says "input".
    super('meeting-not-found', joinLinkNotFoundMessage(link, 'en'), '');
    this.name = 'JoinLinkNotFoundError';
    this.link = link;
  }
}

/** What to say when a link matches none of the operator's meetings, in the UI's language. */
export function joinLinkNotFoundMessage(link: JoinLinkRef, lang: InputLanguage): string {
  return inputMessages[lang].joinLinkNotFound(joinLinkText(link));
}

/** Whether a meeting's join_url is this link (scheme, query, trailing slash aside). */
export function isJoinLinkOf(meeting: Meeting, link: JoinLinkRef): boolean {
  if (meeting.join_url === null) return false;
  const own = joinLinkOf(meeting.join_url);
  return own !== null && own.host === link.host && own.token === link.token;
}

/**
 * The operator's meeting whose join_url is `link`; throws JoinLinkNotFoundError when none is.
 * API errors propagate (WemeetErrors), for the caller to report as a failed look-up.
 */
export async function findMeetingByJoinLink(
  api: Pick<WemeetApi, 'listOperatorMeetings'>,
  link: JoinLinkRef,
): Promise<Meeting> {
  const meetings = await api.listOperatorMeetings();
  const found = meetings.find((meeting) => isJoinLinkOf(meeting, link));
  if (found === undefined) throw new JoinLinkNotFoundError(link);
  return found;
}
