/**
 * The Electron main process entry, bundled to out/main/main.cjs (package.json "main").
 * Before the app is ready: the Windows AppUserModelId and the development userData folder
 * (before-ready.ts), the log file, the app:// scheme's privileges, and the single-instance
 * lock (a second launch opens the first one's popover and exits). Everything else is
 * bootShell(); a start-up that fails is shown in a dialog, not only logged.
 */
import { app, dialog, protocol } from 'electron';
import { registerAppScheme } from './app-protocol';
import { prepareBeforeReady } from './before-ready';
import { bootShell, type Shell } from './boot';
import { logFilePath, logInfo, logProblem, openLogFile } from './log';
import { shellStrings } from './shell-strings';
import { exposeTestHooks } from './test-hooks';

prepareBeforeReady(app, process.platform, process.env);
try {
  openLogFile({ dir: app.getPath('logs') });
} catch (error) {
  logProblem('log file', error);
}
logInfo(`RoomCall ${app.getVersion()} on ${process.platform} ${process.arch}`);
registerAppScheme(protocol);

if (app.requestSingleInstanceLock()) {
  let shell: Shell | null = null;
  app.on('second-instance', () => {
    shell?.showPopover();
  });
  // macOS: opening RoomCall again from Finder or Launchpad while it runs
  // (applicationShouldHandleReopen, shell/browser/mac/electron_application_delegate.mm;
  // never at first launch) opens the room picker: a menu-bar app has no window to bring back.
  app.on('activate', () => {
    shell?.openPicker();
  });
  app
    .whenReady()
    .then(bootShell)
    .then((started) => {
      shell = started;
      exposeTestHooks(started);
    })
    .catch((error: unknown) => {
      logProblem('start-up failed', error);
      showBootFailure(error);
      app.exit(1);
    });
} else {
  app.quit();
}

/**
 * dialog.showErrorBox is a plain native box that works before and after 'ready'
 * (docs/api/dialog.md: "can be called safely before the ready event"), so a packaged app
 * that cannot start says why instead of vanishing.
 */
function showBootFailure(error: unknown): void {
  const strings = shellStrings('system', app.getPreferredSystemLanguages()[0] ?? app.getLocale());
  const reason = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox(strings.bootFailedTitle, strings.bootFailed(reason, logFilePath()));
}
