import { app } from 'electron';
import { autoUpdater, type Logger } from 'electron-updater';
import {
  createUpdateController,
  type UpdateController,
  type UpdateControllerOptions,
  type UpdaterPort,
} from './update-controller';

/**
 * The only file that touches Electron and electron-updater for updates: it adapts
 * electron-updater's autoUpdater to UpdaterPort and hooks the app's before-quit. Everything it
 * decides is in update-policy.ts and update-controller.ts, tested without Electron.
 */

export function electronUpdaterPort(logger: Logger | null = null): UpdaterPort {
  autoUpdater.logger = logger;
  autoUpdater.autoDownload = true;
  autoUpdater.allowPrerelease = false;
  autoUpdater.allowDowngrade = false;
  return {
    // A string is electron-updater's shorthand for { provider: 'generic', url }.
    setFeedUrl: (url) => {
      autoUpdater.setFeedURL(url);
    },
    checkForUpdates: async () => {
      await autoUpdater.checkForUpdates();
    },
    setAutoInstallOnAppQuit: (value) => {
      autoUpdater.autoInstallOnAppQuit = value;
    },
    // Silent, then start again: the user asked for the restart and expects the app back.
    quitAndInstall: () => {
      autoUpdater.quitAndInstall(true, true);
    },
    subscribe(events) {
      const available = (info: { version: string }) => {
        events.available(info.version);
      };
      const notAvailable = () => {
        events.notAvailable();
      };
      const downloaded = (info: { version: string }) => {
        events.downloaded(info.version);
      };
      const failed = (error: Error) => {
        events.error(error.message);
      };
      autoUpdater.on('update-available', available);
      autoUpdater.on('update-not-available', notAvailable);
      autoUpdater.on('update-downloaded', downloaded);
      autoUpdater.on('error', failed);
      return () => {
        autoUpdater.off('update-available', available);
        autoUpdater.off('update-not-available', notAvailable);
        autoUpdater.off('update-downloaded', downloaded);
        autoUpdater.off('error', failed);
      };
    },
  };
}

export type SetupUpdatesOptions = Omit<UpdateControllerOptions, 'createPort'> & {
  readonly logger?: Logger | null;
};

/**
 * Boot step for the app. Without a usable feed URL it returns a disabled controller, and
 * electron-updater's autoUpdater (created on first use) is never created. Otherwise it starts
 * the schedule and decides install-on-quit at every quit.
 */
export function setupUpdates(options: SetupUpdatesOptions): UpdateController {
  const controller = createUpdateController({
    ...options,
    createPort: () => electronUpdaterPort(options.logger ?? null),
  });
  if (!controller.enabled) return controller;
  app.on('before-quit', () => {
    controller.beforeQuit();
  });
  controller.start();
  return controller;
}
