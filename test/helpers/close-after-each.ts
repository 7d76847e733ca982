import { afterEach } from 'vitest';

/**
 * `start` (of a simulator or a harness around one), wrapped so that what it started is closed
 * after each test, even a failed one: no server, socket or data folder outlives its test. Like
 * useTempDir, call it at the top level of a test file; it registers one afterEach there. It
 * closes the last one started: a test that needs a second one at the same time starts that one
 * directly and closes it itself.
 */
export function closeAfterEach<A extends unknown[], T extends { close(): Promise<void> }>(
  start: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  let started: T | undefined;
  afterEach(async () => {
    await started?.close();
    started = undefined;
  });
  return async (...args) => {
    started = await start(...args);
    return started;
  };
}
