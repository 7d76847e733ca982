/**
 * The windows' relay sign-in through the app's real handler table (what the settings window
 * calls), with a real relay in front of the simulator and the real test identity provider:
 * the browser sign-in (the scripted browser standing in for shell.openExternal), cancelling
 * it, a pasted token checked with the relay first (a wrong one refused in words, nothing
 * saved), signing out, the locked relayUrl, and what a window may learn (never a token).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRelayTokenStore } from '../../main/core/secrets/memory-store';
import { TEST_ACCOUNTS } from '../idp/accounts';
import { startTestIdp, type TestIdp } from '../idp/idp';
import { startAppHarness, type AppHarness } from '../integration/app-harness';
import {
  freePort,
  harnessTarget,
  managedRelay,
  startRelayForApp,
  type RelayForApp,
} from './support/relay-for-app';
import { scriptedBrowserSignIn } from './support/relay-browser-sign-in';

let idp: TestIdp;
let h: AppHarness;
let relay: RelayForApp;
const opened: string[] = [];
const tokens = createMemoryRelayTokenStore();

beforeAll(async () => {
  idp = await startTestIdp({ tokenTtlSeconds: 900 });
});
afterAll(async () => {
  await idp.close();
});
afterEach(async () => {
  await h.close();
  await relay.close();
  opened.length = 0;
  for (const profile of ['default']) await tokens.delete(profile);
});

async function start(options: { locked: boolean; browser: 'alice' | 'never' }): Promise<void> {
  const port = await freePort();
  h = await startAppHarness({
    configured: false,
    managed: managedRelay(`http://127.0.0.1:${port}`, options.locked),
    services: {
      relayTokenStore: tokens,
      relayBrowserSignIn: scriptedBrowserSignIn(
        options.browser === 'alice' ? TEST_ACCOUNTS.alice : null,
        opened,
      ),
    },
  });
  relay = await startRelayForApp(harnessTarget(h), port, idp);
}

describe('the settings window signs in to the relay', () => {
  it('says a relay is set and nobody is signed in, and words what to do', async () => {
    await start({ locked: true, browser: 'alice' });
    const state = await h.ok('getAppState');
    expect(state.configured).toBe(false);
    expect(state.credentials).toBeNull();
    expect(state.operatorId).toBeNull();
    expect(state.relay).toMatchObject({
      url: relay.relay.url,
      locked: true,
      signedIn: false,
      via: null,
      operatorId: null,
    });
    const rooms = await h.call('refreshDirectory');
    expect(rooms).toMatchObject({
      ok: false,
      error: { kind: 'not-configured', relay: 'not-signed-in' },
    });
    expect(!rooms.ok && rooms.error.hint).toContain(
      "sign in to your organisation's RoomCall relay",
    );
  });

  it('signs in with the browser at the identity provider, and the relay says who', async () => {
    await start({ locked: true, browser: 'alice' });
    const state = await h.ok('relaySignInWithBrowser');
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0] ?? '').origin).toBe(idp.issuer);
    expect(state.relay).toMatchObject({ signedIn: true, via: 'oidc', operatorId: 'alice.wang' });
    expect(state.relay?.expiresAt ?? 0).toBeGreaterThan(Date.now());
    const stored = await tokens.get('default');
    expect(stored).toMatchObject({ kind: 'oidc', relayUrl: relay.relay.url });
    // What the window got holds no part of the sign-in.
    expect(JSON.stringify(state)).not.toContain(stored?.accessToken ?? 'none');
    expect(h.store.profiles()).toEqual([]);
  });

  it('cancels a browser sign-in nobody finishes: said as cancelled, nothing saved', async () => {
    await start({ locked: true, browser: 'never' });
    const pending = h.call('relaySignInWithBrowser');
    await expect.poll(() => opened.length).toBe(1);
    expect((await h.ok('getAppState')).relay?.signingIn).toBe(true);
    await h.ok('relaySignInCancel');
    const result = await pending;
    expect(result).toMatchObject({ ok: false, error: { relay: 'sign-in-cancelled' } });
    expect(await tokens.get('default')).toBeNull();
    expect((await h.ok('getAppState')).relay?.signingIn).toBe(false);
  });

  it('takes an issued token once the relay knows it, and lists the rooms through the relay', async () => {
    await start({ locked: true, browser: 'alice' });
    const token = await relay.token();
    const state = await h.ok('relaySignInWithToken', { token });
    expect(state.configured).toBe(true);
    expect(state.relay).toMatchObject({
      signedIn: true,
      via: 'token',
      operatorId: h.sim.operatorId,
    });
    expect(JSON.stringify(state)).not.toContain(token);
    await h.ok('refreshDirectory');
    await h.app.directory.whenIdle();
    const directory = await h.ok('getDirectory');
    expect(directory.roomCount).toBe(h.sim.rooms.length);
  });

  it('refuses a wrong token in words and keeps nothing', async () => {
    await start({ locked: true, browser: 'alice' });
    const wrong = await h.call('relaySignInWithToken', {
      token: 'rc_not-a-token-the-relay-issued',
    });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'api', relay: 'unauthenticated' } });
    expect(!wrong.ok && wrong.error.message).toContain('does not recognise your sign-in');
    expect(!wrong.ok && wrong.error.message).not.toContain('rc_not-a-token');
    expect(await tokens.get('default')).toBeNull();
    const spaced = await h.call('relaySignInWithToken', { token: 'two words' });
    expect(spaced).toMatchObject({ ok: false, error: { kind: 'validation' } });
  });

  it('signs out: the sign-in leaves the keychain', async () => {
    await start({ locked: true, browser: 'alice' });
    await h.ok('relaySignInWithToken', { token: await relay.token() });
    const state = await h.ok('relaySignOut');
    expect(state.relay).toMatchObject({ signedIn: false, via: null, operatorId: null });
    expect(await tokens.get('default')).toBeNull();
  });

  it('refuses to change a relayUrl the organisation locked, and lets a pre-filled one go', async () => {
    await start({ locked: true, browser: 'alice' });
    const locked = await h.call('updateSettings', { relayUrl: null });
    expect(locked).toMatchObject({ ok: false, error: { kind: 'validation' } });
    await h.close();
    await relay.close();
    await start({ locked: false, browser: 'alice' });
    const view = await h.ok('updateSettings', { relayUrl: null });
    expect(view.settings.relayUrl).toBeNull();
    expect((await h.ok('getAppState')).relay).toBeNull();
  });

  it('asks the relay who a sign-in kept from an earlier run is, and tells the windows', async () => {
    await start({ locked: true, browser: 'alice' });
    const token = await relay.token();
    // As a previous run of the app left it in the keychain.
    await tokens.set('default', {
      relayUrl: relay.relay.url,
      kind: 'token',
      accessToken: token,
      expiresAtMs: null,
    });
    h.app.session.invalidate();
    const first = await h.ok('getAppState');
    expect(first.relay).toMatchObject({ signedIn: true, via: 'token' });
    await h.waitForEvent(
      'appStateChanged',
      (state) => state.relay?.operatorId === h.sim.operatorId,
    );
    expect((await h.ok('getAppState')).relay?.operatorId).toBe(h.sim.operatorId);
  });
});
