import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

/**
 * A fresh folder per test, removed afterwards (even when the test made parts of it unreadable:
 * rm runs as the same user, and the tests restore modes they change).
 */
export function useTempDir(prefix = 'roomcall-test-'): () => string {
  let dir: string | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterEach(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });
  return () => {
    if (dir === undefined) throw new Error('useTempDir: only inside a test');
    return dir;
  };
}

/** A StoreWarning collector for the stores' `onWarning`. */
export function collectWarnings<T>(): {
  readonly warnings: T[];
  readonly onWarning: (warning: T) => void;
} {
  const warnings: T[] = [];
  return { warnings, onWarning: (warning) => warnings.push(warning) };
}
