import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 20_000,
    // Tests start real loopback servers and child processes; two cores, so keep it modest.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: [
            'test/unit/**/*.test.ts',
            'test/integration/**/*.test.ts',
            // The relay (issue 17); its storage tests start real PostgreSQL and Redis.
            'test/relay/**/*.test.ts',
          ],
          environment: 'node',
        },
      },
      {
        // The renderer's components in a DOM test environment, against the app's real handler
        // table over the simulator, or a typed double where that cannot be made (test/components).
        extends: true,
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
        test: {
          name: 'components',
          include: ['test/components/**/*.test.tsx'],
          environment: 'happy-dom',
        },
      },
    ],
  },
});
