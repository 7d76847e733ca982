import path from 'node:path';
import {
  app,
  clipboard,
  dialog,
  globalShortcut,
  ipcMain,
  nativeTheme,
  powerMonitor,
  protocol,
  screen,
  session,
  shell,
  type Rectangle,
} from 'electron';
import { resolveUpdateFeedUrl } from '../../core/managed/apply-managed';
import { loadManagedConfig } from '../../core/managed/load-managed';
import { createKeytarStore } from '../../core/secrets/keytar-store';
import { createOidcRefresher, signInToRelayWithBrowser } from '../../core/relay/relay-sign-in';
import { resolveDataDir } from '../../core/store/paths';
import type { Settings } from '../../shared/model/settings-schema';
import { createHandlerTable } from '../handlers/handler-table';
import type { WindowPort } from '../handlers/window-port';
import { createEventHub, windowSink } from '../ipc/event-hub';
import { registerInvokeHandlers } from '../ipc/register';
import { createAppServices, type AppServices } from '../services/create-app-services';
import type { UpdateController } from '../updates/update-controller';
import { setupUpdates } from '../updates/electron-updater-port';
import { APP_HOST, APP_SCHEME } from '../web/pages';
import { createApiFetch } from './api-session';
import { serveRenderer } from './app-protocol';
import { describeManaged, DIAGNOSTIC_LOG_LINES } from '../handlers/diagnostics';
import { logInfo, logProblem, recentLogLines, setLogSecrets } from './log';
import { showNotification } from './notifications';
import { appPaths } from './paths';
import { popoverMode, type PopoverMode } from './popover-mode';
import { popoverPosition } from './popover-position';
import { saveWithDialog } from './save-file';
import { watchSessionAndPower } from './power-events';
import { denyAllPermissions, hardenAllWebContents } from './security';
import { ShellState } from './shell-state';
import { shellStrings } from './shell-strings';
import { applyGlobalShortcut, applyLaunchAtLogin } from './system-integration';
import { setupTray, type ShellTray } from './shell-tray';
import { AppWindows } from './windows';
import { appPlatform, quitCleanly, sayOnce } from './boot-support';

export interface Shell {
  readonly services: AppServices;
  readonly windows: AppWindows;
  /** Null where no tray could be made (the popover is then a normal window). */
  readonly tray: ShellTray | null;
  showPopover(): void;
  /** macOS 'activate' (RoomCall opened again from Finder): the room picker. */
  openPicker(): void;
}

/**
 * The app's start, in order (the architecture guide's explicit boot order): harden every
 * webContents and the session, serve app://, load the managed configuration, build the
 * services, register the IPC handlers, then the tray, then the hidden popover; then the OS
 * integrations (shortcut, launch at login) and updates. Runs once the app is ready.
 */
