/**
 * When to look for updates and what may happen once one is downloaded. Pure functions of the
 * state and the clock, so every rule is unit-tested without Electron (test/unit/updates-*.test.ts).
 *
 * The rules:
 * - no feed URL, no checks: many enterprises push updates with their own tools, so updates are
 *   off unless a feed is configured (settings or managed configuration);
 * - the first check waits a little after start-up (the app's own start comes first), then one
 *   every few hours; after a failure, sooner, but never in a tight loop;
 * - a downloaded update is announced ("update ready, restart") only while a restart would not
 *   cut into anything (the app's canRestartNow(), false while a call rings), and only once;
 * - it is installed when the user asks, or when the app quits, and in both cases only if
 *   canRestartNow() says so at that moment.
 */

export interface UpdateTiming {
  /** Delay from start-up to the first check. */
  readonly firstCheckDelayMs: number;
  /** Between two checks that found nothing. */
  readonly intervalMs: number;
  /** After a failed check or download. */
  readonly retryAfterErrorMs: number;
}

export const DEFAULT_UPDATE_TIMING: UpdateTiming = {
  firstCheckDelayMs: 60_000,
  intervalMs: 4 * 60 * 60_000,
  retryAfterErrorMs: 30 * 60_000,
};

export type UpdatePhase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'downloading'; readonly version: string }
  | { readonly kind: 'ready'; readonly version: string; readonly announced: boolean }
  | { readonly kind: 'failed'; readonly message: string };

/**
 * A feed URL the updater can use, or null for "updates off". electron-updater resolves
 * latest.yml against the URL as a folder, so a missing trailing slash is added.
 */
export function normalizeFeedUrl(feedUrl: string | null | undefined): string | null {
  if (feedUrl === null || feedUrl === undefined || feedUrl.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(feedUrl.trim());
  } catch {
    return null;
  }
  // Updates are code: never over plain http, never from a file the user could swap.
  if (url.protocol !== 'https:') return null;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.toString();
}

/**
 * How long to wait before the next check, given what happened last; null when no check
 * should be scheduled (one is running, or an update is already downloaded).
 */
export function nextCheckDelay(
  phase: UpdatePhase,
  lastCheckAt: number | null,
  now: number,
  timing: UpdateTiming = DEFAULT_UPDATE_TIMING,
): number | null {
  switch (phase.kind) {
    case 'checking':
    case 'downloading':
    case 'ready':
      return null;
    case 'failed':
      return timing.retryAfterErrorMs;
    case 'idle':
      if (lastCheckAt === null) return timing.firstCheckDelayMs;
      // A clock that jumped back counts as "just checked", not as "check in the past".
      return Math.max(0, Math.min(timing.intervalMs, lastCheckAt + timing.intervalMs - now));
  }
}

/** True when the "update ready, restart" message should be shown now. */
export function shouldAnnounce(phase: UpdatePhase, canRestartNow: boolean): boolean {
  return phase.kind === 'ready' && !phase.announced && canRestartNow;
}

/** electron-updater's autoInstallOnAppQuit, decided at the moment of quitting. */
export function installOnQuit(phase: UpdatePhase, canRestartNow: boolean): boolean {
  return phase.kind === 'ready' && canRestartNow;
}

export type RestartDecision =
  | { readonly ok: true; readonly version: string }
  | { readonly ok: false; readonly reason: 'no-update' | 'busy'; readonly message: string };

/** Whether the user's "restart to update" may go ahead now. */
export function restartDecision(phase: UpdatePhase, canRestartNow: boolean): RestartDecision {
  if (phase.kind !== 'ready') {
    return { ok: false, reason: 'no-update', message: 'No update has been downloaded yet.' };
  }
  if (!canRestartNow) {
    return {
      ok: false,
      reason: 'busy',
      message: 'RoomCall will restart to update once the current call has settled.',
    };
  }
  return { ok: true, version: phase.version };
}
