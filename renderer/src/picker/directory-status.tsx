import { useLocale, useMessages } from '../i18n/locale';
import { formatMoment, formatNumber } from '../lib/format';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { pickerMessages } from './messages';
import type { DirectoryStatus, IpcError } from '../../../main/shared/ipc/contract';

/** "10,000 rooms · updated 10:02 [Refresh]", or a progress bar while the list is fetched. */
export function DirectoryStatusBar({
  status,
  error = null,
  onRefresh,
}: {
  status: DirectoryStatus | null;
  /** Asking for a refresh failed (refreshDirectory itself, not the sync it starts). */
  error?: IpcError | null;
  onRefresh: () => void;
}) {
  const m = useMessages(pickerMessages);
  const { intl } = useLocale();
  const syncing = status?.syncing ?? true;
  const progress = status?.progress ?? null;
  const failure = status?.error ?? error;
  return (
    <div class="dir-status">
      {syncing ? (
        <div class="dir-progress">
          <span class="dir-text" role="status">
            {progress !== null && progress.total > 0
              ? m.directory.progress(
                  formatNumber(progress.loaded, intl),
                  formatNumber(progress.total, intl),
                )
              : m.directory.syncing}
          </span>
          <progress
            class="progress"
            aria-label={m.directory.progressLabel}
            max={progress !== null && progress.total > 0 ? progress.total : undefined}
            value={progress !== null && progress.total > 0 ? progress.loaded : undefined}
          />
        </div>
      ) : (
        <span class="dir-text">
          {status?.fetchedAt == null
            ? m.directory.never
            : m.directory.updated(formatMoment(status.fetchedAt, intl))}
        </span>
      )}
      <button
        type="button"
        class="button button-small"
        disabled={syncing}
        aria-label={m.directory.refreshLabel}
        onClick={onRefresh}
      >
        <Icon name="refresh" />
        {m.directory.refresh}
      </button>
      {failure !== null && !syncing && (
        <div class="dir-error">
          <ErrorNotice error={failure} onRetry={onRefresh} compact />
        </div>
      )}
    </div>
  );
}
