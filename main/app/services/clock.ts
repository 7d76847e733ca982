/**
 * Time for the app's services and its update checks (updates/update-controller.ts), injectable
 * so tests drive refresh and check timers and timestamps without waiting. `now` is wall-clock
 * time: it only stamps what people see (ISO times) and spaces update checks; the invite's own
 * polling uses core's monotonic Clock (invite/clock.ts).
 */
export interface AppClock {
  /** Milliseconds since the epoch. */
  now(): number;
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Opaque: whatever the clock's setTimeout returned (a Timeout object in Node, a number in fakes). */
export type TimerHandle = object | number;

export const systemAppClock: AppClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending refresh or update check must never keep a quitting process (or a test runner)
    // alive.
    handle.unref();
    return handle;
  },
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

export function isoTime(clock: AppClock): string {
  return new Date(clock.now()).toISOString();
}
