import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import {
  applyDocumentLocale,
  provisionalLocale,
  resolveLocale,
  type LocaleInfo,
} from '../i18n/locale';
import { invoke } from './call';
import { fromResult, LOADING, type Loadable } from './loadable';
import type { AppState, SettingsView } from './types';
import { useBridgeEvent } from './use-bridge-event';

export interface AppFrame {
  readonly appState: Loadable<AppState>;
  readonly settings: Loadable<SettingsView>;
  readonly locale: LocaleInfo;
  /** Fetches both again (on popoverShown, after a retry). */
  readonly reload: () => Promise<void>;
  /** Takes a fresh value from a call's answer (saveCredentials, updateSettings…). */
  readonly applyAppState: (state: AppState) => void;
  readonly applySettings: (view: SettingsView) => void;
}

/**
 * What every page needs before it can say anything: the app state (configured? keychain?
 * system language) and the settings (chosen language, locked keys). Kept live by events.
 */
export function useAppFrame(): AppFrame {
  const [appState, setAppState] = useState<Loadable<AppState>>(LOADING);
  const [settings, setSettings] = useState<Loadable<SettingsView>>(LOADING);

  const reload = useCallback(async () => {
    const [state, view] = await Promise.all([
      invoke(() => bridge().getAppState()),
      invoke(() => bridge().getSettings()),
    ]);
    setAppState(fromResult(state));
    setSettings(fromResult(view));
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);
  useBridgeEvent('appStateChanged', (value) => {
    setAppState({ status: 'ready', value });
  });
  useBridgeEvent('settingsChanged', (value) => {
    setSettings({ status: 'ready', value });
  });

  const systemLocale = appState.status === 'ready' ? appState.value.systemLocale : null;
  const language = settings.status === 'ready' ? settings.value.settings.language : 'system';
  const locale = useMemo(
    () => (systemLocale === null ? provisionalLocale() : resolveLocale(language, systemLocale)),
    [systemLocale, language],
  );
  useEffect(() => {
    applyDocumentLocale(locale);
  }, [locale]);

  const applyAppState = useCallback((value: AppState) => {
    setAppState({ status: 'ready', value });
  }, []);
  const applySettings = useCallback((value: SettingsView) => {
    setSettings({ status: 'ready', value });
  }, []);

  return { appState, settings, locale, reload, applyAppState, applySettings };
}
