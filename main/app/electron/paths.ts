import path from 'node:path';

/** Where the app finds its built files and tray images, in development and when packaged. */
export interface AppPaths {
  /** out/renderer: served as app://roomcall/. */
  readonly renderer: string;
  /** out/preload/preload.cjs. */
  readonly preload: string;
  /** The tray PNGs: build/icons/tray in development, resources/tray when packaged. */
  readonly trayIcons: string;
}

/**
 * `appPath` is app.getAppPath(): the project folder in development, the app.asar root when
 * packaged (electron-builder.yml ships out/ inside the asar and the tray images beside it,
 * see docs/packaging.md).
 */
export function appPaths(appPath: string, isPackaged: boolean, resourcesPath: string): AppPaths {
  return {
    renderer: path.join(appPath, 'out', 'renderer'),
    preload: path.join(appPath, 'out', 'preload', 'preload.cjs'),
    trayIcons: isPackaged
      ? path.join(resourcesPath, 'tray')
      : path.join(appPath, 'build', 'icons', 'tray'),
  };
}
