import { existsSync, writeFileSync } from 'node:fs';
import { app, globalShortcut } from 'electron';
import type { AppPlatform } from '../services/app-state';
import type { AppServices } from '../services/create-app-services';
import { logProblem } from './log';

/** Small pieces of the app's start (boot.ts): a notice said once, a clean quit, the platform's name. */

/** Runs `say` the first time only: a marker file remembers it was said. */
export function sayOnce(marker: string, say: () => void): void {
  if (existsSync(marker)) return;
  try {
    writeFileSync(marker, '', { mode: 0o600 });
    say();
  } catch (error) {
    logProblem('notice', error);
  }
}

/** A tray app stays when its windows close; on quit, calls in flight are cancelled first. */
export function quitCleanly(services: AppServices): void {
  app.on('window-all-closed', () => undefined);
  let closed = false;
  app.on('will-quit', (event) => {
    globalShortcut.unregisterAll();
    if (closed) return;
    event.preventDefault();
    closed = true;
    // A hung network must not keep RoomCall from quitting.
    const deadline = new Promise((resolve) => setTimeout(resolve, 3_000));
    void Promise.race([services.close(), deadline]).finally(() => {
      app.quit();
    });
  });
}

export function appPlatform(platform: NodeJS.Platform): AppPlatform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}
