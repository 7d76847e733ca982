import { useLocale, useMessages } from '../i18n/locale';
import { formatNumber } from '../lib/format';
import { pickerMessages } from './messages';

/** Enough placeholder rows to fill the window at its minimum size and a little more. */
const PLACEHOLDER_ROWS = 10;

/**
 * The directory's first load: "Loading rooms… 2,400 of 10,000" with a determinate bar once the
 * first page told the total (indeterminate before), and grey rows where the rooms will be, so
 * the list does not jump when they arrive. Never "no rooms": nothing is known yet.
 */
export function DirectoryLoading({
  progress,
  rowHeight,
}: {
  progress: { loaded: number; total: number } | null;
  rowHeight: number;
}) {
  const m = useMessages(pickerMessages);
  const { intl } = useLocale();
  const text =
    progress === null
      ? m.roomsUi.loading
      : m.roomsUi.loadingProgress(
          formatNumber(progress.loaded, intl),
          formatNumber(progress.total, intl),
        );
  const rows = [];
  for (let index = 0; index < PLACEHOLDER_ROWS; index += 1) {
    rows.push(
      <div key={index} class="room room-placeholder" style={{ height: `${String(rowHeight)}px` }}>
        <span class="placeholder-box placeholder-check" />
        <span class="placeholder-text">
          <span class="placeholder-box placeholder-name" />
          <span class="placeholder-box placeholder-location" />
        </span>
        <span class="placeholder-box placeholder-action" />
      </div>,
    );
  }
  return (
    <>
      <div class="list-meta">
        <div class="dir-progress">
          <span class="dir-text" role="status">
            {text}
          </span>
          <progress
            class="progress"
            aria-label={m.roomsUi.loadingLabel}
            max={progress === null ? undefined : progress.total}
            value={progress === null ? undefined : progress.loaded}
          />
        </div>
      </div>
      <div class="vlist placeholder-list" aria-hidden="true">
        {rows}
      </div>
    </>
  );
}
