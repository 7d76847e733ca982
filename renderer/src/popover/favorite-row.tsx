import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import { favoriteName } from '../lib/target-key';
import type { CallView, Favorite, IpcError, RoomView } from '../lib/types';
import { CallProgress, canCancel, isCallVisible } from '../ui/call-progress';
import { Icon } from '../ui/icons';
import { StatusBadge } from '../ui/status-badge';

interface Props {
  readonly favorite: Favorite;
  /** The directory's view of a room favourite; undefined for addresses or unknown rooms. */
  readonly room: RoomView | undefined;
  readonly call: CallView | undefined;
  readonly starting: boolean;
  readonly refused: IpcError | undefined;
  readonly highlighted: boolean;
  readonly onInvite: (favorite: Favorite) => void;
  readonly onCancel: (call: CallView) => void;
}

/**
 * One favourite: the whole row is the invite button (one click, or Enter), its right side
 * the room's status or the call's progress, and a cancel button while the call rings.
 */
export function FavoriteRow({
  favorite,
  room,
  call,
  starting,
  refused,
  highlighted,
  onInvite,
  onCancel,
}: Props) {
  const m = useMessages(commonMessages);
  const name = favoriteName(favorite);
  const id = `fav-${favorite.id}`;
  const blocked = room !== undefined && !room.callable;
  const detail =
    favorite.kind === 'room'
      ? favorite.location
      : `${m.protocol[favorite.protocol]} · ${favorite.dialString}`;
  const showCall = starting || refused !== undefined || isCallVisible(call);

  return (
    <li class={highlighted ? 'fav-row is-highlighted' : 'fav-row'}>
      <button
        type="button"
        class="fav-invite"
        data-nav="row"
        aria-label={m.inviteTo(name)}
        aria-describedby={`${id}-detail ${id}-status`}
        aria-disabled={blocked ? 'true' : undefined}
        onClick={() => {
          if (!blocked) onInvite(favorite);
        }}
      >
        <span class={favorite.kind === 'room' ? 'avatar avatar-room' : 'avatar avatar-address'}>
          <Icon name={favorite.kind === 'room' ? 'room' : 'address'} />
        </span>
        <span class="fav-text">
          <span class="fav-name">{name}</span>
          <span class="fav-detail" id={`${id}-detail`}>
            {detail}
          </span>
        </span>
        <span class="fav-status" id={`${id}-status`}>
          {showCall ? (
            <CallProgress call={call} starting={starting} refused={refused} />
          ) : room !== undefined ? (
            <StatusBadge room={room} />
          ) : null}
        </span>
      </button>
      {canCancel(call) && (
        <button
          type="button"
          class="icon-button fav-cancel"
          aria-label={m.cancelCallTo(name)}
          onClick={() => {
            onCancel(call);
          }}
        >
          <Icon name="x" />
        </button>
      )}
    </li>
  );
}
