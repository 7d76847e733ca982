/** The popover without a mouse: type to filter, arrows, Enter to invite, Escape to hide. */
import { addRoomFavorites, expect, favouriteRow, open, SIM_ROOMS, test } from './fixtures';

test.use({ previewOptions: { sim: { callTiming: { ringMs: 20_000 } } } });

test('type-to-filter, arrows, Enter and Escape', async ({ page, preview }) => {
  await addRoomFavorites(preview, [
    SIM_ROOMS.accepted.index,
    SIM_ROOMS.rejected.index,
    SIM_ROOMS.boardroom.index,
  ]);
  await open(page, preview, 'popover');
  const filter = page.getByRole('searchbox', { name: 'Filter favourites' });
  await expect(filter).toBeFocused();
  const list = page.getByRole('list', { name: 'Favourites' });

  await page.keyboard.type('marina');
  await expect(list.getByRole('button', { name: /^Invite / })).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(list.getByRole('button', { name: /^Invite / })).toHaveCount(3);

  await page.keyboard.press('ArrowDown');
  await expect(
    list.getByRole('button', { name: `Invite ${SIM_ROOMS.accepted.name}`, exact: true }),
  ).toBeFocused();
  await page.keyboard.press('ArrowDown');
  const second = list.getByRole('button', {
    name: `Invite ${SIM_ROOMS.rejected.name}`,
    exact: true,
  });
  await expect(second).toBeFocused();
  await page.keyboard.press('End');
  await expect(
    list.getByRole('button', { name: `Invite ${SIM_ROOMS.boardroom.name}`, exact: true }),
  ).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(second).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(favouriteRow(page, SIM_ROOMS.rejected.name)).toContainText('Ringing…');

  // Typing on a row goes to the filter; Enter there invites the top match.
  await page.keyboard.type('boardroom');
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue('boardroom');
  await page.keyboard.press('Enter');
  await expect(favouriteRow(page, SIM_ROOMS.boardroom.name)).toContainText(/Calling…|Ringing…/);

  await page.keyboard.press('Escape');
  await expect(filter).toHaveValue('');
  expect(preview.windowActions).not.toContainEqual({ action: 'hide-popover' });
  await page.keyboard.press('Escape');
  await expect.poll(() => preview.windowActions).toContainEqual({ action: 'hide-popover' });
});

test('the meeting editor opens, takes a code and closes with the keyboard', async ({
  page,
  preview,
}) => {
  await open(page, preview, 'popover');
  const meeting = page.getByRole('region', { name: 'Current meeting' });
  await meeting.getByRole('button', { name: 'Change the meeting' }).click();
  const input = meeting.getByRole('textbox', { name: 'Meeting code or link' });
  await expect(input).toBeFocused();
  // A join link of none of the operator's meetings: looked up, then what to paste instead.
  await page.keyboard.type('https://meeting.tencent.com/dm/abc');
  await page.keyboard.press('Enter');
  await expect(meeting.getByRole('alert')).toBeVisible();
  await expect(meeting.getByRole('alert')).toContainText('paste the 9-digit meeting code');
  await input.fill('513 270 981');
  await page.keyboard.press('Enter');
  await expect(meeting).toContainText('513-270-981');
  await expect(meeting).toContainText('Chosen meeting');
  // Escape inside the editor closes it without hiding the popover.
  await meeting.getByRole('button', { name: 'Change the meeting' }).click();
  await page.keyboard.press('Escape');
  await expect(input).toBeHidden();
  expect(preview.windowActions).not.toContainEqual({ action: 'hide-popover' });
});

test('the picker list is reachable and navigable by keyboard', async ({ page, preview }) => {
  await open(page, preview, 'picker');
  const search = page.getByRole('searchbox', { name: 'Search rooms' });
  // As a person would: the list is on screen before the arrow key goes to it.
  await expect(page.getByRole('button', { name: /^Invite / }).first()).toBeVisible();
  await search.focus();
  await page.keyboard.press('ArrowDown');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('aria-label', /^Invite /);
  const first = await focused.getAttribute('aria-label');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).not.toHaveAttribute('aria-label', first ?? '');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^Invite /);
  await page.keyboard.press('End');
  await expect(page.locator(':focus')).toHaveAttribute('aria-label', /^Invite /);
  await expect(page.locator(':focus')).toBeInViewport();
});
