/**
 * Reordering favourites with the mouse in the picker: drag a row and drop it above or below
 * another (real HTML drag and drop in Chromium), beside the Move up/down buttons.
 */
import { addRoomFavorites, expect, open, SIM_ROOMS, test } from './fixtures';

test('favourites reorder by drag and drop, each drop one move', async ({ page, preview }) => {
  const { accepted, rejected, noAnswer } = SIM_ROOMS;
  await addRoomFavorites(preview, [accepted.index, rejected.index, noAnswer.index]);
  const [a, b, c] = [accepted.name, rejected.name, noAnswer.name];
  await open(page, preview, 'picker');
  await page.getByRole('tab', { name: /Favourites/ }).click();
  const list = page.getByRole('list', { name: 'Favourites' });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(3);
  const row = (name: string) => items.filter({ hasText: name });
  const saved = async () =>
    (await preview.services.favorites.list()).map((favorite) =>
      favorite.kind === 'room' ? favorite.name : favorite.label,
    );

  // The last row dropped on the top half of the first: it becomes the first.
  await row(c).dragTo(row(a), { targetPosition: { x: 40, y: 4 } });
  await expect(items.first()).toContainText(c);
  expect(await saved()).toEqual([c, a, b]);

  // The first row dropped on the bottom half of the last: it becomes the last.
  const box = await row(b).boundingBox();
  if (box === null) throw new Error('the last row is not laid out');
  await row(c).dragTo(row(b), {
    targetPosition: { x: 40, y: box.height - 4 },
  });
  await expect(items.last()).toContainText(c);
  expect(await saved()).toEqual([a, b, c]);

  // Dropped where it already is: nothing changes, and no drop line stays behind.
  await row(a).dragTo(row(a), { targetPosition: { x: 40, y: 4 } });
  expect(await saved()).toEqual([a, b, c]);
  await expect(
    list.locator('.fav-item-drop-before, .fav-item-drop-after, .fav-item-dragging'),
  ).toHaveCount(0);
});
