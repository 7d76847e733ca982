import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignInConfig } from '../../main/core/relay/contract';
import {
  signInWithBrowser,
  SignInError,
  type SignInFailure,
  type SignInWithBrowserOptions,
} from '../../main/core/relay/sign-in';
import { TEST_ACCOUNTS } from '../idp/accounts';
import { startTestIdp, type TestIdp } from '../idp/idp';
import { browse } from '../idp/scripted-browser';

/** How the desktop's browser sign-in fails, against the real test identity provider. */

let idp: TestIdp;
let signInConfig: NonNullable<SignInConfig['oidc']>;

beforeEach(async () => {
  idp = await startTestIdp();
  signInConfig = { issuer: idp.issuer, client_id: idp.clientId, scopes: ['openid'] };
});
afterEach(async () => {
  await idp.close();
});

async function failure(options: SignInWithBrowserOptions): Promise<SignInFailure> {
  const error: unknown = await signInWithBrowser(options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SignInError);
  return (error as SignInError).reason;
}

/** Starts a sign-in and hands back the authorisation URL the browser was sent to. */
function started(options: Partial<SignInWithBrowserOptions> = {}) {
  let opened: (url: URL) => void = () => undefined;
  const url = new Promise<URL>((resolve) => {
    opened = resolve;
  });
  const result = signInWithBrowser({
    signInConfig,
    openBrowser: (href) => {
      opened(new URL(href));
      return Promise.resolve();
    },
    ...options,
  }).then(
    (tokens) => ({ tokens, error: null }),
    (error: unknown) => ({ tokens: null, error: error as SignInError }),
  );
  return { url, result };
}

function redirectOf(url: URL): URL {
  return new URL(url.searchParams.get('redirect_uri') ?? '');
}

describe('the loopback redirect', () => {
  it('refuses a callback with another state and keeps waiting for the real one', async () => {
    const { url, result } = started();
    const authorization = await url;
    const forged = redirectOf(authorization);
    forged.search = new URLSearchParams({ code: 'planted-code', state: 'not-ours' }).toString();
    const refused = await fetch(forged);
    expect(refused.status).toBe(400);
    const body = await refused.text();
    expect(body).toContain('not RoomCall’s current one');
    expect(body).toContain('不是 RoomCall 当前发起的');

    const page = await browse(authorization.href, TEST_ACCOUNTS.alice);
    expect(page.status).toBe(200);
    const { tokens } = await result;
    expect(tokens?.subject).toBe('sub-0001-alice');
  });

  it('answers only its own path', async () => {
    const controller = new AbortController();
    const { url, result } = started({ signal: controller.signal });
    const other = new URL('/favicon.ico', redirectOf(await url));
    expect((await fetch(other)).status).toBe(404);
    controller.abort();
    expect((await result).error?.reason).toBe('cancelled');
  });

  it('a declined sign-in (error=access_denied) is denied, and the tab says so', async () => {
    const { url, result } = started();
    const authorization = await url;
    const callback = redirectOf(authorization);
    callback.search = new URLSearchParams({
      error: 'access_denied',
      state: authorization.searchParams.get('state') ?? '',
      iss: idp.issuer,
    }).toString();
    const page = await fetch(callback);
    expect(page.status).toBe(400);
    expect(await page.text()).toContain('Sign-in was declined');
    expect((await result).error?.reason).toBe('denied');
  });

  it('times out when nobody finishes, and stops listening', async () => {
    const { url, result } = started({ timeoutMs: 300 });
    const redirect = redirectOf(await url);
    expect((await result).error?.reason).toBe('timeout');
    await expect(fetch(redirect)).rejects.toThrow();
  });

  it('is cancelled by its signal', async () => {
    const controller = new AbortController();
    const { url, result } = started({ signal: controller.signal });
    await url;
    controller.abort();
    expect((await result).error?.reason).toBe('cancelled');
  });
});

describe('at the identity provider', () => {
  it('a wrong password leaves the person on the login form, signed in to nothing', async () => {
    const controller = new AbortController();
    const { url, result } = started({ signal: controller.signal });
    const page = await browse((await url).href, { login: 'alice', password: 'guess' });
    expect(page.status).toBe(401);
    expect(page.body).toContain('Wrong username or password');
    controller.abort();
    expect((await result).error?.reason).toBe('cancelled');
  });

  it('a provider that does not answer is idp-unreachable, before any browser opens', async () => {
    await idp.close();
    let opened = false;
    const reason = await failure({
      signInConfig,
      openBrowser: () => {
        opened = true;
        return Promise.resolve();
      },
    });
    expect(reason).toBe('idp-unreachable');
    expect(opened).toBe(false);
    idp = await startTestIdp();
  });
});

describe('settings and the browser', () => {
  const openBrowser = (): Promise<void> => Promise.resolve();

  it('a relay without OIDC is not-offered', async () => {
    expect(await failure({ signInConfig: null, openBrowser })).toBe('not-offered');
  });

  it('an http issuer off this machine is bad-config (codes would cross the network in clear)', async () => {
    const config = { ...signInConfig, issuer: 'http://idp.example.com' };
    expect(await failure({ signInConfig: config, openBrowser })).toBe('bad-config');
  });

  it('a browser that cannot be opened is browser-failed', async () => {
    const reason = await failure({
      signInConfig,
      openBrowser: () => Promise.reject(new Error('no browser')),
    });
    expect(reason).toBe('browser-failed');
  });
});
