import { useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import type { IpcError } from '../../../main/shared/ipc/contract';
import { ErrorNotice } from '../ui/error-notice';
import { settingsMessages } from './messages';

type Outcome =
  | { readonly kind: 'copied' }
  /** Neither main nor the page could reach the clipboard: the report, to copy by hand. */
  | { readonly kind: 'manual'; readonly report: string }
  | { readonly kind: 'failed'; readonly error: IpcError };

/**
 * The page's own clipboard, for where main has none to offer (the web preview). In Electron
 * main copies: the pages' clipboard permission is refused with every other (security.ts).
 */
async function copyHere(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** "Copy diagnostics": main builds the report without secrets and copies it. */
export function DiagnosticsSection() {
  const m = useMessages(settingsMessages);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const copy = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await invoke(() => bridge().copyDiagnostics());
    if (!result.ok) setOutcome({ kind: 'failed', error: result.error });
    else if (result.data.copied || (await copyHere(result.data.report)))
      setOutcome({ kind: 'copied' });
    else setOutcome({ kind: 'manual', report: result.data.report });
    setBusy(false);
  };

  return (
    <section class="card" aria-labelledby="diagnostics-heading">
      <h2 class="card-title" id="diagnostics-heading">
        {m.diagnostics.heading}
      </h2>
      <p class="muted">{m.diagnostics.intro}</p>
      <div class="form-actions">
        <button type="button" class="button" disabled={busy} onClick={() => void copy()}>
          {busy ? m.diagnostics.busy : m.diagnostics.button}
        </button>
      </div>
      <p role="status" class="note-ok">
        {outcome?.kind === 'copied' ? m.diagnostics.copied : null}
      </p>
      {outcome?.kind === 'manual' && (
        <>
          <p class="field-problem" id="diagnostics-manual">
            {m.diagnostics.manual}
          </p>
          <textarea
            class="input diagnostics-report"
            readOnly
            rows={8}
            aria-label={m.diagnostics.reportLabel}
            aria-describedby="diagnostics-manual"
            value={outcome.report}
            onFocus={(event) => {
              event.currentTarget.select();
            }}
          />
        </>
      )}
      {outcome?.kind === 'failed' && <ErrorNotice error={outcome.error} compact announce />}
    </section>
  );
}
