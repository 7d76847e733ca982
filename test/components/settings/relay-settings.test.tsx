/**
 * The settings window's relay section and the relay's onboarding, on the app's REAL handler
 * table with a real relay (SQLite, per-person tokens) in front of the simulator
 * (test/relay/support/relay-for-app.ts): signing in with an issued token, a wrong token
 * refused in words with nothing kept, signing out, the locked relayUrl, and, once signed in,
 * the picker listing rooms through the relay. The browser sign-in at the real test identity
 * provider runs through the same handler table in test/relay/journeys-app-sign-in.test.ts
 * (node: the identity provider's client, openid-client, needs Node's own fetch and Response).
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryRelayTokenStore } from '../../../main/core/secrets/memory-store';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { SIM_CURRENT_MEETING } from '../../sim/index';
import { SettingsApp } from '../../../renderer/src/settings/settings-app';
import {
  freePort,
  harnessTarget,
  managedRelay,
  startRelayForApp,
  type RelayForApp,
} from '../../relay/support/relay-for-app';
import type { RealBridge } from '../real-bridge';
import { settle, waitFor, withRealBridge } from '../setup';

const running: RelayForApp[] = [];

// A failed test skips its stop(): its relay is stopped here (the app by setup.ts).
afterEach(async () => {
  for (const relay of running.splice(0)) await relay.close();
});

async function relayDesktop(options: { locked: boolean }) {
  const tokens = createMemoryRelayTokenStore();
  const port = await freePort();
  const real = await withRealBridge({
    configured: false,
    rooms: 8,
    managed: managedRelay(`http://127.0.0.1:${port}`, options.locked),
    services: { relayTokenStore: tokens },
  });
  const relay = await startRelayForApp(harnessTarget(real.harness), port);
  running.push(relay);
  return { real, relay, tokens };
}

async function openSettings(heading: string): Promise<void> {
  render(<SettingsApp />);
  await settle();
  await screen.findByRole('heading', { name: heading });
  // Past the loading page (whose hidden heading has the settings' name too).
  await screen.findByRole('heading', { name: 'Organisation relay' });
}

function pasteToken(token: string) {
  fireEvent.click(screen.getByRole('button', { name: 'Use a token instead' }));
  fireEvent.input(screen.getByLabelText('Token'), { target: { value: token } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

async function stop(real: RealBridge) {
  await real.close();
  for (const relay of running.splice(0)) await relay.close();
}

describe('the relay section (the real app, a real relay)', () => {
  it('onboards a managed desktop with a token: no credentials asked, who the relay says', async () => {
    const { real, relay, tokens } = await relayDesktop({ locked: true });
    await openSettings('Set up RoomCall');
    expect(screen.queryByLabelText('SecretKey')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Organisation relay' })).toBeTruthy();
    await waitFor(() => {
      expect(document.activeElement?.textContent).toContain('Sign in with browser');
    });
    const token = await relay.token();
    pasteToken(token);
    expect(await screen.findByRole('heading', { name: 'You’re all set' })).toBeTruthy();
    await waitFor(() => {
      expect(document.activeElement?.textContent).toBe('You’re all set');
    });
    expect(real.requestsTo('relaySignInWithToken')).toEqual([{ token }]);
    expect(await tokens.get('default')).toMatchObject({ kind: 'token', accessToken: token });
    // Nothing the window was sent holds the token.
    expect(document.body.innerHTML).not.toContain(token);
    await stop(real);
  });

  it('refuses a wrong token in words, keeps nothing, and checks the field first', async () => {
    const { real, tokens } = await relayDesktop({ locked: true });
    await openSettings('Set up RoomCall');
    fireEvent.click(screen.getByRole('button', { name: 'Use a token instead' }));
    await waitFor(() => {
      expect(document.activeElement?.id).toBe('relay-token');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Paste the token.')).toBeTruthy();
    expect(real.requestsTo('relaySignInWithToken')).toHaveLength(0);
    fireEvent.input(screen.getByLabelText('Token'), { target: { value: 'rc_wrong-token' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The relay does not recognise this sign-in');
    expect(await tokens.get('default')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Organisation relay' })).toBeTruthy();
    await stop(real);
  });

  it('shows the locked relay, who is signed in, and signs out', async () => {
    const { real, relay, tokens } = await relayDesktop({ locked: true });
    await real.harness.ok('relaySignInWithToken', { token: await relay.token() });
    await openSettings('RoomCall Settings');
    const url = screen.getByLabelText<HTMLInputElement>('Relay URL');
    expect(url.readOnly).toBe(true);
    expect(url.value).toBe(relay.relay.url);
    expect(screen.getByText('Set by your organisation')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save relay URL' })).toBeNull();
    // The Tencent credentials are not the account here: no form, no summary, no log out.
    expect(screen.queryByRole('heading', { name: 'Tencent Meeting account' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Log out…' })).toBeNull();
    await waitFor(() => {
      expect(
        screen.getByText(`Signed in as ${real.harness.sim.operatorId} with a token`),
      ).toBeTruthy();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText(/Signed out/)).toBeTruthy();
    await waitFor(() => {
      expect(document.activeElement?.textContent).toContain('Sign in with browser');
    });
    expect(await tokens.get('default')).toBeNull();
    await stop(real);
  });

  it('checks a relay URL as it is typed and sets it; the credentials give way', async () => {
    const real = await withRealBridge({ configured: true, rooms: 8 });
    await openSettings('RoomCall Settings');
    expect(screen.getByRole('heading', { name: 'Tencent Meeting account' })).toBeTruthy();
    const url = screen.getByLabelText('Relay URL');
    fireEvent.input(url, { target: { value: 'http://relay.example.com' } });
    await settle();
    expect(screen.getByText(/Use an https:\/\/ address/)).toBeTruthy();
    expect(url.getAttribute('aria-invalid')).toBe('true');
    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Save relay URL' });
    expect(save.disabled).toBe(true);
    fireEvent.input(url, { target: { value: 'https://relay.example.com/' } });
    await settle();
    fireEvent.click(save);
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect((await real.harness.ok('getSettings')).settings.relayUrl).toBe(
      'https://relay.example.com',
    );
    await waitFor(() => {
      expect(screen.queryByRole('heading', { name: 'Tencent Meeting account' })).toBeNull();
    });
    expect(
      screen.getByText('Not signed in. Sign in to invite rooms through the relay.'),
    ).toBeTruthy();
  });

  it('lists the rooms in the picker through the relay once signed in', async () => {
    const { real, relay } = await relayDesktop({ locked: true });
    await real.harness.ok('relaySignInWithToken', { token: await relay.token() });
    render(<PickerApp />);
    await settle();
    await waitFor(() => {
      expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(8);
    });
    expect(screen.getByText('Marina One L12 Boardroom')).toBeTruthy();
    expect(real.harness.store.profiles()).toEqual([]);
    await stop(real);
  });

  it('shows the current meeting in the popover through the relay once signed in', async () => {
    const { real, relay } = await relayDesktop({ locked: true });
    await real.harness.ok('relaySignInWithToken', { token: await relay.token() });
    render(<PopoverApp />);
    await settle();
    expect(await screen.findByText(SIM_CURRENT_MEETING.subject)).toBeTruthy();
    // Tencent was asked by the relay: this desktop holds no Tencent credential.
    expect(real.harness.store.profiles()).toEqual([]);
    expect(real.harness.sim.requests.some((r) => r.path.startsWith('/v1/meetings'))).toBe(true);
    await stop(real);
  });

  it('asks for the relay sign-in in the popover, not for an enterprise app', async () => {
    const { real } = await relayDesktop({ locked: true });
    render(<PopoverApp />);
    await settle();
    expect(await screen.findByRole('heading', { name: 'Sign in to RoomCall' })).toBeTruthy();
    expect(screen.queryByText(/Tencent Meeting enterprise app/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
    await waitFor(() => {
      expect(real.requestsTo('openWindow')).toEqual([{ window: 'settings' }]);
    });
    await stop(real);
  });
});
