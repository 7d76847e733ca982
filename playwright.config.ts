import { defineConfig } from 'playwright/test';

/**
 * Two Playwright projects:
 * - ui: the renderer in a real Chromium (Debian's, or CHROMIUM_PATH), served by the web
 *   preview against the simulator: the real handler table minus Electron's IPC.
 * - electron: the packaged shell through Playwright's Electron support; these tests skip,
 *   saying why, where no Electron binary is installed.
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // Each test starts its own simulator and preview on loopback; two cores, so two workers.
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'ui',
      testDir: 'test/ui',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
          ],
        },
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
