import { systemAppClock, type AppClock, type TimerHandle } from '../services/clock';
import {
  DEFAULT_UPDATE_TIMING,
  installOnQuit,
  nextCheckDelay,
  normalizeFeedUrl,
  restartDecision,
  shouldAnnounce,
  type RestartDecision,
  type UpdatePhase,
  type UpdateTiming,
} from './update-policy';

/**
 * Runs the update policy against an updater. Electron-free: the real updater comes in through
 * UpdaterPort (electron-updater-port.ts, the only file that imports electron-updater), a fake
 * one in tests.
 */

export interface UpdaterEvents {
  available(version: string): void;
  notAvailable(): void;
  downloaded(version: string): void;
  error(message: string): void;
}

export interface UpdaterPort {
  setFeedUrl(url: string): void;
  /** Asks the feed; with automatic download, an available update then downloads by itself. */
  checkForUpdates(): Promise<void>;
  setAutoInstallOnAppQuit(value: boolean): void;
  quitAndInstall(): void;
  /** Subscribes to the updater's events; returns the unsubscribe function. */
  subscribe(events: UpdaterEvents): () => void;
}

/** The app's clock (services/clock.ts): the same timers, and the same unref'd system clock. */
export type UpdateClock = AppClock;

export interface UpdateControllerOptions {
  /** From settings or managed configuration; null (or not https) keeps updates off. */
  readonly feedUrl: string | null;
  /** Called only when updates are on, so a machine without a feed never loads the updater. */
  readonly createPort: () => UpdaterPort;
  /** The app's say: false while a call rings or anything else a restart would cut into. */
  readonly canRestartNow: () => boolean;
  /** "Update ready, restart": called once per downloaded update, when canRestartNow(). */
  readonly onReady: (update: { readonly version: string }) => void;
  /** Every phase change, for a "checking… / up to date / failed" line in settings. */
  readonly onPhase?: (phase: UpdatePhase) => void;
  readonly clock?: UpdateClock;
  readonly timing?: UpdateTiming;
}

export interface UpdateController {
  /** False when no usable feed URL is configured: every method is then a no-op. */
  readonly enabled: boolean;
  readonly feedUrl: string | null;
  phase(): UpdatePhase;
  /** Schedules the first check and the ones after it. */
  start(): void;
  stop(): void;
  /** "Check for updates" from a menu: now, unless a check or download is under way. */
  checkNow(): Promise<void>;
  /** The app calls this when a call settles, so a held-back announcement can be made. */
  callStateChanged(): void;
  /** The user's "restart to update". Quits and installs only when the policy allows. */
  restartToUpdate(): RestartDecision;
  /** From the app's before-quit: install on quit only if nothing would be cut short. */
  beforeQuit(): void;
}

/** Updater messages can carry a whole HTTP response; a settings line needs a sentence. */
function shortMessage(message: string): string {
  const line = message.split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

function disabledController(): UpdateController {
  const phase: UpdatePhase = { kind: 'idle' };
  return {
    enabled: false,
    feedUrl: null,
    phase: () => phase,
    start: () => undefined,
    stop: () => undefined,
    checkNow: () => Promise.resolve(),
    callStateChanged: () => undefined,
    restartToUpdate: () => restartDecision(phase, false),
    beforeQuit: () => undefined,
  };
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const feedUrl = normalizeFeedUrl(options.feedUrl);
  if (feedUrl === null) return disabledController();

  const clock = options.clock ?? systemAppClock;
  const timing = options.timing ?? DEFAULT_UPDATE_TIMING;
  let port: UpdaterPort | null = null;
  let unsubscribe: (() => void) | null = null;
  let phase: UpdatePhase = { kind: 'idle' };
  let lastCheckAt: number | null = null;
  let timer: TimerHandle | null = null;
  let running = false;

  // Read through a function: events change `phase` while check() awaits, which TypeScript's
  // narrowing cannot see.
  const current = (): UpdatePhase => phase;

  function setPhase(next: UpdatePhase): void {
    phase = next;
    options.onPhase?.(phase);
    announceIfAllowed();
    schedule();
  }

  function announceIfAllowed(): void {
    if (!shouldAnnounce(phase, options.canRestartNow()) || phase.kind !== 'ready') return;
    phase = { ...phase, announced: true };
    options.onReady({ version: phase.version });
  }

  function schedule(): void {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    if (!running) return;
    const delay = nextCheckDelay(phase, lastCheckAt, clock.now(), timing);
    if (delay === null) return;
    timer = clock.setTimeout(() => {
      timer = null;
      void check();
    }, delay);
  }

  async function check(): Promise<void> {
    if (port === null) return;
    if (phase.kind === 'checking' || phase.kind === 'downloading' || phase.kind === 'ready') {
      return;
    }
    lastCheckAt = clock.now();
    setPhase({ kind: 'checking' });
    try {
      await port.checkForUpdates();
      // No event said otherwise (an updater that found nothing may stay silent): idle again.
      if (current().kind === 'checking') setPhase({ kind: 'idle' });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const kind = current().kind;
      if (kind === 'checking' || kind === 'downloading') {
        setPhase({ kind: 'failed', message: shortMessage(message) });
      }
    }
  }

  return {
    enabled: true,
    feedUrl,
    phase: () => phase,
    start() {
      if (running) return;
      running = true;
      if (port === null) {
        port = options.createPort();
        port.setFeedUrl(feedUrl);
        // On from the start: electron-updater registers its install-on-quit handler (and
        // Squirrel.Mac stages the update) only if this is true when the download completes.
        // beforeQuit() has the last word.
        port.setAutoInstallOnAppQuit(true);
        unsubscribe = port.subscribe({
          available: (version) => {
            setPhase({ kind: 'downloading', version });
          },
          notAvailable: () => {
            if (phase.kind === 'checking') setPhase({ kind: 'idle' });
          },
          downloaded: (version) => {
            setPhase({ kind: 'ready', version, announced: false });
          },
          error: (message) => {
            if (phase.kind !== 'ready')
              setPhase({ kind: 'failed', message: shortMessage(message) });
          },
        });
      }
      schedule();
    },
    stop() {
      running = false;
      schedule();
      unsubscribe?.();
      unsubscribe = null;
      port = null;
    },
    checkNow: () => check(),
    callStateChanged: () => {
      announceIfAllowed();
    },
    restartToUpdate() {
      const decision = restartDecision(phase, options.canRestartNow());
      if (decision.ok) port?.quitAndInstall();
      return decision;
    },
    beforeQuit() {
      port?.setAutoInstallOnAppQuit(installOnQuit(phase, options.canRestartNow()));
    },
  };
}
