/**
 * The room picker's layout with 10,000 rooms, at its minimum window size (the sizes main
 * gives the window: main/app/electron/window-sizes.ts), in both languages: at least 8 whole
 * rows, every shown name keeping the part that tells rooms apart, and ticking a checkbox
 * moving no row (the batch bar floats over the list).
 */
import type { Locator, Page } from 'playwright/test';
import { PICKER_WINDOW } from '../../main/app/electron/window-sizes';
import { expect, expectNoSeriousA11yIssues, keepScreenshot, test } from './fixtures';

test.use({ previewOptions: { sim: { rooms: 10_000 } } });

const MIN = { width: PICKER_WINDOW.minWidth, height: PICKER_WINDOW.minHeight };

const WORDS = {
  en: { rooms: 'Rooms', count: '10,000 rooms', select: (name: string) => `Select ${name}` },
  'zh-CN': { rooms: '会议室', count: '10,000 个会议室', select: (name: string) => `选择 ${name}` },
} as const;

function roomList(page: Page, language: keyof typeof WORDS): Locator {
  return page.getByRole('list', { name: WORDS[language].rooms, exact: true });
}

/** How much of an element's content its box cuts off (what an ellipsis hides), in px. */
function hiddenWidth(element: { readonly scrollWidth: number; readonly clientWidth: number }) {
  return element.scrollWidth - element.clientWidth;
}

/** The list's visible area: the scrolling box, above the batch bar and the window's edge. */
async function visibleArea(page: Page): Promise<{ top: number; bottom: number }> {
  const list = await page.locator('.vlist').boundingBox();
  if (list === null) throw new Error('no room list');
  const bar = page.locator('.selection-bar');
  const barBox = (await bar.count()) > 0 ? await bar.boundingBox() : null;
  const window = page.viewportSize()?.height ?? Infinity;
  return { top: list.y, bottom: Math.min(list.y + list.height, barBox?.y ?? Infinity, window) };
}

/** The rows whose whole box lies inside the list's visible area. */
async function wholeRows(page: Page, language: keyof typeof WORDS): Promise<Locator[]> {
  const area = await visibleArea(page);
  const whole: Locator[] = [];
  for (const row of await roomList(page, language).getByRole('listitem').all()) {
    const box = await row.boundingBox();
    if (box !== null && box.y >= area.top - 0.5 && box.y + box.height <= area.bottom + 0.5)
      whole.push(row);
  }
  return whole;
}

/** The names of these rows whose distinguishing end (room number, hall) is cut or missing. */
async function cutTails(rows: readonly Locator[]): Promise<string[]> {
  const cut: string[] = [];
  for (const row of rows) {
    const name = (await row.locator('.room-name').getAttribute('title')) ?? '?';
    const tail = row.locator('.room-name-tail');
    const text = await tail.textContent();
    // Wider content than its box: the ellipsis cut it.
    const hiddenPx = await tail.evaluate(hiddenWidth);
    if (text === null || !name.endsWith(text) || hiddenPx > 0) cut.push(name);
  }
  return cut;
}

for (const language of ['en', 'zh-CN'] as const) {
  test(`${language}: at the minimum size 8 whole rows show, names keep their room number`, async ({
    page,
    preview,
  }, testInfo) => {
    test.slow();
    await preview.services.settings.update({ language });
    const sim = preview.sim;
    if (sim === null) throw new Error('this test runs against the simulator');
    const renamed = sim.rooms[123];
    if (renamed === undefined) throw new Error('no simulator room #123');
    renamed.meeting_room_name = '深圳·南山科技生态园二期 B 座南翼研发中心 18F 1888 会议室';
    await page.setViewportSize(MIN);
    await page.goto(preview.pageUrl('picker'));
    await expect(page.getByText(WORDS[language].count, { exact: true })).toBeVisible({
      timeout: 30_000,
    });
    await expect(roomList(page, language).getByRole('listitem').first()).toBeVisible();
    expect(await page.title()).toBe(language === 'en' ? 'RoomCall - Rooms' : 'RoomCall - 会议室');
    const rows = await wholeRows(page, language);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(await cutTails(rows)).toEqual([]);
    // Nothing wider than the window: no sideways scrolling at the minimum width.
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await keepScreenshot(page, testInfo, `picker-minimum-${language}`);

    // A name far wider than the row: its building is cut, never its room number.
    await page.getByRole('searchbox').fill('南翼研发中心');
    const [long] = await wholeRows(page, language);
    if (long === undefined) throw new Error('the long-named room is not shown');
    await expect(long).toContainText('1888 会议室');
    expect(await cutTails([long])).toEqual([]);
    const headCut = await long.locator('.room-name-head').evaluate(hiddenWidth);
    expect(headCut).toBeGreaterThan(0);
    await expectNoSeriousA11yIssues(page, `picker at its minimum size (${language})`);
  });
}

test('ticking a checkbox moves no row; the bar counts what the search hides', async ({
  page,
  preview,
}, testInfo) => {
  test.slow();
  await page.setViewportSize(MIN);
  await page.goto(preview.pageUrl('picker'));
  await expect(page.getByText(WORDS.en.count, { exact: true })).toBeVisible({ timeout: 30_000 });
  const rows = roomList(page, 'en').getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const tops = async () =>
    Promise.all((await rows.all()).map(async (row) => (await row.boundingBox())?.y));
  const before = await tops();

  const checkbox = rows.nth(1).getByRole('checkbox');
  const enabled = await checkbox.isEnabled();
  const target = enabled ? checkbox : rows.nth(2).getByRole('checkbox');
  await target.check();
  const bar = page.getByRole('region', { name: 'Selected rooms' });
  await expect(bar).toBeVisible();
  expect(await tops()).toEqual(before);
  await keepScreenshot(page, testInfo, 'picker-selection-en');

  // A search that hides the ticked room: the bar says so, and that it is invited too.
  await page.getByRole('searchbox', { name: 'Search rooms' }).fill('zzzz-no-room');
  await expect(bar).toContainText('1 selected · 1 hidden by the search, invited too');
  await target.page().getByRole('searchbox', { name: 'Search rooms' }).fill('');
  await expect(bar).toContainText('1 selected');
  await expect(bar).not.toContainText('hidden');
});

test('while 10,000 rooms load: progress and placeholder rows, never "no rooms"', async ({
  page,
  preview,
}) => {
  const sim = preview.sim;
  if (sim === null) throw new Error('this test runs against the simulator');
  // The first page of the directory answers late, so the first load is seen as a person sees it.
  sim.faults.inject({ type: 'delay', path: '/v1/meeting-rooms', ms: 1500 });
  await page.setViewportSize(MIN);
  await page.goto(preview.pageUrl('picker'));
  await expect(page.getByText(/^Loading rooms…/)).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Loading the room list' })).toBeVisible();
  expect(await page.locator('.room-placeholder').count()).toBeGreaterThanOrEqual(8);
  await expect(page.getByText(/no meeting rooms/)).toHaveCount(0);
  await expect(page.getByText(WORDS.en.count, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.room-placeholder')).toHaveCount(0);
});
