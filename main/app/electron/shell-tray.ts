import { app, nativeTheme, type Rectangle } from 'electron';
import type { CallView } from '../../shared/ipc/contract';
import { toIpcError } from '../handlers/to-ipc-error';
import type { AppServices } from '../services/create-app-services';
import { logProblem } from './log';
import { callNotification } from './notification-text';
import { showNotification } from './notifications';
import { shellStrings } from './shell-strings';
import { launchAtLoginAvailable } from './system-integration';
import type { ShellState } from './shell-state';
import { AppTray, type TrayLook } from './tray';
import { trayMenuTemplate, trayTooltip, type TrayActions, type TrayState } from './tray-menu';
import { favoriteDisplayName } from '../../shared/rules/favorites';

export interface ShellTrayOptions {
  readonly services: AppServices;
  readonly state: ShellState;
  readonly iconsDir: string;
  readonly platform: NodeJS.Platform;
  readonly systemLocale: string;
  readonly onClick: (bounds: Rectangle) => void;
  readonly openPopover: () => void;
  readonly openWindow: (name: 'picker' | 'settings') => void;
}

export interface ShellTray {
  bounds(): Rectangle;
  isAlive(): boolean;
  /** A call settled: its notification, and the icon leaves the calling state. */
  callSettled(view: CallView): void;
}

/** The tray icon wired to the services: menu actions, tooltip, icon state, notifications. */
export function setupTray(options: ShellTrayOptions): ShellTray {
  const { services, state, platform } = options;
  const strings = () => shellStrings(state.snapshot.settings.language, options.systemLocale);
  const trayState = (): TrayState => {
    const snapshot = state.snapshot;
    return {
      configured: snapshot.configured,
      favorites: snapshot.favorites,
      meeting: snapshot.meeting,
      calls: snapshot.calls,
      launchAtLogin: snapshot.settings.launchAtLogin,
      launchAtLoginLocked: snapshot.locked.includes('launchAtLogin'),
      launchAtLoginAvailable: launchAtLoginAvailable(platform),
    };
  };
  const look = (): TrayLook => ({
    tooltip: trayTooltip(trayState(), strings()),
    calling: services.calls.busy(),
    // Windows' taskbar follows the system theme, not the apps' theme.
    darkTaskbar:
      platform === 'win32'
        ? nativeTheme.shouldUseDarkColorsForSystemIntegratedUI
        : nativeTheme.shouldUseDarkColors,
  });
  const actions: TrayActions = {
    openPopover: options.openPopover,
    invite: (favoriteId) => {
      services.calls.start({ favoriteId }).catch((error: unknown) => {
        const favorite = state.snapshot.favorites.find((item) => item.id === favoriteId);
        const name = favorite === undefined ? favoriteId : favoriteDisplayName(favorite);
        showNotification(strings().failed(name), toIpcError(error).message);
      });
    },
    openPicker: () => {
      options.openWindow('picker');
    },
    openSettings: () => {
      options.openWindow('settings');
    },
    setLaunchAtLogin: (enabled) => {
      services.settings.update({ launchAtLogin: enabled }).catch((error: unknown) => {
        logProblem('launch at login', toIpcError(error).message);
      });
    },
    quit: () => {
      app.quit();
    },
  };
  const tray = new AppTray(
    {
      iconsDir: options.iconsDir,
      platform,
      onClick: options.onClick,
      menu: () => trayMenuTemplate(trayState(), actions, strings()),
    },
    look(),
  );
  state.onChange(() => {
    tray.update(look());
  });
  nativeTheme.on('updated', () => {
    tray.update(look());
  });
  return {
    bounds: () => tray.bounds(),
    isAlive: () => tray.isAlive(),
    callSettled: (view) => {
      tray.update(look());
      const text = callNotification(view, strings());
      if (text !== null) showNotification(text.title, text.body);
    },
  };
}
