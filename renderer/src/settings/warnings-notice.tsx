import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { useAction } from '../lib/use-action';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { settingsMessages } from './messages';
import type { AppState } from '../../../main/shared/ipc/contract';

interface WarningsNoticeProps {
  readonly warnings: AppState['warnings'];
  /**
   * After a dismissal: the new state (without the warnings). The notice then leaves the page,
   * so the caller moves the focus somewhere that stays (the page heading), not to the body.
   */
  readonly onDismissed: (state: AppState) => void;
}

/**
 * The local files' warnings (damaged files moved aside, favourites set aside as invalid), with
 * a Dismiss that tells main the person has seen them: it marks the set-aside favourites seen,
 * so neither the app nor the CLI warns about them again at every start.
 */
export function WarningsNotice({ warnings, onDismissed }: WarningsNoticeProps) {
  const m = useMessages(settingsMessages);
  const { busy, error, run } = useAction();

  const dismiss = async () => {
    const result = await run(() => bridge().dismissWarnings());
    if (result.ok) onDismissed(result.data);
  };

  return (
    <div class="notice" role="status">
      <Icon name="alert" class="notice-icon" />
      <div class="notice-body">
        <p class="notice-title">{m.warnings.title}</p>
        <ul class="bullet-list">
          {warnings.map((warning) => (
            <li key={warning.file} lang="en">
              <span class="mono">{warning.file}</span>: {warning.message}
            </li>
          ))}
        </ul>
        <div class="form-actions">
          <button
            type="button"
            class="button"
            disabled={busy}
            aria-busy={busy}
            onClick={() => void dismiss()}
          >
            {m.warnings.dismiss}
          </button>
        </div>
        {error !== null && <ErrorNotice error={error} compact announce />}
      </div>
    </div>
  );
}
