import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';

/**
 * The Windows Application User Model ID: electron-builder.yml's appId, which the NSIS
 * installer gives the Start-menu shortcut. Without app.setAppUserModelId Electron uses its
 * own default, so notifications, the taskbar and the login item (whose `name` defaults to
 * the AppUserModelId) follow another identity than the installed shortcut
 * (docs/api/app.md, app.setAppUserModelId; docs/tutorial/notifications.md, Windows).
 * test/unit/app-main.test.ts checks it equals electron-builder.yml's appId.
 */
export const APP_USER_MODEL_ID = 'com.roomcall.app';

/** The userData folder of development and test runs (unpackaged), under appData. */
export const DEV_USER_DATA = 'RoomCall Development';

type BeforeReadyApp = Pick<App, 'isPackaged' | 'getPath' | 'setPath' | 'setAppUserModelId'>;

/**
 * What must happen before 'ready' and before the single-instance lock:
 * - Windows: the AppUserModelId.
 * - An unpackaged app (`npm start`, Playwright) gets its own userData folder. Electron names
 *   userData after package.json's productName, so without this a development run would share
 *   the installed app's folder, its Chromium profile and its single-instance lock (the lock
 *   is the userData folder's: electron_api_app.cc, RequestSingleInstanceLock), and a dev run
 *   would just show the installed app's popover and quit. A Playwright run (ROOMCALL_E2E=1
 *   with its own ROOMCALL_DATA_DIR) keeps its profile inside that data folder, so parallel
 *   tests never meet either. setPath needs the folder to exist ("Failed to set path").
 * Returns the userData folder set, or null when it was left alone (packaged).
 */
export function prepareBeforeReady(
  app: BeforeReadyApp,
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
): string | null {
  if (platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
  if (app.isPackaged) return null;
  const testData = env['ROOMCALL_E2E'] === '1' ? env['ROOMCALL_DATA_DIR'] : undefined;
  const userData =
    testData !== undefined && testData !== ''
      ? path.join(path.resolve(testData), 'electron-profile')
      : path.join(app.getPath('appData'), DEV_USER_DATA);
  mkdirSync(userData, { recursive: true });
  app.setPath('userData', userData);
  return userData;
}
