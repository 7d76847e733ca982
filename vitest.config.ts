import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Tests start real loopback servers and child processes; two cores, so keep it modest.
    maxWorkers: 2,
  },
});
