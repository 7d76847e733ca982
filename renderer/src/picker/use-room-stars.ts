import { useCallback, useEffect, useRef } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { useChanges } from '../lib/use-change';
import { pickerMessages } from './messages';
import type { FocusRequest } from './virtual-list';
import type { RoomView } from '../../../main/shared/ipc/contract';

/**
 * RoomsPanel's stars: `star` adds or removes a room's favourite; `starChanges` holds the
 * failure said above the list, and `retryButton` its "Try again", which takes focus when the
 * star had it.
 */
export function useRoomStars(
  starredIds: ReadonlyMap<string, { readonly id: string; readonly managed: boolean }>,
  shown: readonly RoomView[],
  search: { readonly current: HTMLInputElement | null },
  setFocusRequest: (request: FocusRequest) => void,
) {
  const m = useMessages(pickerMessages);
  const starChanges = useChanges<string>();
  const runStar = starChanges.run;
  const retryButton = useRef<HTMLButtonElement>(null);
  /** A star failed while its button still had focus: "Try again" takes it (see star). */
  const focusRetry = useRef(false);

  const shownRef = useRef(shown);
  shownRef.current = shown;

  /**
   * Stars and unstars. A failure is said above the list (rows have one fixed height), with a
   * "Try again" that sends the same change once more; when the star still had focus, focus
   * moves to that button, and back to the star once the retry has saved it.
   */
  const star = useCallback(
    (room: RoomView, on: boolean) => {
      const starred = starredIds.get(room.meetingRoomId);
      const origin = document.activeElement;
      const failing = () => {
        if (origin !== null && origin !== document.body && document.activeElement === origin)
          focusRetry.current = true;
      };
      const backToStar = (_data: unknown, retried: boolean) => {
        if (!retried) return;
        const at = shownRef.current.findIndex((item) => item.meetingRoomId === room.meetingRoomId);
        if (at === -1) search.current?.focus();
        else setFocusRequest({ index: at, selector: '[data-col="star"]' });
      };
      if (on && starred === undefined) {
        const request = {
          kind: 'room',
          meetingRoomId: room.meetingRoomId,
          name: room.name,
          location: room.location,
        } as const;
        // A retry after an attempt that did save is answered 'duplicate': starred once, fine.
        void runStar({
          send: () => bridge().addFavorite(request),
          about: room.meetingRoomId,
          failed: m.favorites.failed.add(room.name),
          retryLabel: m.favorites.failed.retry(m.row.star(room.name)),
          done: backToStar,
          failing,
        });
      } else if (!on && starred !== undefined && !starred.managed) {
        const request = { id: starred.id };
        // Removing what is already gone is no error in main: a retry cannot remove twice.
        void runStar({
          send: () => bridge().removeFavorite(request),
          about: room.meetingRoomId,
          failed: m.favorites.failed.remove(room.name),
          retryLabel: m.favorites.failed.retry(m.row.unstar(room.name)),
          done: backToStar,
          failing,
        });
      }
    },
    [starredIds, runStar, m],
  );

  useEffect(() => {
    if (!focusRetry.current || starChanges.failure === null) return;
    focusRetry.current = false;
    retryButton.current?.focus();
  }, [starChanges.failure]);

  return { star, starChanges, retryButton };
}
