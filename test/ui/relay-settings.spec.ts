import { expect, test, type Page } from 'playwright/test';
import { signInToRelayWithBrowser } from '../../main/core/relay/relay-sign-in';
import { startTestIdp, type TestIdp } from '../idp/idp';
import { startSimPreview, type SimPreview } from '../preview/sim-preview';
import {
  freePort,
  managedRelay,
  startRelayForApp,
  type RelayForApp,
} from '../relay/support/relay-for-app';
import { expectNoSeriousA11yIssues, keepScreenshot, open } from './fixtures';

/**
 * The settings window on a desktop the organisation points at its relay, in Chromium over the
 * web preview (the real handler table), with a real relay (OIDC and tokens) in front of the
 * simulator and the real test identity provider: "Sign in with browser" opens the provider's
 * page in a second tab standing in for the system browser (boot.ts hands the URL to
 * shell.openExternal), the person signs in there, and the window says who the relay says
 * they are.
 */

let idp: TestIdp;
let preview: SimPreview;
let relay: RelayForApp;
let browserTab: Promise<Page>;

test.beforeEach(async ({ context }) => {
  idp = await startTestIdp();
  const port = await freePort();
  let opened: (tab: Page) => void = () => undefined;
  browserTab = new Promise((resolve) => {
    opened = resolve;
  });
  preview = await startSimPreview({
    configured: false,
    managed: managedRelay(`http://127.0.0.1:${port}`, true),
    relayBrowserSignIn: ({ relayUrl, signal }) =>
      signInToRelayWithBrowser({
        relayUrl,
        signal,
        openBrowser: async (url) => {
          const tab = await context.newPage();
          await tab.goto(url);
          opened(tab);
        },
      }),
  });
  if (preview.sim === null) throw new Error('the preview needs its simulator');
  relay = await startRelayForApp({ sim: preview.sim }, port, idp);
});

test.afterEach(async () => {
  await preview.close();
  await relay.close();
  await idp.close();
});

test('signs in to the relay with the browser from the first-run window', async ({
  page,
}, testInfo) => {
  await open(page, preview, 'settings');
  await expect(page.getByRole('heading', { name: 'Organisation relay' })).toBeVisible();
  await expect(page.getByLabel('SecretKey')).toHaveCount(0);
  const signIn = page.getByRole('button', { name: 'Sign in with browser' });
  await expect(signIn).toBeFocused();
  await expectNoSeriousA11yIssues(page, 'the relay sign-in step');
  await keepScreenshot(page, testInfo, 'relay-onboarding');

  await signIn.click();
  await expect(page.getByText('Waiting for the browser…')).toBeVisible();
  const tab = await browserTab;
  await tab.getByLabel('Username').fill('alice');
  await tab.getByLabel('Password').fill('alice-password');
  await tab.getByRole('button', { name: 'Sign in' }).click();
  await expect(tab.getByRole('heading', { name: 'Signed in to RoomCall' })).toBeVisible();

  await expect(page.getByRole('heading', { name: 'You’re all set' })).toBeFocused();
  await page.getByRole('button', { name: 'Finish' }).click();
  await expect(
    page.getByText('Signed in as alice.wang via your organisation’s sign-in'),
  ).toBeVisible();
  await expect(page.getByLabel('Relay URL')).toHaveAttribute('readonly', '');
  await expectNoSeriousA11yIssues(page, 'the relay section, signed in');
  await page.emulateMedia({ colorScheme: 'dark' });
  await keepScreenshot(page, testInfo, 'relay-settings-dark');
});
