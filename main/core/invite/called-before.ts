import { targetKey } from '../../shared/rules/targets';
import type { HistoryEntry } from '../../shared/model/history-schema';
import type { CallTarget } from '../wemeet/types';

/**
 * Whether the recent invites hold a call to this target in this meeting: then a new invite
 * reads the status first, so a room already ringing or in the meeting is not rung again.
 * "Recently" is the meeting itself: a meeting ID names one meeting, which does not last days,
 * and the history keeps the last 100 invites. Targets compare as favourites do (a SIP
 * address with or without `sip:`, any letter case).
 */
export function calledBefore(
  entries: readonly HistoryEntry[],
  meetingId: string,
  target: CallTarget,
): boolean {
  const key = targetKey(target);
  return entries.some(
    (entry) => entry.meeting.meetingId === meetingId && targetKey(entry.target) === key,
  );
}
