/**
 * The whole first day through the user's eyes: onboarding → test connection → picker →
 * star rooms → add a SIP address → invite from the popover → watch the status → cancel.
 */
import { expect, favouriteRow, keepScreenshot, open, SIM_ROOMS, test } from './fixtures';

test.use({ previewOptions: { configured: false, sim: { callTiming: { ringMs: 20_000 } } } });

test('a new user sets RoomCall up, picks rooms and invites one from the tray', async ({
  page,
  preview,
}, testInfo) => {
  const sim = preview.sim;
  if (sim === null) throw new Error('simulator expected');

  // ── onboarding ──
  await open(page, preview, 'settings');
  await expect(page.getByRole('heading', { name: 'Set up RoomCall' })).toBeVisible();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await expect(page.getByText('Enter the AppId.')).toBeVisible();
  await expect(page.getByLabel('AppId')).toBeFocused();

  await page.getByLabel('AppId').fill(sim.credentials.appId);
  await page.getByLabel('SecretId').fill(sim.credentials.secretId);
  await page.getByLabel('SecretKey').fill(sim.credentials.secretKey);
  await page.getByLabel('Operator userid').fill(sim.operatorId);
  await keepScreenshot(page, testInfo, 'journey-1-credentials');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  await expect(page.getByRole('heading', { name: 'Test the connection' })).toBeVisible();
  await expect(page.getByText('Saved, SecretId ending')).toBeVisible();
  // The SecretKey never comes back to the page.
  await expect(page.locator('body')).not.toContainText(sim.credentials.secretKey);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByText('Connected', { exact: true })).toBeVisible();
  await expect(page.getByText(/40 meeting rooms/)).toBeVisible();
  await keepScreenshot(page, testInfo, 'journey-2-connected');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Choose rooms' }).click();
  await expect
    .poll(() => preview.windowActions)
    .toContainEqual({ action: 'open', window: 'picker' });

  // ── picker: star two rooms ──
  await open(page, preview, 'picker');
  const rooms = page.getByRole('list', { name: 'Rooms' });
  await expect(rooms.getByRole('listitem').first()).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search rooms' });
  await search.fill('1801');
  await page.getByRole('button', { name: `Add ${SIM_ROOMS.accepted.name} to favourites` }).click();
  await expect(
    page.getByRole('button', { name: `Remove ${SIM_ROOMS.accepted.name} from favourites` }),
  ).toHaveAttribute('aria-pressed', 'true');
  await search.fill('marina');
  await page.getByRole('button', { name: `Add ${SIM_ROOMS.boardroom.name} to favourites` }).click();
  await expect(page.getByRole('tab', { name: /Favourites/ })).toContainText('2');
  await keepScreenshot(page, testInfo, 'journey-3-picker');

  // ── picker: add a SIP address, checked as typed ──
  await page.getByRole('tab', { name: /Favourites/ }).click();
  const form = page.getByRole('form', { name: 'Add a SIP or H.323 address' });
  const address = form.getByRole('textbox', { name: 'Address' });
  await address.fill('vc.example.com');
  await expect(form.getByText(/has no user part/)).toBeVisible();
  await expect(form.getByRole('button', { name: 'Add address' })).toBeDisabled();
  await address.fill('room42@vc.example.com');
  await expect(form.getByText('Valid SIP address')).toBeVisible();
  await form.getByRole('textbox', { name: 'Name' }).fill('Room 42 codec');
  await form.getByRole('button', { name: 'Add address' }).click();
  await expect(page.getByText('Added Room 42 codec to favourites.')).toBeVisible();
  await keepScreenshot(page, testInfo, 'journey-4-favourites');

  // ── popover: invite, watch it ring, cancel ──
  await open(page, preview, 'popover');
  const favourites = page.getByRole('list', { name: 'Favourites' });
  await expect(favourites.getByRole('button', { name: /^Invite / })).toHaveCount(3);
  await expect(
    favourites.getByRole('button', { name: 'Invite Room 42 codec', exact: true }),
  ).toBeVisible();
  const invite = favourites.getByRole('button', {
    name: `Invite ${SIM_ROOMS.accepted.name}`,
    exact: true,
  });
  const row = favouriteRow(page, SIM_ROOMS.accepted.name);
  await invite.click();
  await expect(row).toContainText('Ringing…');
  await invite.click(); // a second click while it rings does not ring twice
  await keepScreenshot(page, testInfo, 'journey-5-ringing');
  await page.getByRole('button', { name: `Cancel the call to ${SIM_ROOMS.accepted.name}` }).click();
  await expect(row).toContainText('Cancelled');
  const roomCalls = sim.requests.filter(
    (request) => request.path === '/v1/meeting-rooms/room-call',
  );
  expect(roomCalls).toHaveLength(1);
  expect(
    sim.requests.some((request) => request.path === '/v1/meeting-rooms/cancel-room-call'),
  ).toBe(true);
  await expect(page.getByRole('region', { name: 'Recent invites' })).toContainText(
    SIM_ROOMS.accepted.name,
  );
  await keepScreenshot(page, testInfo, 'journey-6-cancelled');
});
