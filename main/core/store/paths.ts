import { mkdir, chmod } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * The per-user folder RoomCall keeps its files in. The app passes Electron's `userData`; the CLI
 * computes the same folder by Electron's rules for productName "RoomCall", so the app and the
 * CLI read and write the same settings, favourites and history.
 *
 *   Linux    $XDG_CONFIG_HOME/RoomCall, else ~/.config/RoomCall
 *   macOS    ~/Library/Application Support/RoomCall
 *   Windows  %APPDATA%\RoomCall, else <home>\AppData\Roaming\RoomCall
 *
 * ROOMCALL_DATA_DIR overrides both (tests, portable installs).
 */

const APP_FOLDER_NAME = 'RoomCall';
const DATA_DIR_ENV = 'ROOMCALL_DATA_DIR';

export const STORE_FILES = {
  settings: 'settings.json',
  favorites: 'favorites.json',
  history: 'history.json',
  directoryCache: 'directory-cache.json',
} as const;

export interface PlatformContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly homedir: string;
}

function currentContext(): PlatformContext {
  return { env: process.env, platform: process.platform, homedir: homedir() };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

/** Electron's `appData` for this platform: the folder that holds every app's folder. */
export function platformConfigRoot(context: PlatformContext = currentContext()): string {
  const { env, platform } = context;
  if (platform === 'win32') {
    return nonEmpty(env['APPDATA']) ?? path.win32.join(context.homedir, 'AppData', 'Roaming');
  }
  if (platform === 'darwin') {
    return path.posix.join(context.homedir, 'Library', 'Application Support');
  }
  // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const xdg = nonEmpty(env['XDG_CONFIG_HOME']);
  return xdg !== undefined && path.posix.isAbsolute(xdg)
    ? xdg
    : path.posix.join(context.homedir, '.config');
}

export interface DataDirOptions {
  /** The app's `app.getPath('userData')`; absent in the CLI. */
  readonly injected?: string;
  readonly context?: PlatformContext;
}

/** ROOMCALL_DATA_DIR, else the folder the app injected, else the platform's config folder. */
export function resolveDataDir(options: DataDirOptions = {}): string {
  const context = options.context ?? currentContext();
  const pathApi = context.platform === 'win32' ? path.win32 : path.posix;
  const override = nonEmpty(context.env[DATA_DIR_ENV]);
  if (override !== undefined) return pathApi.resolve(override);
  if (options.injected !== undefined) return options.injected;
  return pathApi.join(platformConfigRoot(context), APP_FOLDER_NAME);
}

/**
 * Creates the folder (and its parents) readable by its owner only. A folder that already exists
 * is left as it is: ROOMCALL_DATA_DIR may point at a shared place, and the files themselves
 * are 0600 anyway. (On Windows, modes are ignored; %APPDATA% is private to the user by ACL.)
 */
export async function ensureDataDir(dir: string): Promise<void> {
  const created = await mkdir(dir, { recursive: true, mode: 0o700 });
  // mkdir's mode is filtered by the umask; set the new leaf folder's mode exactly.
  if (created !== undefined && process.platform !== 'win32') await chmod(dir, 0o700);
}
