import path from 'node:path';
import {
  Menu,
  nativeImage,
  Tray,
  type MenuItemConstructorOptions,
  type NativeImage,
  type Rectangle,
} from 'electron';
import { trayIconFile } from './tray-icons';

export interface AppTrayOptions {
  readonly iconsDir: string;
  readonly platform: NodeJS.Platform;
  /** Left click, with the bounds of the icon clicked (all zeros on Linux). */
  readonly onClick: (bounds: Rectangle) => void;
  /** The right-click menu, built when it opens so it shows the state of that moment. */
  readonly menu: () => MenuItemConstructorOptions[];
}

export interface TrayLook {
  readonly tooltip: string;
  readonly calling: boolean;
  readonly darkTaskbar: boolean;
}

/**
 * The tray icon. Left click toggles the popover; right click opens the native menu.
 *
 * macOS and Windows: the menu is popped up from 'right-click', never attached with
 * setContextMenu, which on macOS would take over the left click too. Linux: with the
 * AppIndicator / StatusNotifierItem host that most desktops use, Electron ignores clicks and
 * shows only an attached menu (https://www.electronjs.org/docs/latest/api/tray, "Platform
 * considerations"), so there the menu is attached and rebuilt on every change, and its first
 * item opens the popover.
 */
export class AppTray {
  readonly #tray: Tray;
  readonly #options: AppTrayOptions;
  #file: string;

  constructor(options: AppTrayOptions, look: TrayLook) {
    this.#options = options;
    this.#file = this.#fileFor(look);
    this.#tray = new Tray(this.#load(this.#file));
    this.#tray.on('click', (_event, bounds) => {
      options.onClick(bounds);
    });
    if (options.platform !== 'linux') {
      this.#tray.on('right-click', () => {
        this.#tray.popUpContextMenu(Menu.buildFromTemplate(options.menu()));
      });
    }
    this.update(look);
  }

  /** Icon, tooltip and (Linux) the attached menu, after any change of state. */
  update(look: TrayLook): void {
    const file = this.#fileFor(look);
    if (file !== this.#file) {
      this.#file = file;
      this.#tray.setImage(this.#load(file));
    }
    this.#tray.setToolTip(look.tooltip);
    if (this.#options.platform === 'linux') {
      this.#tray.setContextMenu(Menu.buildFromTemplate(this.#options.menu()));
    }
  }

  bounds(): Rectangle {
    return this.#tray.getBounds();
  }

  isAlive(): boolean {
    return !this.#tray.isDestroyed();
  }

  #fileFor(look: TrayLook): string {
    return trayIconFile({ ...look, platform: this.#options.platform });
  }

  #load(file: string): NativeImage {
    const image = nativeImage.createFromPath(path.join(this.#options.iconsDir, file));
    if (this.#options.platform === 'darwin') image.setTemplateImage(true);
    return image;
  }
}
