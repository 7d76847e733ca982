import { useState } from 'preact/hooks';
import { useMessages } from '../i18n/locale';
import { ErrorNotice } from '../ui/error-notice';
import { LockedNote } from './locked-note';
import { settingsMessages } from './messages';
import { acceleratorFromKey, formatAccelerator } from './shortcut';
import type { SettingsChange } from './use-update-settings';
import type { Settings } from '../../../main/shared/model/settings-schema';

interface Props {
  readonly settings: Settings;
  readonly locked: ReadonlySet<string>;
  readonly mac: boolean;
  /** False on Linux and in the web preview: the launch-at-login row is not shown. */
  readonly loginItemSupported: boolean;
  /** This section's changes, and the error of the last one. */
  readonly change: SettingsChange;
}

/** Launch at login (macOS and Windows only) and the global shortcut. */
export function GeneralSection({
  settings,
  locked,
  mac,
  loginItemSupported,
  change: { update, error },
}: Props) {
  const m = useMessages(settingsMessages);
  const [recording, setRecording] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const loginLocked = locked.has('launchAtLogin');
  const shortcutLocked = locked.has('globalShortcut');
  const shown =
    settings.globalShortcut === null
      ? m.general.shortcutNone
      : formatAccelerator(settings.globalShortcut, mac);

  return (
    <section class="card" aria-labelledby="general-heading">
      <h2 class="card-title" id="general-heading">
        {m.general.heading}
      </h2>
      {loginItemSupported && (
        <div class="setting-row">
          <label class="check">
            <input
              type="checkbox"
              checked={settings.launchAtLogin}
              disabled={loginLocked}
              aria-describedby={loginLocked ? 'login-locked' : undefined}
              onChange={(event) => void update({ launchAtLogin: event.currentTarget.checked })}
            />
            {m.general.launchAtLogin}
          </label>
          {loginLocked && <LockedNote id="login-locked" />}
        </div>
      )}
      <div class="setting-row setting-column">
        <label class="field-label" for="shortcut">
          {m.general.shortcut}
        </label>
        <div class="input-row shortcut-row">
          <input
            id="shortcut"
            class={recording ? 'input shortcut is-recording' : 'input shortcut'}
            type="text"
            readOnly
            disabled={shortcutLocked}
            value={recording ? m.general.shortcutRecording : shown}
            aria-describedby={shortcutLocked ? 'shortcut-locked' : 'shortcut-help shortcut-hint'}
            onFocus={() => {
              setRecording(true);
            }}
            onBlur={() => {
              setRecording(false);
              setHint(null);
            }}
            onKeyDown={(event) => {
              const result = acceleratorFromKey(event, mac);
              if (result.kind === 'ignore') return;
              event.preventDefault();
              if (result.kind === 'needs-modifier') {
                setHint(m.general.shortcutNeedsModifier);
                return;
              }
              setHint(null);
              setRecording(false);
              void update({ globalShortcut: result.kind === 'clear' ? null : result.accelerator });
            }}
          />
          {settings.globalShortcut !== null && !shortcutLocked && (
            <button
              type="button"
              class="button"
              onClick={() => void update({ globalShortcut: null })}
            >
              {m.general.clear}
            </button>
          )}
        </div>
        {shortcutLocked ? (
          <LockedNote id="shortcut-locked" />
        ) : (
          <>
            <p class="field-help" id="shortcut-help">
              {m.general.shortcutHelp}
            </p>
            <p class="field-problem" id="shortcut-hint" role="status">
              {hint}
            </p>
          </>
        )}
      </div>
      {error !== null && <ErrorNotice error={error} compact announce />}
    </section>
  );
}
