import { latestFirst } from './resolve';
import type { Meeting, WemeetApi } from '../wemeet/api';

/** The operator's meetings in progress: none, one to use, or several to choose from. */
export type CurrentMeeting =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly meeting: Meeting }
  | { readonly kind: 'several'; readonly meetings: readonly Meeting[] };

/**
 * "The meeting I am in": the operator's meetings with someone in them (MEETING_STATE_STARTED).
 * Upcoming ones are left out, since a room called into a meeting nobody has joined would sit
 * alone. Several are returned most recent start first, for the caller to ask which.
 * API errors propagate as WemeetErrors.
 */
export async function resolveCurrentMeeting(
  api: Pick<WemeetApi, 'listOperatorMeetings'>,
): Promise<CurrentMeeting> {
  const meetings = await api.listOperatorMeetings();
  const started = latestFirst(meetings.filter((m) => m.status === 'MEETING_STATE_STARTED'));
  const [first, second] = started;
  if (first === undefined) return { kind: 'none' };
  if (second === undefined) return { kind: 'one', meeting: first };
  return { kind: 'several', meetings: started };
}
