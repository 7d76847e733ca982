/**
 * Time for the invite's polling, injectable so tests run a 75-second call in microseconds.
 * `sleep` resolves early (never rejects) when the signal aborts: the loop then checks the
 * signal and cancels, so an abort needs no exception plumbing.
 */
export interface Clock {
  /** Milliseconds on a monotonic scale: only differences matter. */
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

/** performance.now(), not Date.now(): a wall-clock change must not end or stretch a wait. */
export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      const finish = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', finish);
        resolve();
      };
      const timer = setTimeout(finish, ms);
      signal.addEventListener('abort', finish, { once: true });
    }),
};
