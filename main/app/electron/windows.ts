import { BrowserWindow } from 'electron';
import type { AppWindowKind } from '../ipc/window-scope';
import { pageUrl, type PageName } from '../web/pages';
import { createBlurGuard } from './blur-guard';
import type { Point } from './popover-position';
import { logProblem } from './log';
import type { PopoverMode } from './popover-mode';
import { secureWebPreferences } from './web-preferences';
import { watchWindow } from './window-recovery';
import { PICKER_WINDOW, SETTINGS_WINDOW, type WindowSize } from './window-sizes';

const POPOVER_SIZE = { width: 360, height: 520 } as const;

export interface AppWindowsOptions {
  readonly preload: string;
  readonly devTools: boolean;
  readonly platform: NodeJS.Platform;
  /** Where the popover opens, computed when it is shown (tray bounds, cursor, displays). */
  readonly popoverPosition: (size: typeof POPOVER_SIZE) => Point;
  /** Whether any window is visible now (the meeting refresh runs only then). */
  readonly onVisibilityChange: (anyVisible: boolean) => void;
  readonly onPopoverShown: () => void;
  /** Anchored by the tray, or a normal window (Wayland, no tray: popover-mode.ts). */
  readonly popoverMode: PopoverMode;
  /** Whether the windows are dark now (nativeTheme.shouldUseDarkColors). */
  readonly dark: () => boolean;
}

/**
 * Each window's background before its page paints: the renderer's --bg of each theme
 * (renderer/src/styles/base.css). Electron's default is white (docs/api/browser-window.md,
 * "Setting the backgroundColor property"), which flashes in dark mode.
 */
export const WINDOW_BACKGROUND = { light: '#ffffff', dark: '#1b1d21' } as const;

type OnDemand = Exclude<PageName, 'popover'>;

const ON_DEMAND: Readonly<Record<OnDemand, WindowSize>> = {
  picker: PICKER_WINDOW,
  settings: SETTINGS_WINDOW,
};

/**
 * The app's windows: the popover, created hidden at start so a click shows it without waiting,
 * and the room picker and settings, created on demand and released when closed. Every window
 * loads an app:// page with the same secure webPreferences.
 */
export class AppWindows {
  readonly #options: AppWindowsOptions;
  readonly #blur = createBlurGuard(() => performance.now());
  #popover: BrowserWindow | null = null;
  readonly #onDemand = new Map<OnDemand, BrowserWindow>();
  #anyVisible = false;

  constructor(options: AppWindowsOptions) {
    this.#options = options;
  }

  /** The ids the IPC wrapper accepts senders from. */
  isAppWindow(webContentsId: number): boolean {
    return this.windowOf(webContentsId) !== null;
  }

  /** Which window a webContents belongs to, for the IPC verb scope (ipc/window-scope.ts). */
  windowOf(webContentsId: number): AppWindowKind | null {
    const popover = this.#popover;
    if (popover !== null && !popover.isDestroyed() && popover.webContents.id === webContentsId) {
      return 'popover';
    }
    for (const [name, window] of this.#onDemand) {
      if (!window.isDestroyed() && window.webContents.id === webContentsId) return name;
    }
    return null;
  }

  popover(): BrowserWindow | null {
    return this.#popover;
  }

  /** The picker or settings window while it is open (a dialog's parent), else null. */
  opened(name: 'picker' | 'settings'): BrowserWindow | null {
    const window = this.#onDemand.get(name);
    return window === undefined || window.isDestroyed() ? null : window;
  }

  all(): BrowserWindow[] {
    const windows = [...this.#onDemand.values()];
    if (this.#popover !== null) windows.unshift(this.#popover);
    return windows.filter((window) => !window.isDestroyed());
  }

  createPopover(): BrowserWindow {
    const anchored = this.#options.popoverMode.mode === 'anchored';
    const popover = new BrowserWindow({
      ...POPOVER_SIZE,
      show: false,
      // A normal, movable window where it cannot be placed by the tray (popover-mode.ts).
      frame: !anchored,
      resizable: false,
      movable: !anchored,
      minimizable: !anchored,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: anchored,
      alwaysOnTop: anchored,
      title: 'RoomCall',
      backgroundColor: this.#background(),
      webPreferences: secureWebPreferences(this.#options.preload, this.#options.devTools),
    });
    if (this.#options.platform === 'darwin') {
      // Open on the Space the person is on, over full-screen apps too. visibleOnFullScreen
      // turns the process into a UI-element app (electron/electron#26350): what a menu-bar app
      // with LSUIElement and dock.hide() already is, so no Dock icon comes or goes.
      popover.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    }
    if (anchored) {
      popover.on('blur', () => {
        if (popover.webContents.isDevToolsFocused()) return;
        this.#blur.hiddenByBlur();
        popover.hide();
      });
    }
    this.#track(popover);
    watchWindow(popover, {
      name: 'popover',
      log: logProblem,
      recreate: () => {
        const wasVisible = popover.isVisible();
        popover.destroy();
        this.createPopover();
        if (wasVisible) this.showPopover();
      },
    });
    popover.on('closed', () => {
      if (this.#popover === popover) this.#popover = null;
    });
    void popover.loadURL(pageUrl('popover'));
    this.#popover = popover;
    return popover;
  }

  /** The tray icon's click: show, or hide when it is open (see blur-guard.ts for the race). */
  togglePopover(): void {
    const popover = this.#popover;
    if (this.#blur.swallowsClick()) return;
    if (popover?.isVisible() === true) popover.hide();
    else this.showPopover();
  }

  showPopover(): void {
    const popover = this.#popover ?? this.createPopover();
    if (this.#options.popoverMode.mode === 'anchored') {
      const { x, y } = this.#options.popoverPosition(POPOVER_SIZE);
      popover.setBounds({ x, y, ...POPOVER_SIZE });
    }
    popover.show();
    popover.focus();
    this.#options.onPopoverShown();
  }

  hidePopover(): void {
    this.#popover?.hide();
  }

  /** Opens (or brings forward) the room picker or the settings window. */
  open(name: OnDemand): void {
    const existing = this.#onDemand.get(name);
    if (existing !== undefined && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return;
    }
    const window = new BrowserWindow({
      ...ON_DEMAND[name],
      show: false,
      autoHideMenuBar: true,
      backgroundColor: this.#background(),
      webPreferences: secureWebPreferences(this.#options.preload, this.#options.devTools),
    });
    window.setMenu(null);
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    this.#track(window);
    watchWindow(window, {
      name,
      log: logProblem,
      recreate: () => {
        window.destroy();
        this.open(name);
      },
    });
    window.on('closed', () => {
      if (this.#onDemand.get(name) === window) this.#onDemand.delete(name);
      this.#visibilityChanged();
    });
    this.#onDemand.set(name, window);
    void window.loadURL(pageUrl(name));
  }

  /** The system or app theme changed: every window's background follows. */
  themeChanged(): void {
    for (const window of this.all()) window.setBackgroundColor(this.#background());
  }

  #background(): string {
    return this.#options.dark() ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light;
  }

  #track(window: BrowserWindow): void {
    const changed = () => {
      this.#visibilityChanged();
    };
    window.on('show', changed);
    window.on('hide', changed);
    window.on('minimize', changed);
    window.on('restore', changed);
  }

  #visibilityChanged(): void {
    const anyVisible = this.all().some((window) => window.isVisible() && !window.isMinimized());
    if (anyVisible === this.#anyVisible) return;
    this.#anyVisible = anyVisible;
    this.#options.onVisibilityChange(anyVisible);
  }
}
