import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useLocale, useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import { formatNumber } from '../lib/format';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/spinner';
import { settingsMessages } from './messages';
import type { ConnectionReport, IpcError } from '../../../main/shared/ipc/contract';

type Outcome =
  | { readonly ok: true; readonly report: ConnectionReport }
  | { readonly ok: false; readonly error: IpcError };

/** "Test connection": one signed call, and what its answer means in words. */
interface Props {
  readonly onResult?: (ok: boolean) => void;
  readonly primary?: boolean;
  /** More buttons for the same row (e.g. "Replace credentials"). */
  readonly children?: ComponentChildren;
}

export function ConnectionTest({ onResult, primary = false, children }: Props) {
  const m = useMessages(settingsMessages);
  const { intl } = useLocale();
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const run = async () => {
    setRunning(true);
    setOutcome(null);
    const result = await invoke(() => bridge().testConnection());
    setRunning(false);
    setOutcome(result.ok ? { ok: true, report: result.data } : { ok: false, error: result.error });
    onResult?.(result.ok);
  };

  return (
    <div class="connection-test">
      <div class="form-actions">
        <button
          type="button"
          class={primary ? 'button button-primary' : 'button'}
          disabled={running}
          onClick={() => void run()}
        >
          {running ? <Spinner /> : <Icon name="refresh" />}
          {running ? m.test.running : m.test.button}
        </button>
        {children}
      </div>
      {outcome?.ok === true && (
        <div class="notice notice-ok" role="status">
          <Icon name="check" class="notice-icon" />
          <div class="notice-body">
            <p class="notice-title">{m.test.ok}</p>
            <p class="notice-hint">
              {m.test.okDetail(
                formatNumber(outcome.report.roomCount, intl),
                formatNumber(outcome.report.inProgressMeetings, intl),
              )}
            </p>
          </div>
        </div>
      )}
      {outcome?.ok === false && (
        <ErrorNotice error={outcome.error} announce offerSettings={false} />
      )}
    </div>
  );
}
