import { useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import { ErrorNotice } from '../ui/error-notice';
import { settingsMessages } from './messages';
import type { AppState, IpcError } from '../../../main/shared/ipc/contract';

/** Log out, after a confirmation in a modal dialog (the keychain entry is deleted). */
export function LogoutSection({ onLoggedOut }: { onLoggedOut: (state: AppState) => void }) {
  const m = useMessages(settingsMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);

  const confirm = async () => {
    setBusy(true);
    const result = await invoke(() => bridge().logout());
    setBusy(false);
    dialog.current?.close();
    if (result.ok) {
      setError(null);
      onLoggedOut(result.data);
    } else {
      setError(result.error);
    }
  };

  return (
    <section class="card" aria-labelledby="logout-heading">
      <h2 class="card-title" id="logout-heading">
        {m.logout.heading}
      </h2>
      <p class="muted">{m.logout.intro}</p>
      <div class="form-actions">
        <button
          type="button"
          class="button button-danger-outline"
          onClick={() => dialog.current?.showModal()}
        >
          {m.logout.button}
        </button>
      </div>
      {error !== null && <ErrorNotice error={error} compact announce />}
      <dialog
        ref={dialog}
        class="dialog"
        aria-labelledby="logout-title"
        aria-describedby="logout-body"
      >
        <h2 class="dialog-title" id="logout-title">
          {m.logout.confirmTitle}
        </h2>
        <p id="logout-body">{m.logout.confirmBody}</p>
        <div class="dialog-actions">
          {/* Cancel first and focused: the safe choice is the default one. */}
          <button type="button" class="button" autoFocus onClick={() => dialog.current?.close()}>
            {m.logout.cancel}
          </button>
          <button
            type="button"
            class="button button-danger"
            disabled={busy}
            onClick={() => void confirm()}
          >
            {m.logout.confirm}
          </button>
        </div>
      </dialog>
    </section>
  );
}
