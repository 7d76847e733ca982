import { useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import type { CallsApi } from '../lib/use-calls';
import { useChanges, type Change } from '../lib/use-change';
import { ChangeFailureNotice } from '../ui/change-failure-notice';
import { Icon } from '../ui/icons';
import { AddressForm, type AddressDraft } from './address-form';
import { FavoriteManageRow } from './favorite-manage-row';
import { pickerMessages } from './messages';
import { TransferBar } from './transfer-bar';
import { useDragReorder } from './use-drag-reorder';
import { useFocusPlan } from './use-focus-plan';
import type { DialProtocol } from '../../../main/shared/rules/targets';
import { favoriteDisplayName } from '../../../main/shared/rules/favorites';
import type { FavoriteView, RoomView } from '../../../main/shared/ipc/contract';

interface Props {
  readonly favorites: readonly FavoriteView[];
  readonly rooms: ReadonlyMap<string, RoomView>;
  readonly calls: CallsApi;
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
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  /** The address form is new (empty) after an add saved by "Try again"; the protocol stays. */
  const [addForm, setAddForm] = useState<{ round: number; protocol: DialProtocol }>({
    round: 0,
    protocol: 'sip',
  });
  const rowChanges = useChanges<string>();
  const addChanges = useChanges<null>();
  const { panel, heading, focusPlan, control, firstOf } = useFocusPlan(favorites);

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
        // Moving the row's node can drop focus (the browser blurs a moved element): then back
        // to the same control of the moved row. Focus the person has since put elsewhere stays.
        // After Try again, always: its button (still focused when the list shows the move) goes
        // with the failure notice a moment later, and focus with it.
        focusPlan.current = {
          whenLost: !retried,
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
      done: (list) => {
        setNotice(m.favorites.removed(name));
        // The removed row takes its focused button (or its Try again) along whenever the list
        // shows the removal: then the row that took its place, else the one before; the
        // heading when none is left. Never the page.
        const next = list[index] ?? list[index - 1];
        focusPlan.current = {
          whenLost: true,
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

  const addAddress = (draft: AddressDraft, normalised: boolean): Promise<boolean> => {
    const label = draft.label === '' ? null : draft.label;
    const name = label ?? draft.dialString;
    const request = {
      kind: 'mra',
      protocol: draft.protocol,
      dialString: draft.dialString,
      label,
    } as const;
    setNotice(null);
    return addChanges.run({
      send: () => bridge().addFavorite(request),
      about: null,
      failed: m.favorites.failed.add(name),
      retryLabel: m.favorites.failed.retry(m.row.star(name)),
      done: (data, retried) => {
        const shownName = favoriteDisplayName(data.favorite);
        // A retry that finds the address saved: the first attempt was saved after all (or
        // another window added it meanwhile). Either way it is there once, as asked.
        const said =
          data.status === 'added' || retried
            ? m.address.added(shownName)
            : m.address.duplicate(shownName);
        // "+86 10 1234 5678" was saved as "+861012345678": say so, with what was saved.
        setNotice(normalised ? `${said} ${m.forms.savedAs(draft.dialString)}` : said);
        if (retried) {
          setAddForm((form) => ({ round: form.round + 1, protocol: draft.protocol }));
          focusPlan.current = {
            ready: () => true,
            target: () => document.getElementById('new-address-dial'),
          };
        }
      },
    });
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
        {/* First in the panel: one Tab stop from the Favourites tab, whatever the list holds
            (the form itself comes after the list). */}
        <button
          type="button"
          class="button button-small"
          aria-controls="new-address-form"
          onClick={() => {
            const field = document.getElementById('new-address-dial');
            field?.scrollIntoView({ block: 'nearest' });
            field?.focus();
          }}
        >
          <Icon name="plus" />
          {m.forms.addAddress}
        </button>
        <TransferBar />
      </div>
      {favorites.length === 0 ? (
        <p class="panel-empty">{m.favorites.empty}</p>
      ) : (
        <ol class="fav-manage" aria-label={m.favorites.heading}>
          {favorites.map((favorite, index) => (
            <FavoriteManageRow
              key={favorite.id}
              favorite={favorite}
              index={index}
              favorites={favorites}
              rooms={rooms}
              calls={calls}
              drag={drag}
              rowFailure={rowChanges.failure}
              editing={editing}
              setEditing={setEditing}
              step={step}
              remove={remove}
              closeEditor={closeEditor}
            />
          ))}
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
          busy={addChanges.busy}
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
