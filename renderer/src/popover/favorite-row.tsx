import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import { CallProgress, callFailure, canCancel, isCallVisible } from '../ui/call-progress';
import { Icon } from '../ui/icons';
import { StatusBadge } from '../ui/status-badge';
import { favoriteDisplayName } from '../../../main/shared/rules/favorites';
import type { CallView, FavoriteView, IpcError, RoomView } from '../../../main/shared/ipc/contract';

interface Props {
  readonly favorite: FavoriteView;
  /** The directory's view of a room favourite; undefined for addresses or unknown rooms. */
  readonly room: RoomView | undefined;
  readonly call: CallView | undefined;
  readonly starting: boolean;
  readonly refused: IpcError | undefined;
  readonly highlighted: boolean;
  readonly onInvite: (favorite: FavoriteView) => void;
  readonly onCancel: (call: CallView) => void;
}

/**
 * One favourite. The invite button holds the name ("Invite" before it is for screen readers
 * only) and is stretched over the whole row, so one click anywhere invites; the location and
 * the status or call progress sit beside it and describe it. Keeping them out of the button
 * keeps its accessible name equal to what is visible (WCAG 2.5.3, "label in name").
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
  const name = favoriteDisplayName(favorite);
  const id = `fav-${favorite.id}`;
  const blocked = room !== undefined && !room.callable;
  const detail =
    favorite.kind === 'room'
      ? favorite.location
      : `${m.protocol[favorite.protocol]} · ${favorite.dialString}`;
  const showCall = starting || refused !== undefined || isCallVisible(call);
  // A failure's reason takes the second line (instead of the location): the status column
  // is too narrow for "Cannot reach Tencent Meeting", and the name must stay readable.
  const failure = callFailure(call, starting, refused, m);

  return (
    <li class={highlighted ? 'fav-row is-highlighted' : 'fav-row'}>
      <span class={favorite.kind === 'room' ? 'avatar avatar-room' : 'avatar avatar-address'}>
        <Icon name={favorite.kind === 'room' ? 'room' : 'address'} />
      </span>
      <button
        type="button"
        class="fav-invite"
        data-nav="row"
        aria-describedby={`${id}-detail ${id}-status`}
        aria-disabled={blocked ? 'true' : undefined}
        onClick={() => {
          if (!blocked) onInvite(favorite);
        }}
      >
        <span class="visually-hidden">{m.invitePrefix}</span>
        {name}
      </button>
      <span class={failure === null ? 'fav-detail' : 'fav-detail is-failure'} id={`${id}-detail`}>
        {failure ?? detail}
      </span>
      <span class="fav-status" id={`${id}-status`}>
        {showCall ? (
          <CallProgress call={call} starting={starting} refused={refused} brief />
        ) : room !== undefined ? (
          <StatusBadge room={room} />
        ) : null}
      </span>
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
