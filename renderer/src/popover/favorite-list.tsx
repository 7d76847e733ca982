import { useMessages } from '../i18n/locale';
import type { CallsApi } from '../lib/use-calls';
import { targetKey } from '../lib/target-key';
import type { CallView, Favorite, RoomView } from '../lib/types';
import { FavoriteRow } from './favorite-row';
import { popoverMessages } from './messages';

interface Props {
  readonly favorites: readonly Favorite[];
  readonly query: string;
  readonly rooms: ReadonlyMap<string, RoomView>;
  readonly calls: CallsApi;
  readonly onInvite: (favorite: Favorite) => void;
  readonly onCancel: (call: CallView) => void;
}

/** The filtered favourites, in the person's own order. */
export function FavoriteList({ favorites, query, rooms, calls, onInvite, onCancel }: Props) {
  const m = useMessages(popoverMessages);
  if (favorites.length === 0) {
    return (
      <p class="list-empty" role="status">
        {m.favorites.noMatch(query.trim())}
      </p>
    );
  }
  return (
    <ul class="fav-list" aria-label={m.favorites.heading}>
      {favorites.map((favorite, index) => {
        const key = targetKey(favorite);
        return (
          <FavoriteRow
            key={favorite.id}
            favorite={favorite}
            room={favorite.kind === 'room' ? rooms.get(favorite.meetingRoomId) : undefined}
            call={calls.byTarget.get(key)}
            starting={calls.starting.has(key)}
            refused={calls.refused.get(key)}
            highlighted={index === 0 && query.trim() !== ''}
            onInvite={onInvite}
            onCancel={onCancel}
          />
        );
      })}
    </ul>
  );
}
