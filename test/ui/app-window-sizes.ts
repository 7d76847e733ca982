/**
 * The size each window's page gets in the app, from main/app/electron/window-sizes.ts (plain
 * data, kept apart from windows.ts, which imports electron), so the UI tests follow the window
 * code when it changes.
 */
import {
  PICKER_WINDOW,
  SETTINGS_WINDOW,
  type WindowSize,
} from '../../main/app/electron/window-sizes';

export interface PageSize {
  readonly width: number;
  readonly height: number;
}

export interface AppPageSizes {
  readonly popover: PageSize;
  readonly picker: PageSize;
  /** The picker made as small as its window allows. */
  readonly pickerMinimum: PageSize;
  readonly settings: PageSize;
}

/**
 * A BrowserWindow's width, height and minimums include its frame unless `useContentSize` is
 * set (Electron docs, BrowserWindow: "The width and height would be used as web page's size,
 * which means the actual window's size will include window frame's size"): without it the
 * page gets the height less the title bar, 28 px on macOS.
 */
export const TITLE_BAR = 28;

/** Frameless where it is anchored to the tray, and not resizable (windows.ts). */
const POPOVER: PageSize = { width: 360, height: 520 };

function frame(window: WindowSize): number {
  return window.useContentSize ? 0 : TITLE_BAR;
}

export function appPageSizes(): AppPageSizes {
  return {
    popover: POPOVER,
    picker: { width: PICKER_WINDOW.width, height: PICKER_WINDOW.height - frame(PICKER_WINDOW) },
    pickerMinimum: {
      width: PICKER_WINDOW.minWidth,
      height: PICKER_WINDOW.minHeight - frame(PICKER_WINDOW),
    },
    settings: {
      width: SETTINGS_WINDOW.width,
      height: SETTINGS_WINDOW.height - frame(SETTINGS_WINDOW),
    },
  };
}
