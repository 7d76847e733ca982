/**
 * "Copy diagnostics" in the web preview: main has no clipboard to offer there, so the page
 * copies the report with navigator.clipboard (allowed on 127.0.0.1 once the browser grants
 * clipboard access). The report holds no secret of the simulator's credentials.
 */
import { expect, open, test } from './fixtures';

test('copies a diagnostics report without secrets', async ({ page, preview, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: preview.url });
  await open(page, preview, 'settings');
  // Launch at login is not offered in the preview (platform 'web').
  await expect(page.getByRole('checkbox', { name: 'Open RoomCall when I log in' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Copy diagnostics' }).click();
  await expect(page.getByText('Copied to the clipboard.')).toBeVisible();
  // A string: the UI suite is typed without the DOM library.
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toContain('RoomCall diagnostics');
  expect(copied).toContain('Effective settings:');
  const sim = preview.sim;
  if (sim === null) throw new Error('this test runs against the simulator');
  expect(copied).toContain(`AppId ${sim.credentials.appId}`);
  expect(copied).not.toContain(sim.credentials.secretKey);
  expect(copied).not.toContain(sim.credentials.secretId);
});
