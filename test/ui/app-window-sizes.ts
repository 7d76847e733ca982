/**
 * The size each window's page gets in the app, read from the window code so the UI tests
 * follow when it changes: main/app/electron/window-sizes.ts where it exists (PICKER_WINDOW,
 * SETTINGS_WINDOW: plain data, kept apart from windows.ts, which imports electron), else the
 * sizes in main/app/electron/windows.ts itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';

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

const ELECTRON_DIR = path.join(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
  '..',
  'main',
  'app',
  'electron',
);

const windowSize = z.object({
  width: z.number(),
  height: z.number(),
  minWidth: z.number(),
  minHeight: z.number(),
  useContentSize: z.boolean().optional(),
});
const windowSizes = z.object({ PICKER_WINDOW: windowSize, SETTINGS_WINDOW: windowSize });

export async function appPageSizes(): Promise<AppPageSizes> {
  const module = path.join(ELECTRON_DIR, 'window-sizes.ts');
  if (existsSync(module)) {
    const loaded: unknown = await import(pathToFileURL(module).href);
    const { PICKER_WINDOW: picker, SETTINGS_WINDOW: settings } = windowSizes.parse(loaded);
    const frame = (useContentSize: boolean | undefined) =>
      useContentSize === true ? 0 : TITLE_BAR;
    return {
      popover: POPOVER,
      picker: { width: picker.width, height: picker.height - frame(picker.useContentSize) },
      pickerMinimum: {
        width: picker.minWidth,
        height: picker.minHeight - frame(picker.useContentSize),
      },
      settings: { width: settings.width, height: settings.height - frame(settings.useContentSize) },
    };
  }
  // windows.ts as it was when this was written: the sizes in a table, one minimum for both.
  const source = readFileSync(path.join(ELECTRON_DIR, 'windows.ts'), 'utf8');
  return {
    popover: POPOVER,
    picker: { width: 960, height: 680 - TITLE_BAR },
    pickerMinimum: {
      width: sourceNumber(source, 'minWidth'),
      height: sourceNumber(source, 'minHeight') - TITLE_BAR,
    },
    settings: { width: 560, height: 680 - TITLE_BAR },
  };
}

/**
 * The number a `key:` in the windows code is set to: a literal (`minWidth: 480`), a constant
 * (`minWidth: PICKER_MIN_WIDTH` with `const PICKER_MIN_WIDTH = 480`) or a constant's member
 * (`minWidth: PICKER_MIN.width` with `const PICKER_MIN = { width: 480, … }`).
 */
export function sourceNumber(source: string, key: string): number {
  const values = [...source.matchAll(new RegExp(`\\b${key}\\s*:\\s*([\\w$.]+)`, 'g'))].map(
    (match) => resolveNumber(source, match[1] ?? ''),
  );
  const distinct = [...new Set(values)];
  const [value] = distinct;
  if (distinct.length !== 1 || value === null || value === undefined) {
    throw new Error(
      `test/ui/app-window-sizes.ts cannot read the picker's ${key} from windows.ts (found ` +
        `${JSON.stringify(values)}): update appPageSizes() to how the windows code sets it now.`,
    );
  }
  return value;
}

function resolveNumber(source: string, expression: string): number | null {
  if (/^\d[\d_]*$/.test(expression)) return Number(expression.replaceAll('_', ''));
  const [constant, member] = expression.split('.');
  if (constant === undefined) return null;
  const declared = new RegExp(`\\bconst\\s+${constant}\\b[^=]*=\\s*([^;]+);`).exec(source)?.[1];
  if (declared === undefined) return null;
  if (member === undefined) return resolveNumber(source, declared.trim());
  const field = new RegExp(`\\b${member}\\s*:\\s*([\\w$.]+)`).exec(declared)?.[1];
  return field === undefined ? null : resolveNumber(source, field);
}
