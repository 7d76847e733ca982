import type { App, GlobalShortcut } from 'electron';

/**
 * The settings the operating system carries out: the global shortcut and launch at login.
 */

/**
 * Replaces the registered shortcut with `accelerator` (null: none). Returns what is registered
 * afterwards; a taken or invalid accelerator is reported and leaves none registered.
 */
export function applyGlobalShortcut(
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>,
  previous: string | null,
  accelerator: string | null,
  onPress: () => void,
  onProblem: (message: string) => void,
): string | null {
  if (previous === accelerator) return previous;
  if (previous !== null) globalShortcut.unregister(previous);
  if (accelerator === null) return null;
  try {
    if (globalShortcut.register(accelerator, onPress)) return accelerator;
    onProblem(`The shortcut ${accelerator} is already used by another application.`);
  } catch {
    onProblem(`${accelerator} is not a valid shortcut.`);
  }
  return null;
}

/** The name of RoomCall's login item (Windows: the Run key's value, what Task Manager lists). */
export const LOGIN_ITEM_NAME = 'RoomCall';

/**
 * Whether Electron can set a login item here: macOS and Windows only
 * (docs/api/app.md, `app.setLoginItemSettings(settings)` _macOS_ _Windows_). Linux desktops
 * start apps from ~/.config/autostart, which Electron does not manage, so there the setting
 * is hidden from the tray menu (and the windows know the platform from getAppState).
 */
export function launchAtLoginAvailable(platform: NodeJS.Platform): boolean {
  return platform === 'darwin' || platform === 'win32';
}

/**
 * Launch at login through the OS (login items on macOS, the Run key on Windows), applied
 * only when the person changes the setting (`previous` is the value before the change; null
 * at start, when nothing is applied). Applying it at every start would turn it back on after
 * the person disabled RoomCall in Task Manager's Startup apps or in macOS's Login Items
 * (Windows: `enabled` defaults to true and rewrites the StartupApproved key,
 * docs/api/app.md). On Windows the item is named after the app, not the AppUserModelId
 * (`name` defaults to the AppUserModelId, docs/api/app.md). Returns the value now in force.
 */
export function applyLaunchAtLogin(
  app: Pick<App, 'setLoginItemSettings'>,
  platform: NodeJS.Platform,
  previous: boolean | null,
  enabled: boolean,
): boolean {
  if (previous === null || previous === enabled || !launchAtLoginAvailable(platform)) {
    return enabled;
  }
  app.setLoginItemSettings(
    platform === 'win32'
      ? { openAtLogin: enabled, name: LOGIN_ITEM_NAME }
      : { openAtLogin: enabled },
  );
  return enabled;
}
