import { app } from 'electron';
import type { Shell } from './boot';

/**
 * For the Playwright Electron tests only (test/electron): with ROOMCALL_E2E=1 in an unpackaged
 * build, the main process gets `globalThis.roomcallTest`, which the tests reach through
 * electronApp.evaluate() to do what a person does with the tray icon (which Playwright cannot
 * click). Never present in a packaged app, and out of the renderer's reach either way.
 */
export interface RoomcallTestHooks {
  /** Left click on the tray icon. */
  clickTray(): void;
  state(): {
    readonly trayCreated: boolean;
    readonly popoverCreated: boolean;
    readonly popoverVisible: boolean;
  };
}

export function exposeTestHooks(shell: Shell): void {
  if (app.isPackaged || process.env['ROOMCALL_E2E'] !== '1') return;
  const hooks: RoomcallTestHooks = {
    clickTray: () => {
      shell.windows.togglePopover();
    },
    state: () => {
      const popover = shell.windows.popover();
      return {
        trayCreated: shell.tray?.isAlive() ?? false,
        popoverCreated: popover !== null,
        popoverVisible: popover?.isVisible() ?? false,
      };
    },
  };
  Object.assign(globalThis, { roomcallTest: hooks });
}
