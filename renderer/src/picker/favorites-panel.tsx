import { useEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import type { CallsApi } from '../lib/use-calls';
import { useChanges, type Change } from '../lib/use-change';
import { CallProgress, canCancel, isCallVisible } from '../ui/call-progress';
import { ChangeFailureNotice } from '../ui/change-failure-notice';
import { Icon } from '../ui/icons';
import { StatusBadge } from '../ui/status-badge';
import { AddressForm, type AddressDraft } from './address-form';
import { FavoriteEditor } from './favorite-editor';
import { pickerMessages } from './messages';
import { TransferBar } from './transfer-bar';
import { useDragReorder } from './use-drag-reorder';
import { targetKey, type DialProtocol } from '../../../main/shared/rules/targets';
import { favoriteDisplayName } from '../../../main/shared/rules/favorites';
import type { FavoriteView, RoomView } from '../../../main/shared/ipc/contract';

interface Props {
  readonly favorites: readonly FavoriteView[];
  readonly rooms: ReadonlyMap<string, RoomView>;
  readonly calls: CallsApi;
}

/** The row controls focus can return to (data-action), after a change of that row. */
type RowControl = 'up' | 'down' | 'edit' | 'remove' | 'invite';

/** Where focus goes once the list shows a change: tried after each render until `ready`. */
interface FocusPlan {
  readonly ready: (favorites: readonly FavoriteView[]) => boolean;
  readonly target: () => HTMLElement | null;
}

function focusable(element: HTMLElement | null | undefined): element is HTMLElement {
  return (
    element instanceof HTMLElement && !(element instanceof HTMLButtonElement && element.disabled)
  );
}

/**
 * Favourites in the tray's order: reorder, rename, edit, remove, invite; add addresses. The
 * organisation's (`managed`, always after the person's own) can only be invited: no controls
 * that main would refuse, and a note saying why.
 *
 * A change main did not save (another RoomCall was saving the file, the disk, the keychain)
 * is said in its row, or under the address form, with a "Try again" that sends that very
 * change once more; the form keeps what was typed. After a retry, focus goes back to where
 * the change leaves the person: the same control of the moved row, the row after a removed
 * one, the Edit button of a closed editor, an empty address form.
 */
export function FavoritesPanel({ favorites, rooms, calls }: Props) {
  const m = useMessages(pickerMessages);
  const c = useMessages(commonMessages);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** The address form is new (empty) after an add saved by "Try again"; the protocol stays. */
  const [addForm, setAddForm] = useState<{ round: number; protocol: DialProtocol }>({
    round: 0,
    protocol: 'sip',
  });
  const rowChanges = useChanges<string>();
  const addChanges = useChanges<null>();
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusPlan = useRef<FocusPlan | null>(null);

  useEffect(() => {
    const plan = focusPlan.current;
    if (plan === null || !plan.ready(favorites)) return;
    focusPlan.current = null;
    (plan.target() ?? heading.current)?.focus();
  });

  const control = (id: string, name: RowControl): HTMLElement | null => {
    for (const row of panel.current?.querySelectorAll<HTMLElement>('li[data-favorite]') ?? []) {
      if (row.dataset['favorite'] === id)
        return row.querySelector<HTMLElement>(`[data-action="${name}"]`);
    }
    return null;
  };
  const firstOf = (id: string, names: readonly RowControl[]): HTMLElement | null => {
    for (const name of names) {
      const element = control(id, name);
      if (focusable(element)) return element;
    }
    return null;
  };
  /** Focus was on the control that went away or moved (the browser dropped it). */
  const focusLost = () =>
    document.activeElement === null || document.activeElement === document.body;

  /** A row's change: said in that row when it fails, with the same change to try again. */
  const runRow = <T,>(change: Change<T, string>) => {
    setNotice(null);
    void rowChanges.run(change);
  };

  /** `action` names the move for its Try again ("Move … up", "Move … to position 3"). */
  const move = (
    favorite: FavoriteView,
    name: string,
    from: number,
    toIndex: number,
    action: string,
  ) => {
    const way = toIndex < from ? 'up' : 'down';
    runRow({
      send: () => bridge().moveFavorite({ id: favorite.id, toIndex }),
      about: favorite.id,
      failed: m.favorites.failed.move(name),
      retryLabel: m.favorites.failed.retry(action),
      done: (_list, retried) => {
        if (!retried && !focusLost()) return;
        focusPlan.current = {
          ready: (list) => list.findIndex((item) => item.id === favorite.id) === toIndex,
          target: () => firstOf(favorite.id, [way, way === 'up' ? 'down' : 'up', 'edit']),
        };
      },
    });
  };
  const step = (favorite: FavoriteView, name: string, index: number, by: -1 | 1) => {
    const action = by < 0 ? m.favorites.moveUp(name) : m.favorites.moveDown(name);
    move(favorite, name, index, index + by, action);
  };
  // The person's own favourites come first; the organisation's after them stay where they are.
  const ownCount = favorites.filter((item) => !item.managed).length;
  const drag = useDragReorder(ownCount, (id, from, to) => {
    const favorite = favorites[from];
    if (favorite?.id !== id) return;
    const name = favoriteDisplayName(favorite);
    move(favorite, name, from, to, m.favorites.moveTo(name, to + 1));
  });

  const remove = (favorite: FavoriteView, name: string, index: number) => {
    runRow({
      send: () => bridge().removeFavorite({ id: favorite.id }),
      about: favorite.id,
      failed: m.favorites.failed.remove(name),
      retryLabel: m.favorites.failed.retry(m.favorites.remove(name)),
      done: (list, retried) => {
        setNotice(m.favorites.removed(name));
        if (!retried && !focusLost()) return;
        // The row that took its place, else the one before; the heading when none is left.
        const next = list[index] ?? list[index - 1];
        focusPlan.current = {
          ready: (shown) => !shown.some((item) => item.id === favorite.id),
          target: () => (next === undefined ? null : firstOf(next.id, ['remove', 'invite'])),
        };
      },
    });
  };

  const closeEditor = (id: string) => {
    setEditing(null);
    // Back to the button that opened it (the editor, and whatever had focus in it, is gone).
    focusPlan.current = { ready: () => true, target: () => control(id, 'edit') };
  };

  const addAddress = async (draft: AddressDraft): Promise<boolean> => {
    const label = draft.label === '' ? null : draft.label;
    const name = label ?? draft.dialString;
    const request = {
      kind: 'mra',
      protocol: draft.protocol,
      dialString: draft.dialString,
      label,
    } as const;
    setBusy(true);
    setNotice(null);
    const saved = await addChanges.run({
      send: () => bridge().addFavorite(request),
      about: null,
      failed: m.favorites.failed.add(name),
      retryLabel: m.favorites.failed.retry(m.row.star(name)),
      done: (data, retried) => {
        const shownName = favoriteDisplayName(data.favorite);
        // A retry that finds the address saved: the first attempt was saved after all (or
        // another window added it meanwhile). Either way it is there once, as asked.
        setNotice(
          data.status === 'added' || retried
            ? m.address.added(shownName)
            : m.address.duplicate(shownName),
        );
        if (retried) {
          setAddForm((form) => ({ round: form.round + 1, protocol: draft.protocol }));
          focusPlan.current = {
            ready: () => true,
            target: () => document.getElementById('new-address-dial'),
          };
        }
      },
    });
    setBusy(false);
    return saved;
  };

  return (
    <div class="favorites-panel" ref={panel}>
      <div class="panel-head">
        <div>
          <h2 class="panel-title" ref={heading} tabIndex={-1}>
            {m.favorites.heading}
          </h2>
          <p class="panel-hint">{m.favorites.hint}</p>
        </div>
        <TransferBar />
      </div>
      {favorites.length === 0 ? (
        <p class="panel-empty">{m.favorites.empty}</p>
      ) : (
        <ol class="fav-manage" aria-label={m.favorites.heading}>
          {favorites.map((favorite, index) => {
            const name = favoriteDisplayName(favorite);
            const key = targetKey(favorite);
            const call = calls.byTarget.get(key);
            const starting = calls.starting.has(key);
            const refused = calls.refused.get(key);
            const room = favorite.kind === 'room' ? rooms.get(favorite.meetingRoomId) : undefined;
            const inFlight = starting || (call !== undefined && !call.settled);
            const failure = rowChanges.failure?.about === favorite.id ? rowChanges.failure : null;
            return (
              <li
                key={favorite.id}
                class={rowClass(drag.draggingId === favorite.id, drag.dropSide(index))}
                data-favorite={favorite.id}
                {...drag.rowProps(favorite.id, index)}
              >
                <div class="fav-item-main">
                  <span
                    class={
                      favorite.kind === 'room' ? 'avatar avatar-room' : 'avatar avatar-address'
                    }
                  >
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
                    {starting || refused !== undefined || isCallVisible(call) ? (
                      <CallProgress call={call} starting={starting} refused={refused} />
                    ) : room !== undefined ? (
                      <StatusBadge room={room} />
                    ) : null}
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
                          disabled={
                            index === favorites.length - 1 || favorites[index + 1]?.managed === true
                          }
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
                        {m.row.cancel}
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
          })}
        </ol>
      )}
      <div role="status" class="panel-notice">
        {notice !== null && <p class="note-ok">{notice}</p>}
      </div>
      <section class="address-section">
        <AddressForm
          key={addForm.round}
          idPrefix="new-address"
          initial={{ protocol: addForm.protocol, dialString: '', label: '' }}
          heading={m.address.heading}
          submitLabel={m.address.add}
          busy={busy || addChanges.failure?.retrying === true}
          onSubmit={addAddress}
          onEdit={addChanges.clear}
        />
        {addChanges.failure !== null && (
          <div class="address-notice">
            <ChangeFailureNotice failure={addChanges.failure} />
          </div>
        )}
      </section>
    </div>
  );
}

function rowClass(dragging: boolean, dropSide: 'before' | 'after' | null): string {
  let names = 'fav-item';
  if (dragging) names += ' fav-item-dragging';
  if (dropSide !== null) names += ` fav-item-drop-${dropSide}`;
  return names;
}
