import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { CallsApi } from '../lib/use-calls';
import type { PopoverData } from './use-popover-data';
import { targetKey } from '../../../main/shared/rules/targets';
import type { Loadable } from '../lib/loadable';
import type { CallView, CurrentMeeting, FavoriteView } from '../../../main/shared/ipc/contract';
import type { HistoryEntry } from '../../../main/shared/model/history-schema';

/** The selected meeting's ID, null for none, undefined while it is not known. */
export function selectedMeetingId(meeting: Loadable<CurrentMeeting>): string | null | undefined {
  return meeting.status === 'ready' ? (meeting.value.selected?.meetingId ?? null) : undefined;
}

/**
 * A row's failure speaks of the meeting it happened in: when the meeting changes (to another,
 * or to none), refusals (such as "no meeting" before one was chosen) are forgotten. Outcomes
 * go back to the rooms' status in useCalls, which gets the same meeting.
 */
function useForgetRefusals(calls: CallsApi, meeting: Loadable<CurrentMeeting>): void {
  const meetingId = selectedMeetingId(meeting);
  const known = useRef(meetingId);
  const clearRefusals = calls.clearRefusals;
  useEffect(() => {
    if (meetingId === undefined || meetingId === known.current) return;
    const before = known.current;
    known.current = meetingId;
    if (before !== undefined) clearRefusals();
  }, [meetingId, clearRefusals]);
}

/** What a popover row does when clicked, and whether it can now. */
export interface RowActions {
  readonly invite: (favorite: FavoriteView) => void;
  readonly cancel: (call: CallView) => void;
  readonly inviteAgain: (entry: HistoryEntry) => void;
  /**
   * The id of the sentence saying why nothing can be invited now (no meeting yet), or null.
   * The rows are then disabled, and a click asks for the meeting instead (chooseMeeting).
   */
  readonly unavailableReason: string | null;
  readonly chooseMeeting: () => void;
}

/**
 * What the popover's rows do: invite a favourite, cancel a call, invite a recent target again
 * (through its favourite when it is one, so the one-ring check sees the same target).
 */
export function useInviteActions(
  calls: CallsApi,
  data: PopoverData,
): Omit<RowActions, 'unavailableReason' | 'chooseMeeting'> {
  useForgetRefusals(calls, data.meeting);
  const invite = useCallback(
    (favorite: FavoriteView) => {
      void calls.start(targetKey(favorite), { favoriteId: favorite.id });
    },
    [calls],
  );
  const cancel = useCallback(
    (call: CallView) => {
      void calls.cancel(call);
    },
    [calls],
  );
  const inviteAgain = useCallback(
    (entry: HistoryEntry) => {
      const key = targetKey(entry.target);
      const saved =
        data.favorites.status === 'ready'
          ? data.favorites.value.find((f) => targetKey(f) === key)
          : undefined;
      if (saved !== undefined) {
        void calls.start(key, { favoriteId: saved.id });
      } else if (entry.target.kind === 'room') {
        const room = data.rooms.get(entry.target.meetingRoomId);
        void calls.start(key, {
          room: {
            meetingRoomId: entry.target.meetingRoomId,
            name: room?.name ?? entry.target.name ?? '',
            location: room?.location ?? '',
          },
        });
      } else {
        void calls.start(key, {
          mra: {
            protocol: entry.target.protocol,
            dialString: entry.target.dialString,
            label: null,
          },
        });
      }
    },
    [calls, data.favorites, data.rooms],
  );
  return { invite, cancel, inviteAgain };
}
