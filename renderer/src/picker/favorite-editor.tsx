import { useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import type { Favorite, IpcError, IpcResult } from '../lib/types';
import { ErrorNotice } from '../ui/error-notice';
import { AddressForm, type AddressDraft } from './address-form';
import { pickerMessages } from './messages';

interface Props {
  readonly favorite: Favorite;
  readonly onDone: () => void;
}

/**
 * Edits one favourite in place. A room gets a label; an address its label, protocol and
 * dial string. Either is one call, so one change in main: a refused edit (the address is
 * already a favourite, the file cannot be written) leaves the list exactly as it was.
 */
export function FavoriteEditor({ favorite, onDone }: Props) {
  const m = useMessages(pickerMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  const [label, setLabel] = useState(favorite.label ?? '');

  const finish = (result: IpcResult<unknown>) => {
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
    return result.ok;
  };

  const saveAddress = async (draft: AddressDraft): Promise<boolean> => {
    if (favorite.kind !== 'mra') return false;
    setBusy(true);
    setError(null);
    return finish(
      await invoke(() =>
        bridge().updateAddressFavorite({
          id: favorite.id,
          protocol: draft.protocol,
          dialString: draft.dialString,
          label: draft.label === '' ? null : draft.label,
        }),
      ),
    );
  };

  if (favorite.kind === 'mra') {
    return (
      <div class="fav-editor">
        <AddressForm
          idPrefix={`edit-${favorite.id}`}
          initial={{
            protocol: favorite.protocol,
            dialString: favorite.dialString,
            label: favorite.label ?? '',
          }}
          heading={m.address.editHeading}
          submitLabel={m.favorites.save}
          busy={busy}
          onSubmit={saveAddress}
          onCancel={onDone}
        />
        {error !== null && <ErrorNotice error={error} compact announce />}
      </div>
    );
  }

  return (
    <form
      class="fav-editor"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        const trimmed = label.trim();
        void invoke(() =>
          bridge().renameFavorite({ id: favorite.id, label: trimmed === '' ? null : trimmed }),
        ).then(finish);
      }}
    >
      <label class="field-label" for={`label-${favorite.id}`}>
        {m.favorites.label}
      </label>
      <div class="input-row">
        <input
          id={`label-${favorite.id}`}
          class="input"
          type="text"
          maxLength={100}
          placeholder={favorite.name === '' ? m.favorites.labelPlaceholderRoom : favorite.name}
          value={label}
          onInput={(event) => {
            setLabel(event.currentTarget.value);
          }}
        />
        <button type="button" class="button" onClick={onDone}>
          {m.favorites.cancel}
        </button>
        <button type="submit" class="button button-primary" disabled={busy}>
          {m.favorites.save}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} compact announce />}
    </form>
  );
}
