/**
 * Whether the popover can open as a popover (frameless, placed by the tray icon, hidden on
 * blur) or must open as a normal window, and why.
 *
 * - Wayland: a client may not place its windows ("programmatically changing the global
 *   window coordinates is prohibited": docs/api/base-window.md, getPosition/setBounds), and
 *   Electron 38+ runs as a native Wayland client whenever XDG_SESSION_TYPE=wayland (the
 *   --ozone-platform default became `auto`: docs/breaking-changes.md, 38.0). Forced back to
 *   X11 with `--ozone-platform=x11` (XWayland), placing works. ELECTRON_OZONE_PLATFORM_HINT
 *   was removed in the same release, so it is not looked at.
 * - No tray: a Linux desktop without a StatusNotifierItem host (GNOME without the
 *   AppIndicator extension) shows no icon at all, so nothing could be clicked to open it.
 */
export type PopoverMode =
  | { readonly mode: 'anchored' }
  | { readonly mode: 'window'; readonly reason: 'wayland' | 'no-tray' };

export function isNativeWayland(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
): boolean {
  if (platform !== 'linux') return false;
  const flag = argv.find((arg) => arg.startsWith('--ozone-platform='))?.split('=')[1];
  if (flag === 'x11' || flag === 'wayland') return flag === 'wayland';
  return env['XDG_SESSION_TYPE'] === 'wayland';
}

export function popoverMode(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  argv: readonly string[],
  hasTray: boolean,
): PopoverMode {
  if (isNativeWayland(platform, env, argv)) return { mode: 'window', reason: 'wayland' };
  if (!hasTray) return { mode: 'window', reason: 'no-tray' };
  return { mode: 'anchored' };
}
