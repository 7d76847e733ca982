import { latestFirst } from './resolve';
import type { Meeting, WemeetApi } from '../wemeet/api';

/**
 * The operator's meetings in progress: none, one to use (`selected`), or several to choose
 * from. The same fields as the windows' view of the current meeting (CurrentMeeting in the IPC
 * contract), which adds the states only the app has (a typed meeting, loading, an error).
 */
export interface InProgressMeetings {
  readonly state: 'none' | 'one' | 'several';
  /** The meeting to use: the only one in progress, else null. */
  readonly selected: Meeting | null;
  /** Every meeting in progress, most recent start first. */
  readonly candidates: readonly Meeting[];
}

/**
 * "The meeting I am in": the operator's meetings with someone in them (MEETING_STATE_STARTED).
 * Upcoming ones are left out, since a room called into a meeting nobody has joined would sit
 * alone. Several are returned most recent start first, for the caller to ask which.
 * API errors propagate as WemeetErrors.
 */
export async function resolveCurrentMeeting(
  api: Pick<WemeetApi, 'listOperatorMeetings'>,
): Promise<InProgressMeetings> {
  const meetings = await api.listOperatorMeetings();
  const started = latestFirst(meetings.filter((m) => m.status === 'MEETING_STATE_STARTED'));
  const [first, second] = started;
  if (first === undefined) return { state: 'none', selected: null, candidates: [] };
  if (second === undefined) return { state: 'one', selected: first, candidates: started };
  return { state: 'several', selected: null, candidates: started };
}
