import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { useMessages } from '../i18n/locale';
import { markOnce } from '../lib/perf-marks';
import type { CallsApi } from '../lib/use-calls';
import { FavoriteRow } from './favorite-row';
import { popoverMessages } from './messages';
import { targetKey } from '../../../main/shared/rules/targets';
import type { RowActions } from './use-invite-actions';
import type { FavoriteView, RoomView } from '../../../main/shared/ipc/contract';

/**
 * Rows in the list's first render: more than the popover can show (its window is 520 px high
 * and a row about 50 px, so ten would fill it even with nothing above them; six do below
 * the meeting and the filter). The rest follow right after that first paint: building,
 * styling and laying out a hundred rows nobody can see yet was most of the first frame.
 */
export const FIRST_SCREEN_ROWS = 12;

interface Props {
  readonly favorites: readonly FavoriteView[];
  readonly query: string;
  readonly rooms: ReadonlyMap<string, RoomView>;
  readonly calls: CallsApi;
  readonly actions: RowActions;
}

/** The filtered favourites, in the person's own order. */
export function FavoriteList({ favorites, query, rooms, calls, actions }: Props) {
  const m = useMessages(popoverMessages);
  // An effect runs once the first frame is painted; from then on every row is rendered.
  const [complete, setComplete] = useState(false);
  useEffect(() => {
    setComplete(true);
  }, []);
  useLayoutEffect(() => {
    if (complete) markOnce('popover-list-complete');
  }, [complete]);

  if (favorites.length === 0) {
    return (
      <p class="list-empty" role="status">
        {m.favorites.noMatch(query.trim())}
      </p>
    );
  }
  const rows = complete ? favorites : favorites.slice(0, FIRST_SCREEN_ROWS);
  return (
    <ul class="fav-list" aria-label={m.favorites.heading}>
      {rows.map((favorite, index) => {
        const key = targetKey(favorite);
        return (
          <FavoriteRow
            key={favorite.id}
            favorite={favorite}
            room={favorite.kind === 'room' ? rooms.get(favorite.meetingRoomId) : undefined}
            call={calls.byTarget.get(key)}
            starting={calls.starting.has(key)}
            refused={calls.refused.get(key)}
            highlighted={index === 0 && query.trim() !== '' && actions.unavailableReason === null}
            actions={actions}
          />
        );
      })}
    </ul>
  );
}
