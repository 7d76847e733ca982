import { useRef } from 'preact/hooks';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import { CallProgress, callFailure, canCancel } from '../ui/call-progress';
import { Icon } from '../ui/icons';
import { RowName } from './row-name';
import { locationBeyondName } from './row-text';
import { favoriteDisplayName } from '../../../main/shared/rules/favorites';
import type { RowActions } from './use-invite-actions';
import type { CallView, FavoriteView, IpcError, RoomView } from '../../../main/shared/ipc/contract';

interface Props {
  readonly favorite: FavoriteView;
  /** The directory's view of a room favourite; undefined for addresses or unknown rooms. */
  readonly room: RoomView | undefined;
  readonly call: CallView | undefined;
  readonly starting: boolean;
  readonly refused: IpcError | undefined;
  readonly highlighted: boolean;
  readonly actions: RowActions;
}

/**
 * One favourite, on two lines: the name, the whole width of the row (shortened in the middle
 * so the room number always shows), then the status or call progress (a dot and a word) with
 * what the location adds to the name, or why the call failed. The invite button holds the
 * name ("Invite" before it is for screen readers only) and is stretched over the whole row, so
 * one click anywhere invites; the second line describes it. Keeping it out of the button keeps
 * the accessible name equal to what is visible (WCAG 2.5.3, "label in name").
 */
export function FavoriteRow({
  favorite,
  room,
  call,
  starting,
  refused,
  highlighted,
  actions: { unavailableReason, chooseMeeting, invite, cancel },
}: Props) {
  const m = useMessages(commonMessages);
  const name = favoriteDisplayName(favorite);
  const id = `fav-${favorite.id}`;
  const blocked = room !== undefined && !room.callable;
  const disabled = blocked || unavailableReason !== null;
  const detail =
    favorite.kind === 'room'
      ? locationBeyondName(name, favorite.location)
      : `${m.protocol[favorite.protocol]} · ${favorite.dialString}`;
  const inviteButton = useRef<HTMLButtonElement>(null);
  // A failure's reason takes the place of the location, and may wrap.
  const failure = callFailure(call, starting, refused, m);
  const described =
    unavailableReason === null ? `${id}-detail` : `${id}-detail ${unavailableReason}`;

  return (
    <li class={highlighted ? 'fav-row is-highlighted' : 'fav-row'}>
      <span class={favorite.kind === 'room' ? 'avatar avatar-room' : 'avatar avatar-address'}>
        <Icon name={favorite.kind === 'room' ? 'room' : 'address'} />
      </span>
      <button
        ref={inviteButton}
        type="button"
        class="fav-invite"
        data-nav="row"
        title={name}
        aria-describedby={described}
        aria-disabled={disabled ? 'true' : undefined}
        onClick={() => {
          if (unavailableReason !== null) chooseMeeting();
          else if (!blocked) invite(favorite);
        }}
      >
        <span class="visually-hidden">{m.invitePrefix}</span>
        <RowName name={name} />
      </button>
      <span class="fav-detail" id={`${id}-detail`}>
        <CallProgress call={call} starting={starting} refused={refused} room={room} brief />
        {(failure ?? detail) !== '' && (
          <span class={failure === null ? 'fav-place' : 'fav-place is-failure'}>
            {failure ?? detail}
          </span>
        )}
      </span>
      {canCancel(call) && (
        <button
          type="button"
          class="icon-button fav-cancel"
          aria-label={m.cancelCallTo(name)}
          onClick={() => {
            // The cancel button goes once the call is cancelled: focus stays on this row (its
            // invite button) rather than falling to the page (issue 14 item 6).
            inviteButton.current?.focus();
            cancel(call);
          }}
        >
          <Icon name="x" />
        </button>
      )}
    </li>
  );
}
