import { expect, test } from 'playwright/test';
import { signInWithBrowser, type SignInTokens } from '../../main/core/relay/sign-in';
import { createOidcVerifier } from '../../main/relay/identity/oidc';
import { startTestIdp, type TestIdp } from '../idp/idp';
import { expectNoSeriousA11yIssues, keepScreenshot } from './fixtures';

/**
 * The desktop's browser sign-in to a relay in a real Chromium: the app hands the
 * authorisation URL to "the system browser" (this page), the person signs in on the test
 * identity provider's form, the provider redirects to the app's loopback listener, and the
 * sign-in resolves with an ID token the relay's verifier accepts as that person.
 */

let idp: TestIdp;

test.beforeEach(async () => {
  idp = await startTestIdp();
});
test.afterEach(async () => {
  await idp.close();
});

test('signs in through the browser and the relay accepts the token as the person', async ({
  page,
}, testInfo) => {
  let opened: () => void = () => undefined;
  const browserOpened = new Promise<void>((resolve) => {
    opened = resolve;
  });
  const signIn: Promise<SignInTokens> = signInWithBrowser({
    signInConfig: { issuer: idp.issuer, client_id: idp.clientId, scopes: ['openid', 'profile'] },
    openBrowser: async (url) => {
      await page.goto(url);
      opened();
    },
    timeoutMs: 20_000,
  });
  await browserOpened;

  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('alice-password');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page.getByRole('heading', { name: 'Signed in to RoomCall' })).toBeVisible();
  await expect(page.getByText('You can close this tab and go back to RoomCall.')).toBeVisible();
  await expect(page.getByRole('heading', { name: '已登录 RoomCall' })).toBeVisible();
  expect(new URL(page.url()).hostname).toBe('127.0.0.1');
  await keepScreenshot(page, testInfo, 'relay-sign-in-done');
  await expectNoSeriousA11yIssues(page, 'the loopback sign-in page');

  const tokens = await signIn;
  const verifier = createOidcVerifier({
    issuer: idp.issuer,
    audience: idp.clientId,
    operatorClaim: idp.operatorClaim,
  });
  const identity = await verifier.verify(tokens.bearer, Date.now());
  expect(identity).toMatchObject({ operatorId: 'alice.wang', via: 'oidc' });
});

test('a wrong password keeps the person on the provider’s form; the app is not signed in', async ({
  page,
}) => {
  const controller = new AbortController();
  const signIn = signInWithBrowser({
    signInConfig: { issuer: idp.issuer, client_id: idp.clientId, scopes: ['openid'] },
    openBrowser: async (url) => {
      await page.goto(url);
    },
    signal: controller.signal,
  }).catch((error: unknown) => error);

  await expect(page.getByLabel('Username')).toBeVisible();
  await page.getByLabel('Username').fill('alice');
  await page.getByLabel('Password').fill('not-her-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  controller.abort();
  expect(await signIn).toMatchObject({ reason: 'cancelled' });
});
