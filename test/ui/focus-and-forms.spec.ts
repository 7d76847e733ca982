/**
 * Issue 14 items 6 and 9 in the real pages: onboarding at the settings window's real size
 * (opens on its first field, its primary action in view without scrolling, Back keeps what
 * was typed), and the picker's favourites by keyboard ("Add an address…" within 3 Tab stops
 * of the Favourites tab, focus never left on the page after a removal).
 */
import type { Page } from 'playwright/test';
import { addRoomFavorites, expect, open, SIM_ROOMS, test } from './fixtures';

/**
 * The settings window's page area: 560×680 outside (main/app/electron/windows.ts, no
 * useContentSize), less the frame and title bar of Windows (16 and 39 px), the largest of the
 * three platforms'.
 */
const SETTINGS_CONTENT = { width: 544, height: 641 };

/** Something holds focus: when focus falls to the page, nothing matches :focus. */
const focusHeld = (page: Page) => page.locator(':focus').count();

test.describe('onboarding at the real window size', () => {
  test.use({ previewOptions: { configured: false } });

  test('opens on its first field, keeps its primary action in view, and Back keeps the typing', async ({
    page,
    preview,
  }) => {
    const sim = preview.sim;
    if (sim === null) throw new Error('simulator expected');
    await page.setViewportSize(SETTINGS_CONTENT);
    await page.goto(preview.pageUrl('settings'));
    await expect(page.getByRole('heading', { name: 'Set up RoomCall' })).toBeVisible();
    await expect(page.getByLabel('AppId')).toBeFocused();

    const primary = page.getByRole('button', { name: 'Save and continue' });
    await expect(primary).toBeInViewport({ ratio: 1 });
    // Every field refused: the form grows, the action stays in view.
    await primary.click();
    await expect(page.getByText('Enter the AppId.')).toBeVisible();
    await expect(primary).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: 'test-results/screens/onboarding-real-size-refused.png' });

    await page.getByLabel('AppId').fill(sim.credentials.appId);
    await page.getByLabel('SecretId').fill(sim.credentials.secretId);
    await page.getByLabel('SecretKey').fill('not-the-secret-key');
    await page.getByLabel('Operator userid').fill(sim.operatorId);
    await primary.click();
    const testTitle = page.getByRole('heading', { name: 'Test the connection' });
    await expect(testTitle).toBeFocused();
    expect(await focusHeld(page)).toBe(1);

    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByRole('button', { name: 'Back' }).click();

    // What was typed is there again but the SecretKey, which is typed again (focused).
    await expect(page.getByLabel('AppId')).toHaveValue(sim.credentials.appId);
    await expect(page.getByLabel('SecretId')).toHaveValue(sim.credentials.secretId);
    await expect(page.getByLabel('Operator userid')).toHaveValue(sim.operatorId);
    await expect(page.getByLabel('SecretKey')).toHaveValue('');
    await expect(page.getByLabel('SecretKey')).toBeFocused();
    await expect(primary).toBeInViewport({ ratio: 1 });
  });
});

test.describe('picker favourites by keyboard', () => {
  test('"Add an address…" within 3 Tab stops of the tab; focus not on the page after a removal', async ({
    page,
    preview,
  }) => {
    await addRoomFavorites(preview, [
      SIM_ROOMS.accepted.index,
      SIM_ROOMS.rejected.index,
      SIM_ROOMS.boardroom.index,
    ]);
    await open(page, preview, 'picker');
    const tab = page.getByRole('tab', { name: /Favourites/ });
    await tab.click();
    await expect(tab).toBeFocused();

    let presses = 0;
    while (presses < 10) {
      await page.keyboard.press('Tab');
      presses += 1;
      if ((await page.locator('button:focus', { hasText: 'Add an address…' }).count()) === 1) break;
    }
    expect(presses).toBeLessThanOrEqual(3);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('textbox', { name: 'Address' })).toBeFocused();

    const remove = page.getByRole('button', {
      name: `Remove ${SIM_ROOMS.rejected.name}`,
      exact: true,
    });
    await remove.focus();
    await page.keyboard.press('Enter');
    await expect(remove).toHaveCount(0);
    await expect(
      page.getByRole('button', { name: `Remove ${SIM_ROOMS.boardroom.name}`, exact: true }),
    ).toBeFocused();
    expect(await focusHeld(page)).toBe(1);
  });
});
