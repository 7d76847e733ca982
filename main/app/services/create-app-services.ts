import type { Clock } from '../../core/invite/clock';
import type { ManagedLoad } from '../../core/managed/load-managed';
import type { CredentialStore } from '../../core/secrets/credential-store';
import type { RelayTokenRefresher } from '../../core/relay/relay-bearer';
import { createKeytarRelayTokenStore } from '../../core/secrets/relay-token-keychain';
import type { RelayTokenStore } from '../../core/secrets/relay-token-store';
import type { Environment } from '../../core/secrets/env-credentials';
import type { HistoryStore } from '../../core/store/history';
import { type Settings } from '../../shared/model/settings-schema';
import type { FetchLike } from '../../core/wemeet/transport';
import type { AppState, CallView, EventName, EventPayloadOf } from '../../shared/ipc/contract';
import { buildAppState, type AppIdentity } from './app-state';
import { CallManager, type InviteTuning } from './call-manager';
import { systemAppClock, type AppClock } from './clock';
import { CredentialsService } from './credentials-service';
import { DirectoryService } from './directory-service';
import { FavoritesService } from './favorites-service';
import { MeetingTracker } from './meeting-tracker';
import { RelaySignInService, type RelayBrowserSignIn } from './relay-sign-in';
import { Session, type ApiTuning } from './session';
import { SettingsService } from './settings-service';
import { openAppStores } from './stores';
import { createWarningLog } from './warnings';
import { uiLanguage, type UiLanguage } from '../../shared/rules/language';

/** Sends one contract event to every window (Electron) or page (the web preview). */
export type EmitEvent = <E extends EventName>(name: E, payload: EventPayloadOf<E>) => void;

export interface AppServicesOptions {
  readonly dataDir: string;
  /** WEMEET_* variables take precedence over the keychain and the settings, as in the CLI. */
  readonly env: Environment;
  readonly credentialStore: CredentialStore;
  /**
   * The relay sign-ins, used only when a relayUrl is set (issue 17); default: the OS
   * keychain, beside the credentials.
   */
  readonly relayTokenStore?: RelayTokenStore | undefined;
  /**
   * Renews an OIDC relay sign-in near its expiry; without one, the person signs in again. The
   * Electron shell passes createOidcRefresher(net.fetch) (core/relay/relay-sign-in.ts); it is
   * not imported here, so the component tests' DOM typing never meets openid-client's.
   */
  readonly relayRefresh?: RelayTokenRefresher | undefined;
  /**
   * The windows' browser sign-in to the relay (relay-sign-in.ts): the Electron shell runs the
   * core's signInToRelayWithBrowser with shell.openExternal; without one, tokens only.
   */
  readonly relayBrowserSignIn?: RelayBrowserSignIn | undefined;
  readonly managed: ManagedLoad;
  readonly identity: AppIdentity;
  readonly emit: EmitEvent;
  readonly fetch?: FetchLike | undefined;
  readonly clock?: AppClock | undefined;
  readonly inviteClock?: Clock | undefined;
  readonly api?: ApiTuning | undefined;
  readonly invite?: InviteTuning | undefined;
  /** Once per call when it settles (notifications, the tray icon, updates). */
  readonly onCallSettled?: ((view: CallView) => void) | undefined;
  /** After saved settings changes (the shell re-registers the shortcut, the login item…). */
  readonly onSettingsChanged?:
    ((settings: Settings, changed: readonly (keyof Settings)[]) => void) | undefined;
}

export interface AppServices {
  readonly session: Session;
  readonly settings: SettingsService;
  readonly credentials: CredentialsService;
  readonly meeting: MeetingTracker;
  readonly calls: CallManager;
  readonly directory: DirectoryService;
  readonly favorites: FavoritesService;
  readonly history: HistoryStore;
  /** The relay sign-in (issue 17): browser, token, sign out, and the app state's relay part. */
  readonly relay: RelaySignInService;
  appState(): Promise<AppState>;
  /**
   * The person read the warnings in the settings window and dismissed them: favourites set
   * aside as invalid are marked seen (so no process warns about them again, as after the
   * CLI's `favorites list`), the warnings shown leave the log, and the windows get the new
   * state.
   */
  dismissWarnings(): Promise<AppState>;
  /** Stops timers, cancels calls in flight, waits for background work. */
  close(): Promise<void>;
}

