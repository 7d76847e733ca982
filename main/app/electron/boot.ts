import {
  app,
  globalShortcut,
  ipcMain,
  protocol,
  screen,
  session,
  shell,
  type Rectangle,
} from 'electron';
import { resolveUpdateFeedUrl } from '../../core/managed/apply-managed';
import { loadManagedConfig } from '../../core/managed/load-managed';
import { createKeytarStore } from '../../core/secrets/keytar-store';
import { resolveDataDir } from '../../core/store/paths';
import type { Settings } from '../../shared/model/settings-schema';
import { createHandlerTable } from '../handlers/handler-table';
import type { WindowPort } from '../handlers/window-port';
import { createEventHub, windowSink } from '../ipc/event-hub';
import { registerInvokeHandlers } from '../ipc/register';
import type { AppPlatform } from '../services/app-state';
import { createAppServices, type AppServices } from '../services/create-app-services';
import type { UpdateController } from '../updates/update-controller';
import { setupUpdates } from '../updates/electron-updater-port';
import { APP_HOST, APP_SCHEME } from '../web/pages';
import { serveRenderer } from './app-protocol';
import { electronFetch } from './electron-fetch';
import { logProblem } from './log';
import { showNotification } from './notifications';
import { appPaths } from './paths';
import { popoverPosition } from './popover-position';
import { denyAllPermissions, hardenAllWebContents } from './security';
import { ShellState } from './shell-state';
import { applyGlobalShortcut, applyLaunchAtLogin } from './system-integration';
import { setupTray, type ShellTray } from './shell-tray';
import { AppWindows } from './windows';

export interface Shell {
  readonly services: AppServices;
  readonly windows: AppWindows;
  readonly tray: ShellTray;
  showPopover(): void;
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
  const hub = createEventHub({
    validate: !app.isPackaged,
    secrets,
    onDropped: (name, reason) => {
      logProblem(`event ${name} not sent`, reason);
    },
  });
  const systemLocale = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  const services: AppServices = createAppServices({
    dataDir: resolveDataDir({ injected: app.getPath('userData') }),
    env: process.env,
    credentialStore: createKeytarStore(),
    managed,
    identity: { version: app.getVersion(), platform: appPlatform(platform), systemLocale },
    emit: (name, payload) => {
      hub.emit(name, payload);
    },
    fetch: electronFetch,
    onCallSettled: (view) => {
      tray?.callSettled(view);
      updates?.callStateChanged();
    },
    onSettingsChanged: (settings) => {
      onSettings(settings);
    },
  });

  let clickBounds: Rectangle | null = null;
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
  };
  registerInvokeHandlers(ipcMain, createHandlerTable(services, windowPort), {
    policy: { isAppWindow: (id) => windows.isAppWindow(id), scheme: APP_SCHEME, host: APP_HOST },
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
  const shellTray = setupTray({
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
  tray = shellTray;
  windows.createPopover();

  let shortcut: string | null = null;
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
    applyLaunchAtLogin(app, platform, settings.launchAtLogin);
  };
  onSettings(state.snapshot.settings);

  updates = setupUpdates({
    feedUrl: resolveUpdateFeedUrl(services.session.managed, null),
    canRestartNow: () => !services.calls.busy(),
    onReady: ({ version }) => {
      const words = shellTray.strings();
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
  };
}

/** A tray app stays when its windows close; on quit, calls in flight are cancelled first. */
function quitCleanly(services: AppServices): void {
  app.on('window-all-closed', () => undefined);
  let closed = false;
  app.on('will-quit', (event) => {
    globalShortcut.unregisterAll();
    if (closed) return;
    event.preventDefault();
    closed = true;
    // A hung network must not keep RoomCall from quitting.
    const deadline = new Promise((resolve) => setTimeout(resolve, 3_000));
    void Promise.race([services.close(), deadline]).finally(() => {
      app.quit();
    });
  });
}

function appPlatform(platform: NodeJS.Platform): AppPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}
