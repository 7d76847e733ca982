/**
 * The popover's script and stylesheet are inside its page, allowed by hash (issue 16,
 * scripts/inline-page.mjs). In Chromium, with the page's <meta> policy and the server's header
 * both enforced: the page runs and is styled, no Content-Security-Policy violation is reported,
 * and the lazily loaded pinyin chunk (a relative import from the inline script) still loads, so
 * the filter finds a room by its initials.
 */
import { addRoomFavorites, expect, open, SIM_ROOMS, test } from './fixtures';

test('the inline popover runs under its CSP and still loads its pinyin chunk', async ({
  page,
  preview,
}) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  const chunks: string[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/assets/chunks/')) chunks.push(String(response.status()));
  });
  await addRoomFavorites(preview, [SIM_ROOMS.accepted.index, SIM_ROOMS.rejected.index]);
  await open(page, preview, 'popover');

  const list = page.getByRole('list', { name: 'Favourites' });
  await expect(list.getByRole('button', { name: /^Invite / })).toHaveCount(2);
  // Styled: the stylesheet applied (an unstyled list would show its bullets).
  await expect(list).toHaveCSS('list-style-type', 'none');

  // 长城厅: chang cheng ting; "cct" only matches through pinyin initials.
  await page.getByRole('searchbox', { name: 'Filter favourites' }).fill('cct');
  await expect(list.getByRole('button', { name: /^Invite / })).toHaveCount(1);
  await expect(
    list.getByRole('button', { name: `Invite ${SIM_ROOMS.rejected.name}`, exact: true }),
  ).toBeVisible();
  expect(chunks).toContain('200');
  expect(violations).toEqual([]);
});