/**
 * The app without Electron: every service, wired together. The Electron shell, the web
 * preview and the tests all build the app through this one function, so they run the same
 * code with different fetches, credential stores, clocks and event sinks.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const clock = options.clock ?? systemAppClock;
  const { emit } = options;
  const managed = options.managed.status === 'ok' ? options.managed.config : null;
  let pushAppState = (): void => undefined;
  const warnings = createWarningLog(options.managed, () => {
    pushAppState();
  });
  const stores = openAppStores(options.dataDir, clock, (warning) => {
    warnings.addStoreWarning(warning);
  });
  const session = new Session({
    stores,
    env: options.env,
    credentialStore: options.credentialStore,
    relayTokenStore: options.relayTokenStore ?? createKeytarRelayTokenStore(),
    relayRefresh: options.relayRefresh,
    managed,
    fetch: options.fetch,
    appVersion: options.identity.version,
    api: options.api,
  });
  const currentSettings = async (): Promise<Settings> => (await session.settings()).settings;
  /** The windows' language, for the messages main makes for them (the input parsers'). */
  const language = (): Promise<UiLanguage> =>
    currentSettings().then(
      (settings) => uiLanguage(settings.language, options.identity.systemLocale),
      () => uiLanguage('system', options.identity.systemLocale),
    );

  const favorites = new FavoritesService({
    store: stores.favorites,
    managed,
    language,
    onChange: (list) => {
      emit('favoritesChanged', [...list]);
    },
  });
  const meeting = new MeetingTracker({
    session,
    clock,
    refreshMs: async () => (await currentSettings()).meetingRefreshMs,
    language,
    onChange: (view) => {
      emit('meetingChanged', view);
    },
  });
  const calls = new CallManager({
    session,
    favorites,
    meeting,
    history: stores.history,
    clock,
    inviteClock: options.inviteClock,
    pollIntervalMs: async () => (await currentSettings()).pollIntervalMs,
    language,
    invite: options.invite,
    onChange: (view) => {
      emit('callProgress', view);
    },
    onSettled: options.onCallSettled,
  });
  const directory = new DirectoryService({
    session,
    cache: stores.directory,
    favorites,
    clock,
    onStatus: (status) => {
      emit('directoryChanged', status);
    },
  });
  const settings = new SettingsService({
    session,
    onChange: (view, changed) => {
      emit('settingsChanged', view);
      options.onSettingsChanged?.(view.settings, changed);
    },
  });
  const relay = new RelaySignInService({
    session,
    browserSignIn: options.relayBrowserSignIn,
    fetch: options.fetch,
    appVersion: options.identity.version,
    onChange: () => {
      pushAppState();
    },
  });
  const appState = async () =>
    buildAppState(options.identity, session, warnings, await relay.state());

  pushAppState = () => {
    appState().then(
      (state) => {
        emit('appStateChanged', state);
      },
      () => undefined,
    );
  };
  let accountKey: Promise<string> = session.accountKey();
  session.onChange(() => {
    pushAppState();
    const previous = accountKey;
    accountKey = session.accountKey();
    void Promise.all([previous, accountKey]).then(([before, after]) => {
      // Only a change of account forgets the meeting and the rooms; a new language does not.
      if (before === after) return;
      meeting.accountChanged();
      directory.accountChanged();
    });
  });

  return {
    session,
    settings,
    credentials: new CredentialsService(session, language),
    meeting,
    calls,
    directory,
    favorites,
    history: stores.history,
    relay,
    appState,
    async dismissWarnings() {
      const shown = warnings.list();
      await stores.favorites.acknowledgeRejected();
      warnings.remove(shown);
      pushAppState();
      return appState();
    },
    async close() {
      await meeting.close();
      await calls.close();
      await directory.whenIdle();
    },
  };
}
