import { useRef } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { useAction } from '../lib/use-action';
import { ErrorNotice } from '../ui/error-notice';
import { settingsMessages } from './messages';
import type { AppState } from '../../../main/shared/ipc/contract';

/** Log out, after a confirmation in a modal dialog (the keychain entry is deleted). */
export function LogoutSection({ onLoggedOut }: { onLoggedOut: (state: AppState) => void }) {
  const m = useMessages(settingsMessages);
  const dialog = useRef<HTMLDialogElement>(null);
  const { busy, error, run } = useAction();

  const confirm = async () => {
    const result = await run(() => bridge().logout());
    dialog.current?.close();
    if (result.ok) onLoggedOut(result.data);
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
