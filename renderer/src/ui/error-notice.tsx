import { bridge } from '../bridge';
import { commonMessages } from '../i18n/common-messages';
import { errorMessages } from '../i18n/error-messages';
import { langOf, useLocale, useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import { describeError } from '../lib/error-copy';
import type { Ref } from 'preact';
import { Icon } from './icons';
import type { IpcError } from '../../../main/shared/ipc/contract';

interface Props {
  readonly error: IpcError;
  /** Shown as a "Try again" button when given. */
  readonly onRetry?: (() => void) | undefined;
  /**
   * The button's accessible name when "Try again" alone would not say what is tried again
   * (a failed change among several); it must start with the visible words.
   */
  readonly retryLabel?: string | undefined;
  /** A retry is on its way: the button stays focusable but does nothing (no second send). */
  readonly retrying?: boolean | undefined;
  readonly retryRef?: Ref<HTMLButtonElement> | undefined;
  /** What did not happen ("Could not move … up."), above the error's own words. */
  readonly context?: string | undefined;
  /** Whether an "Open settings" button makes sense on this page. */
  readonly offerSettings?: boolean;
  /** Compact notices sit inside rows and panels; full ones are a page's main message. */
  readonly compact?: boolean;
  /** Announce it (role=alert) when it appears after an action, not on page load. */
  readonly announce?: boolean;
}

/**
 * One error, said the same way everywhere: the specific sentence, what to do next, then
 * "Details" (the code, main's own sentence with the server's words) and the actions.
 */
export function ErrorNotice({
  error,
  onRetry,
  retryLabel,
  retrying = false,
  retryRef,
  context,
  offerSettings = true,
  compact = false,
  announce = false,
}: Props) {
  const m = useMessages(commonMessages);
  const { locale } = useLocale();
  const d = useMessages(errorMessages);
  const copy = describeError(error, m);
  const help = copy.help;
  return (
    <div
      class={compact ? 'notice notice-error notice-compact' : 'notice notice-error'}
      role={announce ? 'alert' : undefined}
    >
      <Icon
        name={error.kind === 'network' ? 'wifi-off' : error.kind === 'keychain' ? 'key' : 'alert'}
        class="notice-icon"
      />
      <div class="notice-body">
        {context !== undefined && <p class="notice-context">{context}</p>}
        {/* The specific sentence first, then what to do: both in the page's language. */}
        <p class="notice-title">{copy.title}</p>
        <p class="notice-hint">{copy.hint}</p>
        {(copy.code !== null || copy.detail !== null) && (
          // The code and main's own sentence (the server's words, often English) for whoever
          // needs them (an administrator, a bug report); the code shows while it is closed.
          <details class="notice-details">
            <summary>
              {d.details}
              {copy.code !== null && <span class="notice-code">{m.errorCode(copy.code)}</span>}
            </summary>
            {/* Main's sentence, then its next step (only ever with a sentence). Main's sentences
                are English, but for the input parsers' (in the page's language): say which, so a
                screen reader reads them right. */}
            {[copy.detail, copy.detailHint].map(
              (text, index) =>
                text !== null && (
                  <p key={index} class="notice-detail" lang={langOf(text, locale)}>
                    {text}
                  </p>
                ),
            )}
          </details>
        )}
        {(onRetry !== undefined || (offerSettings && copy.settings) || help !== null) && (
          <div class="notice-actions">
            {onRetry !== undefined && (
              <button
                type="button"
                class="button button-small"
                ref={retryRef ?? null}
                aria-label={retryLabel}
                aria-disabled={retrying ? 'true' : undefined}
                onClick={() => {
                  if (!retrying) onRetry();
                }}
              >
                {m.retry}
              </button>
            )}
            {offerSettings && copy.settings && (
              <button
                type="button"
                class="button button-small"
                onClick={() => void invoke(() => bridge().openWindow({ window: 'settings' }))}
              >
                {m.openSettings}
              </button>
            )}
            {help !== null && (
              <button
                type="button"
                class="button button-small button-link"
                onClick={() => void invoke(() => bridge().openHelp({ topic: help }))}
              >
                {m.learnMore}
              </button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
