/**
 * Playwright fixtures for the UI suite: a fresh web preview (the real handler table) over a
 * fresh simulator per test, plus helpers to open a page, keep a screenshot and run axe.
 * Everything is queried by role and accessible name, the way a person (or a screen reader)
 * finds it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test as base, type Locator, type Page, type TestInfo } from 'playwright/test';
import { startSimPreview, type SimPreview, type SimPreviewOptions } from '../preview/sim-preview';
import { simRoomFavorite } from '../helpers/sim-room-ref';

export type PageName = 'popover' | 'picker' | 'settings';

/** A window's size in the app: the popover is a small tray window. */
export const VIEWPORTS: Readonly<Record<PageName, { width: number; height: number }>> = {
  popover: { width: 360, height: 560 },
  picker: { width: 1000, height: 700 },
  settings: { width: 760, height: 960 },
};

export const test = base.extend<{ previewOptions: SimPreviewOptions; preview: SimPreview }>({
  previewOptions: [{}, { option: true }],
  preview: async ({ previewOptions }, use) => {
    const preview = await startSimPreview(previewOptions);
    try {
      await use(preview);
    } finally {
      await preview.close();
    }
  },
});

export { expect };

/** Opens one of the app's pages at its window size and waits for its first content. */
export async function open(page: Page, preview: SimPreview, name: PageName): Promise<void> {
  await page.setViewportSize(VIEWPORTS[name]);
  await page.goto(preview.pageUrl(name));
  await expect(page.locator('#app > *').first()).toBeVisible();
}

/** Fixed sample rooms of the simulator (the same whatever the seed). */
export const SIM_ROOMS = {
  accepted: { index: 0, name: '深圳·滨海大厦 18F 1801 会议室' },
  rejected: { index: 1, name: '北京·银科大厦 5F 长城厅' },
  noAnswer: { index: 2, name: '上海·腾云大厦 12F 1203 会议室' },
  notCallable: { index: 4, name: '成都·天府软件园 8F 泰山厅' },
  boardroom: { index: 7, name: 'Marina One L12 Boardroom' },
} as const;

/**
 * A favourite's row in the popover, found by its invite button's accessible name: the row
 * also holds the status and the call progress that describe the button.
 */
export function favouriteRow(page: Page, name: string, invite = 'Invite'): Locator {
  return page
    .getByRole('list', { name: /^(Favourites|常用)$/ })
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: `${invite} ${name}`, exact: true }) });
}

/** Adds directory rooms to the favourites directly through the app's services. */
export async function addRoomFavorites(
  preview: SimPreview,
  indexes: readonly number[],
): Promise<void> {
  const sim = preview.sim;
  if (sim === null) throw new Error('these tests run against the simulator');
  for (const index of indexes) {
    const room = sim.rooms[index];
    if (room === undefined) throw new Error(`no simulator room #${String(index)}`);
    await preview.services.favorites.add(simRoomFavorite(room));
  }
}

/** Keeps a screenshot under test-results/screens/ (and attaches it to the report). */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.join('test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  // Animations (spinners, the ringing pulse) would make screenshots differ run to run.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** Runs axe-core on the page; fails with the rule, impact and nodes of any serious issue. */
export async function expectNoSeriousA11yIssues(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
    }));
  expect(serious, `axe-core on ${where}`).toEqual([]);
}
