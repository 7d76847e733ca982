import { useCallback, useEffect, useMemo } from 'preact/hooks';
import { bridge } from '../bridge';
import {
  applyDocumentLocale,
  provisionalLocale,
  resolveLocale,
  type LocaleInfo,
} from '../i18n/locale';
import type { Loadable } from './loadable';
import { useLiveValue } from './use-live-value';
import type {
  AppState,
  IpcError,
  IpcResult,
  SettingsView,
} from '../../../main/shared/ipc/contract';

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

/** How the frame fetches its values; by default their own verbs (the popover: its snapshot first). */
export interface FrameLoads {
  readonly appState?: () => Promise<IpcResult<AppState>>;
  readonly settings?: () => Promise<IpcResult<SettingsView>>;
}

/**
 * What every page needs before it can say anything: the app state (configured? keychain?
 * system language) and the settings (chosen language, locked keys). Kept live by events.
 */
export function useAppFrame(loads: FrameLoads = {}): AppFrame {
  const appState = useLiveValue(
    'appStateChanged',
    loads.appState ?? (() => bridge().getAppState()),
  );
  const settings = useLiveValue(
    'settingsChanged',
    loads.settings ?? (() => bridge().getSettings()),
  );
  const reloadState = appState.reload;
  const reloadSettings = settings.reload;
  const reload = useCallback(async () => {
    await Promise.all([reloadState(), reloadSettings()]);
  }, [reloadState, reloadSettings]);

  const systemLocale = appState.value.status === 'ready' ? appState.value.value.systemLocale : null;
  const language =
    settings.value.status === 'ready' ? settings.value.value.settings.language : 'system';
  const locale = useMemo(
    () => (systemLocale === null ? provisionalLocale() : resolveLocale(language, systemLocale)),
    [systemLocale, language],
  );
  useEffect(() => {
    applyDocumentLocale(locale);
  }, [locale]);

  return {
    appState: appState.value,
    settings: settings.value,
    locale,
    reload,
    applyAppState: appState.set,
    applySettings: settings.set,
  };
}

/** The keychain's refusal as an error notice shows it, or null while the keychain works. */
export function keychainError({ keychain }: AppState): IpcError | null {
  if (keychain.available) return null;
  return { kind: 'keychain', message: keychain.message ?? '', code: null, hint: null };
}
