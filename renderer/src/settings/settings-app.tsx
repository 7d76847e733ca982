import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { commonMessages } from '../i18n/common-messages';
import { LocaleContext, useMessages } from '../i18n/locale';
import { keychainError, useAppFrame, type AppFrame } from '../lib/use-app-frame';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/spinner';
import { AccountSection } from './account-section';
import { AdvancedSection } from './advanced-section';
import { DiagnosticsSection } from './diagnostics-section';
import { GeneralSection } from './general-section';
import { LanguageSection } from './language-section';
import { LogoutSection } from './logout-section';
import { settingsMessages } from './messages';
import { Onboarding } from './onboarding';
import { RelayOnboarding } from './relay-onboarding';
import { RelaySection } from './relay-section';
import { useUpdateSettings } from './use-update-settings';
import { WarningsNotice } from './warnings-notice';
import type { AppState, SettingsView } from '../../../main/shared/ipc/contract';

/** The settings window; on first run (nothing configured) it walks through onboarding. */
export function SettingsApp() {
  const frame = useAppFrame();
  return (
    <LocaleContext.Provider value={frame.locale}>
      <SettingsGate frame={frame} />
    </LocaleContext.Provider>
  );
}

function SettingsGate({ frame }: { frame: AppFrame }) {
  const m = useMessages(settingsMessages);
  const c = useMessages(commonMessages);
  const { appState, settings } = frame;
  // Decided once, from the first app state: onboarding runs to its end even though the
  // app counts as configured as soon as step 1 saves the credentials.
  const [onboarding, setOnboarding] = useState<boolean | null>(null);
  useEffect(() => {
    if (onboarding === null && appState.status === 'ready')
      setOnboarding(!appState.value.configured);
  }, [appState, onboarding]);

  useEffect(() => {
    document.title = m.windowTitle;
  }, [m]);

  // "Try again" on a page that failed to load: its notice, and the button, give way to the
  // page. Focus goes to the page's heading (onboarding's first field takes it itself).
  const retried = useRef(false);
  const ready = appState.status === 'ready' && settings.status === 'ready' && onboarding !== null;
  useEffect(() => {
    if (!retried.current || !ready) return;
    retried.current = false;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (lost) document.querySelector<HTMLElement>('.settings-head .page-title')?.focus();
  });

  const failure =
    appState.status === 'error'
      ? appState.error
      : settings.status === 'error'
        ? settings.error
        : null;
  if (failure !== null) {
    return (
      <main class="settings-page">
        <h1 class="page-title">{m.title}</h1>
        <ErrorNotice
          error={failure}
          onRetry={() => {
            retried.current = true;
            void frame.reload();
          }}
          offerSettings={false}
        />
      </main>
    );
  }
  if (appState.status !== 'ready' || settings.status !== 'ready' || onboarding === null) {
    return (
      <main class="settings-page page-loading">
        <h1 class="visually-hidden">{m.title}</h1>
        <Spinner label={c.loading} />
      </main>
    );
  }
  const view = settings.value;
  const lockedOperator = view.locked.includes('operatorId') ? view.settings.operatorId : null;
  const keychain = keychainError(appState.value);
  const keychainProblem = keychain !== null && (
    <ErrorNotice error={keychain} onRetry={() => void frame.reload()} offerSettings={false} />
  );

  // A desktop pointed at a relay signs in to it: no Tencent credentials are asked for.
  if (onboarding && appState.value.relay !== null) {
    return (
      <main class="settings-page">
        {keychainProblem}
        <RelayOnboarding
          relay={appState.value.relay}
          onState={frame.applyAppState}
          onFinish={() => {
            setOnboarding(false);
          }}
        />
      </main>
    );
  }
  if (onboarding) {
    return (
      <main class="settings-page">
        {keychainProblem}
        <Onboarding
          appState={appState.value}
          lockedOperator={lockedOperator}
          onFinish={() => {
            setOnboarding(false);
          }}
        />
      </main>
    );
  }
  return (
    <SettingsScreen
      appState={appState.value}
      view={view}
      lockedOperator={lockedOperator}
      keychainProblem={keychainProblem}
      frame={frame}
    />
  );
}

interface ScreenProps {
  readonly appState: AppState;
  readonly view: SettingsView;
  readonly lockedOperator: string | null;
  readonly keychainProblem: ComponentChildren;
  readonly frame: AppFrame;
}

function SettingsScreen({ appState, view, lockedOperator, keychainProblem, frame }: ScreenProps) {
  const m = useMessages(settingsMessages);
  const general = useUpdateSettings(frame.applySettings);
  const advanced = useUpdateSettings(frame.applySettings);
  const language = useUpdateSettings(frame.applySettings);
  const relay = useUpdateSettings(frame.applySettings);
  const locked = useMemo(() => new Set(view.locked), [view.locked]);
  const [loggedOut, setLoggedOut] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  return (
    <main class="settings-page">
      <header class="settings-head">
        <span class="brand-mark" aria-hidden="true">
          <Icon name="phone" />
        </span>
        <h1 class="page-title" ref={heading} tabIndex={-1}>
          {m.title}
        </h1>
      </header>
      {keychainProblem}
      {appState.warnings.length > 0 && (
        <WarningsNotice
          warnings={appState.warnings}
          onDismissed={(state) => {
            frame.applyAppState(state);
            // The notice (and its button) is gone: the heading above it takes the focus.
            heading.current?.focus();
          }}
        />
      )}
      {loggedOut && (
        <p class="note-ok" role="status">
          {m.logout.done}
        </p>
      )}
      <RelaySection
        appState={appState}
        settings={view.settings}
        update={relay.update}
        error={relay.error}
        onState={frame.applyAppState}
      />
      {appState.relay === null && (
        <AccountSection
          appState={appState}
          lockedOperator={lockedOperator}
          onSaved={(state) => {
            setLoggedOut(false);
            frame.applyAppState(state);
          }}
        />
      )}
      <LanguageSection
        settings={view.settings}
        locked={locked}
        systemLocale={appState.systemLocale}
        update={language.update}
      />
      {language.error !== null && <ErrorNotice error={language.error} compact announce />}
      <GeneralSection
        settings={view.settings}
        locked={locked}
        mac={appState.platform === 'darwin'}
        loginItemSupported={loginItemSupported(appState.platform)}
        change={general}
      />
      <AdvancedSection settings={view.settings} locked={locked} change={advanced} />
      <DiagnosticsSection />
      {appState.relay === null && appState.credentials?.source === 'keychain' && (
        <LogoutSection
          onLoggedOut={(state) => {
            setLoggedOut(true);
            frame.applyAppState(state);
          }}
        />
      )}
      <footer class="settings-foot">{m.version(appState.version)}</footer>
    </main>
  );
}

/**
 * Launch at login exists only where Electron can set a login item: macOS and Windows
 * (app.setLoginItemSettings, docs/api/app.md). Linux has no such API and the web preview no
 * login at all, so the setting is not offered there.
 */
function loginItemSupported(platform: AppState['platform']): boolean {
  return platform === 'darwin' || platform === 'win32';
}
