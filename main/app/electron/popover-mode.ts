/**
 * Whether the popover can open as a popover (frameless, placed by the tray icon, hidden on
 * blur) or must open as a normal window, and why.
 *
 * - Wayland: a client may not place its windows ("programmatically changing the global
 *   window coordinates is prohibited": docs/api/base-window.md, getPosition/setBounds), and
 *   Electron 38+ runs as a native Wayland client whenever XDG_SESSION_TYPE=wayland (the
 *   --ozone-platform default became `auto`: docs/breaking-changes.md). Forced back to X11
 *   (`--ozone-platform=x11` or ELECTRON_OZONE_PLATFORM_HINT=x11, i.e. XWayland), placing works.
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
  const hint = env['ELECTRON_OZONE_PLATFORM_HINT'];
  const forced = flag ?? (hint === 'x11' || hint === 'wayland' ? hint : undefined);
  if (forced !== undefined) return forced === 'wayland';
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
