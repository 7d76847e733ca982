import { useState } from 'preact/hooks';
import { baseUrlProblem, DEFAULT_BASE_URL } from '../../../main/shared/rules/base-url';
import { useMessages } from '../i18n/locale';
import { ErrorNotice } from '../ui/error-notice';
import { LockedNote } from './locked-note';
import { settingsMessages } from './messages';
import type { SettingsChange } from './use-update-settings';
import type { Settings } from '../../../main/shared/model/settings-schema';

interface Props {
  readonly settings: Settings;
  readonly locked: ReadonlySet<string>;
  /** This section's changes, and the error of the last one. */
  readonly change: SettingsChange;
}

/** The API base URL, tucked away: only private deployments change it. */
export function AdvancedSection({ settings, locked, change: { update, error } }: Props) {
  const m = useMessages(settingsMessages);
  const [text, setText] = useState(settings.baseUrl);
  const [saved, setSaved] = useState(false);
  const isLocked = locked.has('baseUrl');
  // The same rule main applies: https, or plain http to this computer only.
  const problem = baseUrlProblem(text.trim());
  const valid = problem === null;
  const changed = text.trim() !== settings.baseUrl;

  const save = async (value: string) => {
    setSaved(false);
    if (await update({ baseUrl: value })) {
      setText(value);
      setSaved(true);
    }
  };

  return (
    <details class="card details" open={settings.baseUrl !== DEFAULT_BASE_URL}>
      <summary class="card-title">{m.advanced.heading}</summary>
      <form
        class="setting-column"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid && changed) void save(text.trim());
        }}
      >
        <label class="field-label" for="base-url">
          {m.advanced.baseUrl}
        </label>
        <div class="input-row">
          <input
            id="base-url"
            class="input mono"
            type="url"
            spellcheck={false}
            autoComplete="off"
            readOnly={isLocked}
            value={text}
            aria-invalid={!valid}
            aria-describedby={isLocked ? 'base-url-locked' : 'base-url-help base-url-problem'}
            onInput={(event) => {
              setText(event.currentTarget.value);
              setSaved(false);
            }}
          />
          {!isLocked && (
            <button type="submit" class="button button-primary" disabled={!valid || !changed}>
              {m.advanced.save}
            </button>
          )}
          {!isLocked && settings.baseUrl !== DEFAULT_BASE_URL && (
            <button type="button" class="button" onClick={() => void save(DEFAULT_BASE_URL)}>
              {m.advanced.reset}
            </button>
          )}
        </div>
        {isLocked ? (
          <LockedNote id="base-url-locked" />
        ) : (
          <>
            <p class="field-help" id="base-url-help">
              {m.advanced.baseUrlHelp}
            </p>
            <p class="field-problem" id="base-url-problem">
              {problem === null
                ? ''
                : problem === 'not-https'
                  ? m.advanced.insecureUrl
                  : m.advanced.invalidUrl}
            </p>
            {saved && (
              <p class="note-ok" role="status">
                {m.advanced.saved}
              </p>
            )}
          </>
        )}
        {error !== null && <ErrorNotice error={error} compact announce />}
      </form>
    </details>
  );
}
