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

/**
 * Launch at login through the OS (login items on macOS, the Run key on Windows). Electron has
 * no Linux implementation of setLoginItemSettings (macOS and Windows only:
 * https://www.electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows),
 * so there the setting is kept but has no effect; desktop environments start apps from
 * ~/.config/autostart, which the .deb does not manage for the user.
 */
export function applyLaunchAtLogin(
  app: Pick<App, 'setLoginItemSettings'>,
  platform: NodeJS.Platform,
  enabled: boolean,
): void {
  if (platform === 'darwin' || platform === 'win32') {
    app.setLoginItemSettings({ openAtLogin: enabled });
  }
}
