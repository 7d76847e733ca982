import { MAX_LABEL } from '../../../main/shared/rules/favorites';
import { useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { useChanges } from '../lib/use-change';
import { ChangeFailureNotice } from '../ui/change-failure-notice';
import { AddressForm, type AddressDraft } from './address-form';
import { pickerMessages } from './messages';
import type { FavoriteView } from '../../../main/shared/ipc/contract';

interface Props {
  readonly favorite: FavoriteView;
  /** The name the row shows, for what a failure says. */
  readonly name: string;
  readonly onDone: () => void;
}

/**
 * Edits one favourite in place. A room gets a label; an address its label, protocol and
 * dial string. Either is one call, so one change in main: a refused edit (the address is
 * already a favourite, the file cannot be written) leaves the list exactly as it was, and
 * the editor open with what was typed. Where trying again can work (another RoomCall was
 * saving the file), "Try again" sends the same edit once more; typing withdraws that offer,
 * since Save then sends what is typed now.
 */
export function FavoriteEditor({ favorite, name, onDone }: Props) {
  const m = useMessages(pickerMessages);
  const changes = useChanges<null>();
  const [label, setLabel] = useState(favorite.label ?? '');

  if (favorite.kind === 'mra') {
    const saveAddress = (draft: AddressDraft): Promise<boolean> => {
      const request = {
        id: favorite.id,
        protocol: draft.protocol,
        dialString: draft.dialString,
        label: draft.label === '' ? null : draft.label,
      };
      return changes.run({
        send: () => bridge().updateAddressFavorite(request),
        about: null,
        failed: m.favorites.failed.edit(name),
        retryLabel: m.favorites.failed.retry(m.favorites.saveChanges(name)),
        done: onDone,
      });
    };
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
          busy={changes.busy}
          onSubmit={saveAddress}
          onCancel={onDone}
          onEdit={changes.clear}
        />
        <ChangeFailureNotice failure={changes.failure} />
      </div>
    );
  }

  return (
    <form
      class="fav-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (changes.busy) return;
        const trimmed = label.trim();
        const request = { id: favorite.id, label: trimmed === '' ? null : trimmed };
        void changes.run({
          send: () => bridge().renameFavorite(request),
          about: null,
          failed: m.favorites.failed.rename(name),
          retryLabel: m.favorites.failed.retry(m.favorites.rename(name)),
          done: onDone,
        });
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
          maxLength={MAX_LABEL}
          placeholder={favorite.name === '' ? m.favorites.labelPlaceholderRoom : favorite.name}
          value={label}
          onInput={(event) => {
            setLabel(event.currentTarget.value);
            changes.clear();
          }}
        />
        <button type="button" class="button" onClick={onDone}>
          {m.favorites.cancel}
        </button>
        <button type="submit" class="button button-primary" disabled={changes.busy}>
          {m.favorites.save}
        </button>
      </div>
      <ChangeFailureNotice failure={changes.failure} />
    </form>
  );
}
