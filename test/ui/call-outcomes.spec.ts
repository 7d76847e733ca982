/** Each outcome a call can have, in words, as the simulator's fixed rooms produce them. */
import {
  addRoomFavorites,
  expect,
  favouriteRow,
  keepScreenshot,
  open,
  SIM_ROOMS,
  test,
} from './fixtures';

test.use({ previewOptions: { sim: { callTiming: { ringMs: 600 } } } });

test('accepted, declined and no answer read as such on each row', async ({
  page,
  preview,
}, testInfo) => {
  await addRoomFavorites(preview, [
    SIM_ROOMS.accepted.index,
    SIM_ROOMS.rejected.index,
    SIM_ROOMS.noAnswer.index,
  ]);
  await open(page, preview, 'popover');
  const list = page.getByRole('list', { name: 'Favourites' });
  for (const room of [SIM_ROOMS.accepted, SIM_ROOMS.rejected, SIM_ROOMS.noAnswer]) {
    await list.getByRole('button', { name: `Invite ${room.name}`, exact: true }).click();
  }
  await expect(favouriteRow(page, SIM_ROOMS.accepted.name)).toContainText('In the meeting');
  await expect(favouriteRow(page, SIM_ROOMS.rejected.name)).toContainText('Declined');
  await expect(favouriteRow(page, SIM_ROOMS.noAnswer.name)).toContainText('No answer', {
    timeout: 15_000,
  });
  await keepScreenshot(page, testInfo, 'outcomes');
});

test('the picker invites several selected rooms at once, each with its own progress', async ({
  page,
  preview,
}) => {
  await open(page, preview, 'picker');
  await page.getByRole('searchbox', { name: 'Search rooms' }).fill('深圳');
  await page.getByRole('checkbox', { name: `Select ${SIM_ROOMS.accepted.name}` }).check();
  // The selection outlives the search that found it.
  await page.getByRole('searchbox', { name: 'Search rooms' }).fill('长城');
  await page.getByRole('checkbox', { name: `Select ${SIM_ROOMS.rejected.name}` }).check();
  await page.getByRole('searchbox', { name: 'Search rooms' }).fill('');
  await page
    .getByRole('button', { name: `Invite ${SIM_ROOMS.rejected.name}, ${SIM_ROOMS.accepted.name}` })
    .click();
  const search = page.getByRole('searchbox', { name: 'Search rooms' });
  const rows = page.getByRole('list', { name: 'Rooms' }).getByRole('listitem');
  await search.fill('1801');
  await expect(rows.filter({ hasText: SIM_ROOMS.accepted.name })).toContainText('In the meeting');
  await search.fill('长城');
  await expect(rows.filter({ hasText: SIM_ROOMS.rejected.name })).toContainText('Declined');
});
