import { useEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { langOf, useLocale, useMessages } from '../i18n/locale';
import { useChanges } from '../lib/use-change';
import { ChangeFailureNotice } from '../ui/change-failure-notice';
import { Icon } from '../ui/icons';
import { pickerMessages } from './messages';
import type { ImportReportView } from '../../../main/shared/ipc/contract';

type Outcome =
  | { readonly kind: 'imported'; readonly report: ImportReportView }
  | { readonly kind: 'saved'; readonly path: string }
  | { readonly kind: 'not-saved' };

/** Import and export of favourites as JSON, for IT teams handing out a standard list. */
export function TransferBar() {
  const m = useMessages(pickerMessages);
  const { locale } = useLocale();
  const file = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const exportButton = useRef<HTMLButtonElement>(null);
  // A "Try again" that worked takes its notice (and itself) away: focus returns to the
  // button of the action it repeated, never the page.
  const [refocus, setRefocus] = useState<HTMLButtonElement | null>(null);
  useEffect(() => {
    if (refocus === null || refocus.disabled) return;
    setRefocus(null);
    refocus.focus();
  });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // A failed import or export offers Try again with the same request: importing the same
  // JSON again cannot add twice (main skips what is already a favourite).
  const changes = useChanges<null>();
  const busyWhile = async (work: Promise<unknown>) => {
    setBusy(true);
    setOutcome(null);
    await work;
    setBusy(false);
  };

  const exportAll = () =>
    busyWhile(
      changes.run({
        send: () => bridge().exportFavorites(),
        about: null,
        failed: m.transfer.failed.export,
        retryLabel: m.favorites.failed.retry(m.transfer.failed.exportAction),
        // Main shows the save dialog and writes the file: "Saved" only once it is on disk,
        // "Not saved" when the person closed the dialog (no error: they chose to).
        done: (data, retried) => {
          if (retried) setRefocus(exportButton.current);
          setOutcome(
            data.status === 'saved' ? { kind: 'saved', path: data.path } : { kind: 'not-saved' },
          );
        },
      }),
    );

  const importFile = async (chosen: File) => {
    const json = await chosen.text();
    await busyWhile(
      changes.run({
        send: () => bridge().importFavorites({ json }),
        about: null,
        failed: m.transfer.failed.import(chosen.name),
        retryLabel: m.favorites.failed.retry(m.transfer.failed.importAction(chosen.name)),
        done: (report, retried) => {
          if (retried) setRefocus(importButton.current);
          setOutcome({ kind: 'imported', report });
        },
      }),
    );
  };

  return (
    <div class="transfer">
      <div class="transfer-buttons">
        <button
          type="button"
          class="button button-small"
          ref={importButton}
          disabled={busy}
          aria-label={m.transfer.importLabel}
          onClick={() => file.current?.click()}
        >
          <Icon name="upload" />
          {m.transfer.import}
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          class="visually-hidden"
          tabIndex={-1}
          aria-label={m.transfer.importLabel}
          onChange={(event) => {
            const chosen = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (chosen !== undefined) void importFile(chosen);
          }}
        />
        <button
          type="button"
          class="button button-small"
          ref={exportButton}
          disabled={busy}
          aria-label={m.transfer.exportLabel}
          onClick={() => void exportAll()}
        >
          <Icon name="download" />
          {m.transfer.export}
        </button>
      </div>
      <div role="status" class="transfer-outcome">
        {outcome?.kind === 'saved' && <p class="note-ok">{m.transfer.saved(outcome.path)}</p>}
        {outcome?.kind === 'not-saved' && <p>{m.transfer.notSaved}</p>}
        {outcome?.kind === 'imported' && (
          <div class="import-report">
            <p class="note-ok">{m.transfer.report(outcome.report.added)}</p>
            {outcome.report.skipped.length > 0 && (
              <>
                {/* The report lists the first skips only; the count covers them all. */}
                <p>
                  {m.transfer.skipped(outcome.report.skippedCount ?? outcome.report.skipped.length)}
                </p>
                <ul class="bullet-list">
                  {outcome.report.skipped.map((skip) => (
                    <li key={skip.index}>
                      <strong>{m.transfer.entry(skip.index)}</strong>
                      {m.transfer.entrySeparator}
                      <span lang={langOf(skip.reason, locale)}>{skip.reason}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
      </div>
      <ChangeFailureNotice failure={changes.failure} />
    </div>
  );
}
