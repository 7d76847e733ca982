import { useCallback, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { commonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import { favoriteName, targetKey } from '../lib/target-key';
import type { Favorite, IpcError, IpcResult, RoomView } from '../lib/types';
import type { CallsApi } from '../lib/use-calls';
import { CallProgress, canCancel, isCallVisible } from '../ui/call-progress';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { StatusBadge } from '../ui/status-badge';
import { AddressForm, type AddressDraft } from './address-form';
import { FavoriteEditor } from './favorite-editor';
import { pickerMessages } from './messages';
import { TransferBar } from './transfer-bar';

interface Props {
  readonly favorites: readonly Favorite[];
  readonly rooms: ReadonlyMap<string, RoomView>;
  readonly calls: CallsApi;
}

type Notice =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'error'; readonly error: IpcError };

/**
 * Favourites in the tray's order: reorder, rename, edit, remove, invite; add addresses. The
 * organisation's (`managed`, always after the person's own) can only be invited: no controls
 * that main would refuse, and a note saying why.
 */
export function FavoritesPanel({ favorites, rooms, calls }: Props) {
  const m = useMessages(pickerMessages);
  const c = useMessages(commonMessages);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);

  const run = useCallback(async (action: () => Promise<IpcResult<unknown>>) => {
    const result = await invoke(action);
    if (!result.ok) setNotice({ kind: 'error', error: result.error });
    return result.ok;
  }, []);

  const addAddress = async (draft: AddressDraft): Promise<boolean> => {
    setBusy(true);
    const result = await invoke(() =>
      bridge().addFavorite({
        kind: 'mra',
        protocol: draft.protocol,
        dialString: draft.dialString,
        label: draft.label === '' ? null : draft.label,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setNotice({ kind: 'error', error: result.error });
      return false;
    }
    const name = favoriteName(result.data.favorite);
    setNotice({
      kind: 'ok',
      text: result.data.status === 'added' ? m.address.added(name) : m.address.duplicate(name),
    });
    return true;
  };

  return (
    <div class="favorites-panel">
      <div class="panel-head">
        <div>
          <h2 class="panel-title">{m.favorites.heading}</h2>
          <p class="panel-hint">{m.favorites.hint}</p>
        </div>
        <TransferBar />
      </div>
      {favorites.length === 0 ? (
        <p class="panel-empty">{m.favorites.empty}</p>
      ) : (
        <ol class="fav-manage" aria-label={m.favorites.heading}>
          {favorites.map((favorite, index) => {
            const name = favoriteName(favorite);
            const key = targetKey(favorite);
            const call = calls.byTarget.get(key);
            const starting = calls.starting.has(key);
            const refused = calls.refused.get(key);
            const room = favorite.kind === 'room' ? rooms.get(favorite.meetingRoomId) : undefined;
            const inFlight = starting || (call !== undefined && !call.settled);
            return (
              <li key={favorite.id} class="fav-item">
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
                          aria-label={m.favorites.moveUp(name)}
                          disabled={index === 0}
                          onClick={() =>
                            void run(() =>
                              bridge().moveFavorite({ id: favorite.id, toIndex: index - 1 }),
                            )
                          }
                        >
                          <Icon name="arrow-up" />
                        </button>
                        <button
                          type="button"
                          class="icon-button"
                          aria-label={m.favorites.moveDown(name)}
                          disabled={
                            index === favorites.length - 1 || favorites[index + 1]?.managed === true
                          }
                          onClick={() =>
                            void run(() =>
                              bridge().moveFavorite({ id: favorite.id, toIndex: index + 1 }),
                            )
                          }
                        >
                          <Icon name="arrow-down" />
                        </button>
                        <button
                          type="button"
                          class="icon-button"
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
                          aria-label={m.favorites.remove(name)}
                          onClick={() =>
                            void run(() => bridge().removeFavorite({ id: favorite.id })).then(
                              (ok) => {
                                if (ok) setNotice({ kind: 'ok', text: m.favorites.removed(name) });
                              },
                            )
                          }
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
                {editing === favorite.id && (
                  <FavoriteEditor
                    favorite={favorite}
                    onDone={() => {
                      setEditing(null);
                    }}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      <div role="status" class="panel-notice">
        {notice?.kind === 'ok' && <p class="note-ok">{notice.text}</p>}
      </div>
      {notice?.kind === 'error' && <ErrorNotice error={notice.error} compact announce />}
      <section class="address-section">
        <AddressForm
          idPrefix="new-address"
          heading={m.address.heading}
          submitLabel={m.address.add}
          busy={busy}
          onSubmit={addAddress}
        />
      </section>
    </div>
  );
}
