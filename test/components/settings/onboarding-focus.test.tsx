import { fireEvent, getByRole, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SettingsApp } from '../../../renderer/src/settings/settings-app';
import type { FakeBridge } from '../fake-bridge';
import { settle, withBridge } from '../setup';

/**
 * Issue 14 items 6 and 9 in settings: onboarding opens on its first field, never leaves focus
 * on the page between steps, and Back after a failed test keeps what was typed (but the
 * SecretKey); saving new credentials in Settings returns focus to "Replace credentials".
 */

const CREDENTIALS = 'Tencent Meeting account';

async function renderSettings(fake: FakeBridge) {
  render(<SettingsApp />);
  await settle();
  await settle();
  return fake;
}

function unconfigured() {
  return withBridge((world) => {
    world.appState = { ...world.appState, configured: false, credentials: null, operatorId: null };
  });
}

function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

const value = (label: string | RegExp) => screen.getByLabelText<HTMLInputElement>(label).value;

async function press(name: string, within: HTMLElement = document.body) {
  const button = getByRole(within, 'button', { name });
  button.focus();
  fireEvent.click(button);
  await settle();
  await settle();
}

describe('onboarding: focus and Back', () => {
  it('opens with focus on the AppId field', async () => {
    await renderSettings(unconfigured());
    expect(document.activeElement).toBe(screen.getByLabelText('AppId'));
  });

  it('focuses each new step’s heading, and Back keeps all but the SecretKey', async () => {
    const fake = await renderSettings(unconfigured());
    fake.respond('testConnection', () => ({
      ok: false,
      error: { kind: 'api', code: 200003, message: 'signature', hint: null },
    }));
    type('AppId', '200000001');
    type(/^SdkId/, '19');
    type(/SecretId/, 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE');
    type('SecretKey', 'wrong-key');
    type('Operator userid', 'tester1');
    await press('Save and continue');
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'Test the connection' }),
    );

    await press('Test connection');
    expect(screen.getByRole('alert').textContent).toContain(
      'The SecretKey does not match the SecretId',
    );
    await press('Back to credentials');
    expect(value('AppId')).toBe('200000001');
    expect(value(/^SdkId/)).toBe('19');
    expect(value(/SecretId/)).toBe('AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE');
    expect(value('Operator userid')).toBe('tester1');
    // Write-only: typed again, and that is where focus goes.
    expect(value('SecretKey')).toBe('');
    expect(document.activeElement).toBe(screen.getByLabelText('SecretKey'));

    type('SecretKey', 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE');
    await press('Save and continue');
    expect(fake.requestsTo('saveCredentials').at(-1)).toEqual({
      appId: '200000001',
      sdkId: '19',
      secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
      secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
      operatorId: 'tester1',
    });
    await press('Continue');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'You’re all set' }));
  });
});

describe('settings: focus after saving credentials', () => {
  it('returns to "Replace credentials" after a save, not the page', async () => {
    await renderSettings(withBridge());
    await press('Replace credentials');
    // The first field to fill: the AppId is kept, the SecretId is typed again.
    expect(document.activeElement).toBe(screen.getByLabelText(/SecretId/));
    type(/SecretId/, 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE');
    type('SecretKey', 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE');
    await press('Save', screen.getByRole('form', { name: CREDENTIALS }));
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Replace credentials' }),
    );
  });

  it('returns there after Cancel too', async () => {
    await renderSettings(withBridge());
    await press('Replace credentials');
    await press('Cancel');
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Replace credentials' }),
    );
  });
});

describe('settings: focus after Try again', () => {
  it('puts focus on the page’s heading once a failed load is tried again', async () => {
    const fake = withBridge();
    fake.failOnce('getSettings', {
      kind: 'storage',
      code: null,
      message: 'unreadable',
      hint: null,
    });
    await renderSettings(fake);
    await press('Try again');
    await settle();
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { name: 'RoomCall Settings', level: 1 }),
    );
  });
});
