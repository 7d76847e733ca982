import type { CallsApi } from '../lib/use-calls';
import type { ChangeFailure } from '../lib/use-change';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import { CallProgress, canCancel } from '../ui/call-progress';
import { ChangeFailureNotice } from '../ui/change-failure-notice';
import { Icon } from '../ui/icons';
import { FavoriteEditor } from './favorite-editor';
import { pickerMessages } from './messages';
import type { DragReorder } from './use-drag-reorder';
import { targetKey } from '../../../main/shared/rules/targets';
import { favoriteDisplayName } from '../../../main/shared/rules/favorites';
import type { FavoriteView, RoomView } from '../../../main/shared/ipc/contract';

interface Props {
  readonly favorite: FavoriteView;
  readonly index: number;
  /** The whole list, for whether the row below can change places with this one. */
  readonly favorites: readonly FavoriteView[];
  readonly rooms: ReadonlyMap<string, RoomView>;
  readonly calls: CallsApi;
  readonly drag: DragReorder;
  /** The row's change that failed (the panel's rowChanges), null when none. */
  readonly rowFailure: ChangeFailure<string> | null;
  /** The favourite whose editor is open. */
  readonly editing: string | null;
  readonly setEditing: (id: string | null) => void;
  readonly step: (favorite: FavoriteView, name: string, index: number, by: -1 | 1) => void;
  readonly remove: (favorite: FavoriteView, name: string, index: number) => void;
  readonly closeEditor: (id: string) => void;
}

/**
 * One favourite of FavoritesPanel: its name and detail, its call or room status, its controls
 * (move, edit, remove: none for the organisation's) and invite or cancel, then the failure of
 * its last change and its editor when open.
 */
export function FavoriteManageRow({
  favorite,
  index,
  favorites,
  rooms,
  calls,
  drag,
  rowFailure,
  editing,
  setEditing,
  step,
  remove,
  closeEditor,
}: Props) {
  const m = useMessages(pickerMessages);
  const c = useMessages(commonMessages);
  const name = favoriteDisplayName(favorite);
  const key = targetKey(favorite);
  const call = calls.byTarget.get(key);
  const starting = calls.starting.has(key);
  const refused = calls.refused.get(key);
  const room = favorite.kind === 'room' ? rooms.get(favorite.meetingRoomId) : undefined;
  const inFlight = starting || (call !== undefined && !call.settled);
  const failure = rowFailure?.about === favorite.id ? rowFailure : null;
  return (
    <li
      class={rowClass(drag.draggingId === favorite.id, drag.dropSide(index))}
      data-favorite={favorite.id}
      {...drag.rowProps(favorite.id, index)}
    >
      <div class="fav-item-main">
        <span class={favorite.kind === 'room' ? 'avatar avatar-room' : 'avatar avatar-address'}>
          <Icon name={favorite.kind === 'room' ? 'room' : 'address'} />
        </span>
        <div class="fav-item-text">
          <span class="fav-item-name">{name}</span>
          <span class="fav-item-detail">
            {favorite.kind === 'room' ? (
              favorite.location
            ) : (
              <>
                <span class="protocol-tag">{c.protocol[favorite.protocol]}</span>
                <span class="mono">{favorite.dialString}</span>
              </>
            )}
            {favorite.managed && <span class="managed-tag">{m.favorites.managed}</span>}
          </span>
        </div>
        <div class="fav-item-status">
          <CallProgress call={call} starting={starting} refused={refused} room={room} />
        </div>
        <div class="fav-item-actions">
          {!favorite.managed && (
            <>
              <button
                type="button"
                class="icon-button"
                data-action="up"
                aria-label={m.favorites.moveUp(name)}
                disabled={index === 0}
                onClick={() => {
                  step(favorite, name, index, -1);
                }}
              >
                <Icon name="arrow-up" />
              </button>
              <button
                type="button"
                class="icon-button"
                data-action="down"
                aria-label={m.favorites.moveDown(name)}
                disabled={index === favorites.length - 1 || favorites[index + 1]?.managed === true}
                onClick={() => {
                  step(favorite, name, index, 1);
                }}
              >
                <Icon name="arrow-down" />
              </button>
              <button
                type="button"
                class="icon-button"
                data-action="edit"
                aria-label={m.favorites.edit(name)}
                aria-expanded={editing === favorite.id}
                onClick={() => {
                  setEditing(editing === favorite.id ? null : favorite.id);
                }}
              >
                <Icon name="pencil" />
              </button>
              <button
                type="button"
                class="icon-button"
                data-action="remove"
                aria-label={m.favorites.remove(name)}
                onClick={() => {
                  remove(favorite, name, index);
                }}
              >
                <Icon name="trash" />
              </button>
            </>
          )}
          {canCancel(call) ? (
            <button
              type="button"
              class="button button-small"
              aria-label={c.cancelCallTo(name)}
              onClick={() => void calls.cancel(call)}
            >
              {c.cancel}
            </button>
          ) : (
            <button
              type="button"
              class="button button-small"
              data-action="invite"
              aria-label={c.inviteTo(name)}
              aria-disabled={
                inFlight || (room !== undefined && !room.callable) ? 'true' : undefined
              }
              onClick={() => {
                if (!inFlight && (room === undefined || room.callable))
                  void calls.start(key, { favoriteId: favorite.id });
              }}
            >
              {m.row.invite}
            </button>
          )}
        </div>
      </div>
      {failure !== null && (
        <div class="fav-item-notice">
          <ChangeFailureNotice failure={failure} />
        </div>
      )}
      {editing === favorite.id && (
        <FavoriteEditor
          favorite={favorite}
          name={name}
          onDone={() => {
            closeEditor(favorite.id);
          }}
        />
      )}
    </li>
  );
}

function rowClass(dragging: boolean, dropSide: 'before' | 'after' | null): string {
  let names = 'fav-item';
  if (dragging) names += ' fav-item-dragging';
  if (dropSide !== null) names += ` fav-item-drop-${dropSide}`;
  return names;
}
