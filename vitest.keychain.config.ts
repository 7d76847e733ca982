import { defineConfig } from 'vitest/config';

/**
 * The keychain tests: keytar against a real Secret Service. Run them with
 * `npm run test:keychain`, which wraps vitest in scripts/with-keyring.sh (a throwaway D-Bus
 * session, HOME and unlocked gnome-keyring); the tests refuse to run anywhere else.
 */
export default defineConfig({
  test: {
    include: ['test/keychain/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One keyring for all: files must not run at the same time.
    fileParallelism: false,
    maxWorkers: 1,
  },
});
