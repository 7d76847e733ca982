/**
 * Export through main: the preview has no native save dialog, so it writes into its exports
 * folder (main/preview/README.md) and takes the dialog's answers from `saveAnswers`. The picker
 * says "Saved to <file>" only once that file is written, "Not saved" when the dialog was
 * closed, and a failure with Try again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addRoomFavorites, expect, open, SIM_ROOMS, test } from './fixtures';

test('export says where it saved, that it did not, or why it failed', async ({ page, preview }) => {
  await addRoomFavorites(preview, [SIM_ROOMS.boardroom.index]);
  await open(page, preview, 'picker');
  await page.getByRole('tab', { name: /Favourites/ }).click();
  const exportButton = page.getByRole('button', { name: 'Export favourites as a JSON file' });
  const status = page.locator('.transfer-outcome');

  await exportButton.click();
  await expect(status).toHaveText(/^Saved to .+\.json$/);
  const saved = ((await status.textContent()) ?? '').replace(/^Saved to /, '');
  expect(path.dirname(saved)).toBe(preview.exportDir);
  const document = JSON.parse(await readFile(saved, 'utf8')) as { favorites: { name?: string }[] };
  expect(document.favorites.map((favorite) => favorite.name)).toEqual([SIM_ROOMS.boardroom.name]);

  preview.saveAnswers.push('cancel');
  await exportButton.click();
  await expect(status).toHaveText('Not saved.');
  await expect(page.getByRole('alert')).toHaveCount(0);

  preview.saveAnswers.push('fail');
  await exportButton.click();
  await expect(page.getByRole('alert')).toContainText('Could not export the favourites.');
  await expect(status).toHaveText('');
  await page.getByRole('button', { name: 'Try again: Export favourites' }).click();
  await expect(status).toHaveText(`Saved to ${saved}`);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
