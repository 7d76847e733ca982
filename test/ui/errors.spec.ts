/**
 * Failures people meet, shown in words with the server's code and a next step: a clock that
 * is off (190300), a permission the app lacks (9042), and no network at all.
 */
import {
  addRoomFavorites,
  expect,
  expectNoSeriousA11yIssues,
  favouriteRow,
  keepScreenshot,
  open,
  SIM_ROOMS,
  test,
} from './fixtures';

test.describe('clock skew', () => {
  // The server's clock runs ten minutes ahead: every signed request is refused with 190300.
  test.use({ previewOptions: { sim: { clock: () => Date.now() + 10 * 60_000 } } });

  test('the popover and the connection test say the clock is off', async ({
    page,
    preview,
  }, testInfo) => {
    await open(page, preview, 'popover');
    const meeting = page.getByRole('region', { name: 'Current meeting' });
    await expect(meeting).toContainText('Your computer’s clock is off');
    await expect(meeting).toContainText('Error code 190300');
    await expect(meeting.getByRole('button', { name: 'How to fix this' })).toBeVisible();
    await keepScreenshot(page, testInfo, 'error-clock-popover');
    await expectNoSeriousA11yIssues(page, 'error-clock-popover');
    await expectNoSeriousA11yIssues(page, 'error-clock-popover');

    await open(page, preview, 'settings');
    await page.getByRole('button', { name: 'Test connection' }).click();
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Your computer’s clock is off');
    await expect(alert).toContainText('turn on automatic date and time');
    await expect(alert).toContainText('Error code 190300');
    await alert.getByRole('button', { name: 'How to fix this' }).click();
    await expect
      .poll(() => preview.windowActions.map((action) => action.action))
      .toContain('open-external');
    await keepScreenshot(page, testInfo, 'error-clock-settings');
    await expectNoSeriousA11yIssues(page, 'error-clock-settings');
    await expectNoSeriousA11yIssues(page, 'error-clock-settings');
  });
});

test('a permission the app lacks (9042) shows on the row that failed', async ({
  page,
  preview,
}, testInfo) => {
  const sim = preview.sim;
  if (sim === null) throw new Error('simulator expected');
  await addRoomFavorites(preview, [SIM_ROOMS.accepted.index]);
  sim.faults.inject({
    type: 'error',
    status: 400,
    code: 9042,
    message: 'no permission',
    path: '/v1/meeting-rooms/room-call',
    times: Infinity,
  });
  await open(page, preview, 'popover');
  const invite = page.getByRole('button', {
    name: `Invite ${SIM_ROOMS.accepted.name}`,
    exact: true,
  });
  await invite.click();
  await expect(favouriteRow(page, SIM_ROOMS.accepted.name)).toContainText(
    'The app is not allowed to do this (9042)',
  );
  await keepScreenshot(page, testInfo, 'error-permission-popover');
  await expectNoSeriousA11yIssues(page, 'error-permission-popover');

  await open(page, preview, 'settings');
  sim.faults.clear();
  sim.faults.inject({
    type: 'error',
    status: 400,
    code: 9042,
    path: '/v1/meeting-rooms',
    times: Infinity,
  });
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert')).toContainText('The app is not allowed to do this');
  await expect(page.getByRole('alert')).toContainText('Error code 9042');
});

test('a stopped simulator reads as a network failure, with a retry', async ({
  page,
  preview,
}, testInfo) => {
  const sim = preview.sim;
  if (sim === null) throw new Error('simulator expected');
  await addRoomFavorites(preview, [SIM_ROOMS.boardroom.index]);
  await open(page, preview, 'popover');
  await expect(page.getByRole('region', { name: 'Current meeting' })).toContainText('806-146-667');
  await sim.close();

  const invite = page.getByRole('button', {
    name: `Invite ${SIM_ROOMS.boardroom.name}`,
    exact: true,
  });
  await invite.click();
  await expect(favouriteRow(page, SIM_ROOMS.boardroom.name)).toContainText(
    'Cannot reach Tencent Meeting',
    { timeout: 20_000 },
  );
  await keepScreenshot(page, testInfo, 'error-network-popover');
  await expectNoSeriousA11yIssues(page, 'error-network-popover');

  await open(page, preview, 'settings');
  await page.getByRole('button', { name: 'Test connection' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Cannot reach Tencent Meeting', { timeout: 20_000 });
  await expect(alert).toContainText('Check your network connection');
  await keepScreenshot(page, testInfo, 'error-network-settings');
  await expectNoSeriousA11yIssues(page, 'error-network-settings');
});

test('connection resets on the room list (simulator faults) show in the picker', async ({
  page,
  preview,
}) => {
  const sim = preview.sim;
  if (sim === null) throw new Error('simulator expected');
  await open(page, preview, 'picker');
  await expect(
    page.getByRole('list', { name: 'Rooms' }).getByRole('listitem').first(),
  ).toBeVisible();
  sim.faults.inject({ type: 'reset', path: '/v1/meeting-rooms', times: Infinity });
  await page.getByRole('button', { name: 'Refresh the room list' }).click();
  await expect(page.getByText('Cannot reach Tencent Meeting')).toBeVisible({ timeout: 20_000 });
  // The cached rooms stay on screen.
  await expect(
    page.getByRole('list', { name: 'Rooms' }).getByRole('listitem').first(),
  ).toBeVisible();
});
