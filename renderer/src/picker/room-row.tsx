import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import { CallProgress, canCancel } from '../ui/call-progress';
import { Icon } from '../ui/icons';
import { pickerMessages } from './messages';
import { RoomName } from './room-name';
import type { CallView, IpcError, RoomView } from '../../../main/shared/ipc/contract';

interface Props {
  readonly room: RoomView;
  readonly starred: boolean;
  /** A favourite the organisation set (managed): starred, and it stays so. */
  readonly starLocked: boolean;
  readonly selected: boolean;
  readonly call: CallView | undefined;
  readonly starting: boolean;
  readonly refused: IpcError | undefined;
  /** What Enter in the search invites now: marked so the person sees it before pressing. */
  readonly enterTarget: boolean;
  readonly onSelect: (room: RoomView, selected: boolean) => void;
  readonly onStar: (room: RoomView, starred: boolean) => void;
  readonly onInvite: (room: RoomView) => void;
  readonly onCancel: (call: CallView) => void;
}

/**
 * One directory room: select, name and location, status or call progress, star, invite.
 * Controls carry data-col so arrow keys can move to the same control in the next row.
 */
export function RoomRow({
  room,
  starred,
  starLocked,
  selected,
  call,
  starting,
  refused,
  enterTarget,
  onSelect,
  onStar,
  onInvite,
  onCancel,
}: Props) {
  const m = useMessages(pickerMessages);
  const c = useMessages(commonMessages);
  const inFlight = starting || (call !== undefined && !call.settled);
  return (
    <div
      class={['room', selected && 'is-selected', enterTarget && 'is-enter-target']
        .filter(Boolean)
        .join(' ')}
    >
      <input
        type="checkbox"
        class="room-check"
        data-col="select"
        checked={selected}
        disabled={!room.callable}
        aria-label={m.row.select(room.name)}
        onChange={(event) => {
          onSelect(room, event.currentTarget.checked);
        }}
      />
      <div class="room-text">
        <RoomName name={room.name} />
        <span class="room-location">
          {room.location}
          {room.participantNumber !== null && room.participantNumber > 0 && (
            <span class="room-seats"> · {m.row.people(room.participantNumber)}</span>
          )}
        </span>
      </div>
      <div class="room-status">
        <CallProgress call={call} starting={starting} refused={refused} room={room} />
      </div>
      <button
        type="button"
        class={starred ? 'icon-button star is-starred' : 'icon-button star'}
        data-col="star"
        aria-pressed={starred}
        aria-disabled={starLocked ? 'true' : undefined}
        aria-label={
          starLocked
            ? m.row.starredByOrg(room.name)
            : starred
              ? m.row.unstar(room.name)
              : m.row.star(room.name)
        }
        title={starLocked ? m.row.starredByOrg(room.name) : undefined}
        onClick={() => {
          if (!starLocked) onStar(room, !starred);
        }}
      >
        <Icon name={starred ? 'star-filled' : 'star'} />
      </button>
      {/* Cancel and Invite are one button element that changes (same place, no key), so
          focus stays on it when a call is cancelled rather than falling to the page. */}
      {canCancel(call) ? (
        <button
          type="button"
          class="button button-small room-action"
          data-col="invite"
          aria-label={c.cancelCallTo(room.name)}
          onClick={() => {
            onCancel(call);
          }}
        >
          {c.cancel}
        </button>
      ) : (
        <button
          type="button"
          class="button button-small room-action"
          data-col="invite"
          aria-label={c.inviteTo(room.name)}
          aria-disabled={!room.callable || inFlight ? 'true' : undefined}
          onClick={() => {
            if (room.callable && !inFlight) onInvite(room);
          }}
        >
          {m.row.invite}
        </button>
      )}
    </div>
  );
}
