/**
 * The Electron main process entry, bundled to out/main/main.cjs (package.json "main").
 * Before the app is ready: the app:// scheme's privileges, and the single-instance lock (a
 * second launch opens the first one's popover and exits). Everything else is bootShell().
 */
import { app, protocol } from 'electron';
import { registerAppScheme } from './app-protocol';
import { bootShell, type Shell } from './boot';
import { logProblem } from './log';
import { exposeTestHooks } from './test-hooks';

registerAppScheme(protocol);

if (app.requestSingleInstanceLock()) {
  let shell: Shell | null = null;
  app.on('second-instance', () => {
    shell?.showPopover();
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
      app.exit(1);
    });
} else {
  app.quit();
}
