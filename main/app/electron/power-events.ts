import type { App, BrowserWindow, PowerMonitor } from 'electron';
import type { AppServices } from '../services/create-app-services';

type Services = Pick<AppServices, 'calls' | 'meeting' | 'directory'>;

export interface PowerEventsOptions {
  readonly app: Pick<App, 'on' | 'quit'>;
  readonly powerMonitor: Pick<PowerMonitor, 'on'>;
  readonly services: Services;
  readonly log: (what: string, detail: unknown) => void;
}

/**
 * The OS ending the session, sleeping and locking:
 * - Windows log-off, restart or shutdown: every window gets 'session-end', after which
 *   nothing can stop the session from ending (docs/api/browser-window.md). Each RoomCall
 *   window listens (app 'browser-window-created'), and the first event cancels the calls
 *   still ringing, so no room keeps ringing into a meeting nobody watches.
 * - Linux and macOS shutdown: powerMonitor 'shutdown'; preventDefault() asks the OS to wait
 *   while the app quits, which the app must then do at once (docs/api/power-monitor.md).
 *   The calls are cancelled and app.quit() runs the usual clean quit (will-quit in boot.ts,
 *   with its deadline).
 * - 'resume' (after sleep) and 'unlock-screen' (macOS, Windows): the current meeting and the
 *   room directory may be stale, so both are looked up again (docs/api/power-monitor.md).
 */
export function watchSessionAndPower(options: PowerEventsOptions): void {
  const { app, powerMonitor, services, log } = options;
  let ended = false;
  const cancelRinging = (why: string): void => {
    if (ended) return;
    ended = true;
    for (const call of services.calls.list()) {
      if (call.settled) continue;
      try {
        services.calls.cancel(call.callId);
      } catch (error) {
        log(`cancel at ${why}`, error);
      }
    }
  };
  app.on('browser-window-created', (_event, window: BrowserWindow) => {
    window.on('session-end', () => {
      cancelRinging('session end');
    });
  });
  // Electron emits an Event here (docs/api/power-monitor.md), which its typings leave out.
  powerMonitor.on('shutdown', (event?: { preventDefault(): void }) => {
    event?.preventDefault();
    cancelRinging('shutdown');
    app.quit();
  });
  const refresh = (why: string) => {
    services.meeting.refresh().catch((error: unknown) => {
      log(`meeting refresh at ${why}`, error);
    });
    services.directory.refresh().catch((error: unknown) => {
      log(`directory refresh at ${why}`, error);
    });
  };
  powerMonitor.on('resume', () => {
    refresh('resume');
  });
  powerMonitor.on('unlock-screen', () => {
    refresh('unlock');
  });
}
