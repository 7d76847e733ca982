/**
 * Which tray image to show (build/icons/tray, shipped as resources/tray: docs/packaging.md).
 * macOS gets template images, which the menu bar tints for light and dark itself; Windows and
 * Linux get a light-taskbar or a dark-taskbar variant. Each has a "calling" state shown while
 * a call rings. nativeImage picks the @2x file next to each PNG for high-DPI screens.
 */
export interface TrayIconState {
  readonly platform: NodeJS.Platform;
  /** The taskbar is dark (Windows: nativeTheme.shouldUseDarkColorsForSystemIntegratedUI). */
  readonly darkTaskbar: boolean;
  readonly calling: boolean;
}

export function trayIconFile(state: TrayIconState): string {
  if (state.platform === 'darwin') {
    return state.calling ? 'trayCallingTemplate.png' : 'trayTemplate.png';
  }
  const theme = state.darkTaskbar ? 'dark' : 'light';
  // Windows: an .ico with 16/20/24/32/40/48 px, so every display scaling gets an exact size
  // ("On Windows, you can also load ICO icons from file paths": docs/api/native-image.md).
  const extension = state.platform === 'win32' ? 'ico' : 'png';
  return `tray-${theme}${state.calling ? '-calling' : ''}.${extension}`;
}