export async function bootShell(): Promise<Shell> {
  const platform = process.platform;
  if (platform === 'darwin') app.dock?.hide();
  const paths = appPaths(app.getAppPath(), app.isPackaged, process.resourcesPath);
  hardenAllWebContents(app, shell);
  denyAllPermissions(session.defaultSession);
  serveRenderer(protocol, paths.renderer);

  const managed = await loadManagedConfig();
  if (managed.status === 'invalid') logProblem('managed configuration', managed.message);

  // Late-bound: the services need these hooks before the windows and the tray exist.
  let onSettings = (_settings: Settings): void => undefined;
  let updates: UpdateController | null = null;
  let tray: ShellTray | null = null;
  const secrets = (): readonly string[] => services.session.knownSecrets();
  setLogSecrets(secrets);
  const hub = createEventHub({
    validate: !app.isPackaged,
    secrets,
    onDropped: (name, reason) => {
      logProblem(`event ${name} not sent`, reason);
    },
  });
  const systemLocale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  // Its own in-memory partition, no cookies, no cache (api-session.ts): Tencent, the relay and
  // the relay's identity provider are all reached through it.
  const apiFetch = createApiFetch(session);
  const services: AppServices = createAppServices({
    dataDir: resolveDataDir({ injected: app.getPath('userData') }),
    env: process.env,
    credentialStore: createKeytarStore(),
    managed,
    identity: { version: app.getVersion(), platform: appPlatform(platform), systemLocale },
    emit: (name, payload) => {
      hub.emit(name, payload);
    },
    fetch: apiFetch,
    // An OIDC relay sign-in is renewed near its expiry with its refresh token (issue 17).
    relayRefresh: createOidcRefresher(apiFetch),
    // The windows' "Sign in with browser": the system browser, then the loopback redirect.
    relayBrowserSignIn: ({ relayUrl, signal }) =>
      signInToRelayWithBrowser({
        relayUrl,
        signal,
        fetch: apiFetch,
        openBrowser: (url) => shell.openExternal(url),
      }),
    onCallSettled: (view) => {
      tray?.callSettled(view);
      updates?.callStateChanged();
    },
    onSettingsChanged: (settings) => {
      onSettings(settings);
    },
  });

  let clickBounds: Rectangle | null = null;
  // Before any window: each one's 'session-end' is watched from its creation.
  watchSessionAndPower({ app, powerMonitor, services, log: logProblem });
  let mode: PopoverMode = popoverMode(platform, process.env, process.argv, true);
  const windows = new AppWindows({
    preload: paths.preload,
    devTools: !app.isPackaged,
    platform,
    // The click's own bounds first: getBounds() is wrong on some macOS multi-screen set-ups
    // (electron/electron#13461) and right after start (electron/electron#35984).
    popoverPosition: (windowSize) =>
      popoverPosition({
        trayBounds: clickBounds ?? tray?.bounds() ?? null,
        cursor: screen.getCursorScreenPoint(),
        displays: screen.getAllDisplays(),
        windowSize,
        platform,
      }),
    onVisibilityChange: (visible) => {
      services.meeting.setVisible(visible);
    },
    onPopoverShown: () => {
      services.meeting.windowOpened();
      hub.emit('popoverShown', null);
    },
    get popoverMode() {
      return mode;
    },
    dark: () => nativeTheme.shouldUseDarkColors,
  });
  nativeTheme.on('updated', () => {
    windows.themeChanged();
  });
  hub.subscribe(windowSink(() => windows.all().map((window) => window.webContents)));

  const windowPort: WindowPort = {
    openWindow: (name) => {
      windows.hidePopover();
      windows.open(name);
    },
    hidePopover: () => {
      windows.hidePopover();
    },
    openExternal: (url) => shell.openExternal(url),
    saveFile: (defaultName, contents) =>
      saveWithDialog({
        dialog,
        parent: windows.opened('picker'),
        folder: app.getPath('documents'),
        defaultName,
        contents,
      }),
    // Main's clipboard: the pages cannot use navigator.clipboard, since every permission
    // check (clipboard-sanitized-write among them) is refused (security.ts).
    // Electron 45's clipboard is asynchronous: writeText resolves once the text is on it
    // (docs/api/clipboard.md).
    copyText: async (text) => {
      await clipboard.writeText(text);
      return true;
    },
    diagnostics: () => ({
      managed: describeManaged(managed),
      logLines: recentLogLines(DIAGNOSTIC_LOG_LINES),
    }),
  };
  registerInvokeHandlers(ipcMain, createHandlerTable(services, windowPort), {
    policy: {
      isAppWindow: (id) => windows.isAppWindow(id),
      windowOf: (id) => windows.windowOf(id),
      scheme: APP_SCHEME,
      host: APP_HOST,
    },
    secrets,
    onError: (verb, error) => {
      logProblem(`call ${verb} failed`, error);
    },
    onRefused: (channel, reason) => {
      logProblem(`refused ${channel}`, reason);
    },
  });

  const state = await ShellState.load(services);
  hub.subscribe(state.sink);
  const openPopover = (bounds: Rectangle | null) => {
    clickBounds = bounds;
    windows.showPopover();
  };
  let shellTray: ShellTray | null = null;
  try {
    shellTray = setupTray({
      services,
      state,
      iconsDir: paths.trayIcons,
      platform,
      systemLocale,
      onClick: (bounds) => {
        clickBounds = bounds;
        windows.togglePopover();
      },
      openPopover: () => {
        openPopover(null);
      },
      openWindow: (name) => {
        windows.open(name);
      },
    });
  } catch (error) {
    logProblem('tray', error);
    mode = popoverMode(platform, process.env, process.argv, false);
  }
  tray = shellTray;
  windows.createPopover();
  if (mode.mode === 'window') {
    // Logged at every start; the person is told why once (a notification, remembered by a
    // marker file in userData), since they see a normal window where a popover would be.
    logInfo(`popover opens as a window (${mode.reason})`);
    sayOnce(path.join(app.getPath('userData'), 'popover-window-notice'), () => {
      const words = shellStrings(state.snapshot.settings.language, systemLocale);
      showNotification('RoomCall', words.popoverAsWindow);
    });
    if (shellTray === null) openPopover(null);
  }

  let shortcut: string | null = null;
  let launchAtLogin: boolean | null = null;
  onSettings = (settings) => {
    shortcut = applyGlobalShortcut(
      globalShortcut,
      shortcut,
      settings.globalShortcut,
      () => {
        openPopover(null);
      },
      (message) => {
        logProblem('global shortcut', message);
      },
    );
    launchAtLogin = applyLaunchAtLogin(app, platform, launchAtLogin, settings.launchAtLogin);
  };
  onSettings(state.snapshot.settings);

  updates = setupUpdates({
    feedUrl: resolveUpdateFeedUrl(services.session.managed, null),
    canRestartNow: () => !services.calls.busy(),
    onReady: ({ version }) => {
      const words = shellStrings(state.snapshot.settings.language, systemLocale);
      showNotification(words.updateReady(version), words.updateReadyBody);
    },
  });
  quitCleanly(services);
  return {
    services,
    windows,
    tray: shellTray,
    showPopover: () => {
      openPopover(null);
    },
    openPicker: () => {
      windows.open('picker');
    },
  };
}
