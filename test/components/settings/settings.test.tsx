import { fireEvent, render, screen, within } from '@testing-library/preact';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SettingsApp } from '../../../renderer/src/settings/settings-app';
import type { RealBridge } from '../real-bridge';
import { managedConfig } from '../real-world';
import { settle, waitFor, withRealBridge } from '../setup';

async function renderSettings<B>(bridge: B): Promise<B> {
  render(<SettingsApp />);
  await settle();
  await settle();
  return bridge;
}

/** The settings page over the real app (not configured: onboarding). */
async function realSettings(configured = true): Promise<RealBridge> {
  const real = await withRealBridge({ configured, rooms: 8 });
  await renderSettings(real);
  await screen.findByRole('heading', {
    name: configured ? 'RoomCall Settings' : 'Set up RoomCall',
  });
  return real;
}

function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

/** Types the simulator's demo account (test/sim/README.md) into the credentials form. */
function typeAccount(real: RealBridge) {
  const { credentials, operatorId } = real.harness.sim;
  type('AppId', ` ${credentials.appId} `);
  type(/SecretId/, credentials.secretId);
  type('SecretKey', credentials.secretKey);
  type('Operator userid', operatorId);
}

async function savedSettings(real: RealBridge) {
  return (await real.harness.ok('getSettings')).settings;
}

describe('onboarding (the real app over the simulator)', () => {
  it('walks through credentials, a connection test and on to the picker', async () => {
    const real = await realSettings(false);
    const { credentials, operatorId } = real.harness.sim;
    expect(screen.getByRole('heading', { name: 'Set up RoomCall' })).toBeTruthy();
    const steps = screen.getByRole('list', { name: 'Setup steps' });
    expect(within(steps).getAllByRole('listitem')[0]?.getAttribute('aria-current')).toBe('step');

    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await settle();
    expect(screen.getByText('Enter the AppId.')).toBeTruthy();
    expect(document.activeElement?.id).toBe('cred-appId');
    expect(real.requestsTo('saveCredentials')).toHaveLength(0);

    typeAccount(real);
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    expect(await screen.findByRole('heading', { name: 'Test the connection' })).toBeTruthy();
    expect(real.requestsTo('saveCredentials')).toEqual([
      {
        appId: credentials.appId,
        sdkId: null,
        secretId: credentials.secretId,
        secretKey: credentials.secretKey,
        operatorId,
      },
    ]);
    // Saved where main keeps them (the keychain; here the harness's in-memory store).
    expect(real.harness.store.profiles()).toHaveLength(1);
    expect(
      screen.getByText(`Saved, SecretId ending …${credentials.secretId.slice(-3)}`),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    expect(await screen.findByText('Connected')).toBeTruthy();
    expect(
      screen.getByText(/8 meeting rooms, 1 of the operator’s meetings in progress/),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Choose rooms' }));
    await waitFor(() => {
      expect(real.harness.windowCalls).toEqual(['open:picker']);
    });
    // Onboarding done: the ordinary settings page, which never shows the secret.
    expect(screen.getByRole('heading', { name: 'RoomCall Settings' })).toBeTruthy();
    expect(document.title).toBe('RoomCall - Settings');
    expect(document.body.textContent).not.toContain(credentials.secretKey);
  });

  it('explains a failed test in words, with the server’s code and what to do', async () => {
    // The computer's clock ten minutes fast: Tencent refuses the signature (190300).
    const real = await withRealBridge({
      configured: false,
      clientClockOffset: () => 10 * 60 * 1000,
    });
    await renderSettings(real);
    await screen.findByRole('heading', { name: 'Set up RoomCall' });
    typeAccount(real);
    fireEvent.click(await screen.findByRole('button', { name: 'Save and continue' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Test connection' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Your computer’s clock is off');
    expect(alert.textContent).toContain('Error code 190300');
    expect(alert.textContent).toContain('turn on automatic date and time');
    fireEvent.click(within(alert).getByRole('button', { name: 'How to fix this' }));
    await waitFor(() => {
      expect(real.requestsTo('openHelp')).toEqual([{ topic: 'clock' }]);
    });
  });

  it('explains a network failure', async () => {
    const real = await realSettings();
    // Tencent unreachable: every connection reset.
    real.harness.sim.faults.inject({ type: 'reset', times: Infinity });
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await waitFor(() => {
      expect(screen.getByRole('alert').textContent).toContain('Cannot reach Tencent Meeting');
    });
  });
});

describe('settings (the real app over the simulator)', () => {
  it('shows saved credentials without any secret, and replaces them with empty secret fields', async () => {
    const real = await realSettings();
    const { credentials } = real.harness.sim;
    expect(
      screen.getByText(`Saved, SecretId ending …${credentials.secretId.slice(-3)}`),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Replace credentials' }));
    expect(screen.getByLabelText<HTMLInputElement>('AppId').value).toBe(credentials.appId);
    const secretKey = screen.getByLabelText<HTMLInputElement>('SecretKey');
    expect(secretKey.type).toBe('password');
    expect(secretKey.value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>(/SecretId/).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(real.requestsTo('saveCredentials')).toHaveLength(0);
    expect(document.body.textContent).not.toContain(credentials.secretKey);
  });

  it('changes the language, main saves it, and the page follows', async () => {
    const real = await realSettings();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'zh-CN' },
    });
    expect(await screen.findByRole('heading', { name: 'RoomCall 设置' })).toBeTruthy();
    await waitFor(() => {
      expect(document.title).toBe('RoomCall - 设置');
    });
    expect(real.requestsTo('updateSettings')).toEqual([{ language: 'zh-CN' }]);
    await waitFor(async () => {
      expect((await savedSettings(real)).language).toBe('zh-CN');
    });
    await waitFor(() => {
      expect(document.documentElement.lang).toBe('zh-CN');
    });
  });

  it('records a global shortcut from a key press, and removes it', async () => {
    const real = await realSettings();
    const box = screen.getByRole('textbox', { name: 'Global shortcut' });
    fireEvent.focus(box);
    fireEvent.keyDown(box, { key: 'r', code: 'KeyR' });
    expect(
      screen.getByText('Use at least one of Ctrl, Alt, Shift or ⌘ with the key.'),
    ).toBeTruthy();
    fireEvent.keyDown(box, { key: 'R', code: 'KeyR', ctrlKey: true, shiftKey: true });
    await waitFor(async () => {
      expect((await savedSettings(real)).globalShortcut).toBe('CommandOrControl+Shift+R');
    });
    expect(real.requestsTo('updateSettings')).toEqual([
      { globalShortcut: 'CommandOrControl+Shift+R' },
    ]);
    expect((box as HTMLInputElement).value).toBe('Ctrl+Shift+R');
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(async () => {
      expect((await savedSettings(real)).globalShortcut).toBeNull();
    });
  });

  it('checks the API base URL before saving it', async () => {
    const real = await realSettings();
    const field = screen.getByLabelText('API base URL');
    fireEvent.input(field, { target: { value: 'ftp://example.com' } });
    expect(
      screen.getByText('Enter an http or https URL such as https://api.meeting.qq.com.'),
    ).toBeTruthy();
    fireEvent.input(field, { target: { value: 'https://meeting.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => {
      expect((await savedSettings(real)).baseUrl).toBe('https://meeting.example.com');
    });
    expect(real.requestsTo('updateSettings')).toEqual([{ baseUrl: 'https://meeting.example.com' }]);
  });

  it('logs out only after a confirmation, and main forgets the credentials', async () => {
    const real = await realSettings();
    fireEvent.click(screen.getByRole('button', { name: 'Log out…' }));
    const dialog = screen.getByRole('dialog', { name: 'Log out of RoomCall?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(real.requestsTo('logout')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Log out…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Log out' }));
    expect(
      await screen.findByText('Logged out. The credentials were removed from the keychain.'),
    ).toBeTruthy();
    expect(real.requestsTo('logout')).toHaveLength(1);
    expect(real.harness.store.profiles()).toEqual([]);
  });

  it('says credentials from the environment are changed there', async () => {
    const real = await withRealBridge({
      configured: false,
      env: (sim) => ({
        WEMEET_APP_ID: sim.credentials.appId,
        WEMEET_SECRET_ID: sim.credentials.secretId,
        WEMEET_SECRET_KEY: sim.credentials.secretKey,
        WEMEET_OPERATOR_ID: sim.operatorId,
        WEMEET_BASE_URL: sim.baseUrl,
      }),
    });
    await renderSettings(real);
    expect(await screen.findByText('Set by environment variables; change them there')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Replace credentials' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Log out…' })).toBeNull();
  });

  it('shows the settings the organisation locked read-only', async () => {
    const real = await withRealBridge({
      rooms: 8,
      managed: managedConfig({
        settings: { language: 'en', globalShortcut: null },
        locked: ['language', 'baseUrl', 'globalShortcut'],
      }),
    });
    await renderSettings(real);
    await screen.findByRole('heading', { name: 'RoomCall Settings' });
    await waitFor(() => {
      expect(screen.getAllByText('Set by your organisation')).toHaveLength(3);
    });
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Language' }).disabled).toBe(
      true,
    );
    expect(screen.getByLabelText<HTMLInputElement>('API base URL').readOnly).toBe(true);
    expect((await real.harness.ok('getSettings')).locked).toEqual(
      expect.arrayContaining(['language', 'baseUrl', 'globalShortcut']),
    );
  });

  it('does not offer launch at login on Linux, which has no login item', async () => {
    // The harness's app runs as on Linux.
    await realSettings();
    expect(screen.queryByRole('checkbox', { name: 'Open RoomCall when I log in' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Global shortcut' })).toBeTruthy();
  });

  it('follows a change saved by another window', async () => {
    const real = await realSettings();
    await real.harness.ok('updateSettings', { language: 'zh-CN' });
    expect(await screen.findByRole('heading', { name: 'RoomCall 设置' })).toBeTruthy();
  });

  it('copies diagnostics in Chinese', async () => {
    const real = await withRealBridge({ rooms: 8 });
    await real.harness.ok('updateSettings', { language: 'zh-CN' });
    await renderSettings(real);
    fireEvent.click(await screen.findByRole('button', { name: '复制诊断信息' }));
    expect(await screen.findByText('已复制到剪贴板。')).toBeTruthy();
    expect(real.harness.clipboard).toHaveLength(1);
  });
  it('copies diagnostics through main, not the page’s clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      const real = await realSettings();
      fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
      expect(await screen.findByText('Copied to the clipboard.')).toBeTruthy();
      expect(real.requestsTo('copyDiagnostics')).toHaveLength(1);
      expect(real.harness.clipboard[0]).toContain('RoomCall');
      // Main copied it, and no secret went with it.
      expect(real.harness.clipboard[0]).not.toContain(real.harness.sim.credentials.secretKey);
      expect(writeText).not.toHaveBeenCalled();
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });
});

describe('store warnings (the real app over the simulator)', () => {
  /** A favorites.json with one invalid favourite (a name over 100 characters), read by main. */
  async function damagedFavorites(language: 'en' | 'zh-CN'): Promise<RealBridge> {
    const real = await withRealBridge({ rooms: 8 });
    await real.harness.ok('updateSettings', { language });
    const room = (id: string, label: string | null) => ({
      id: `r${id}`,
      kind: 'room',
      meetingRoomId: id,
      name: `Room ${id}`,
      location: '',
      label,
    });
    await writeFile(
      path.join(real.harness.dataDir, 'favorites.json'),
      JSON.stringify({ version: 1, items: [room('1', null), room('2', 'L'.repeat(101))] }),
    );
    await real.harness.ok('listFavorites');
    await renderSettings(real);
    return real;
  }

  async function seenFiles(real: RealBridge): Promise<string[]> {
    return (await readdir(real.harness.dataDir)).filter((name) => name.endsWith('.seen'));
  }

  it('dismisses them, main marks them seen, and the heading takes the focus', async () => {
    const real = await damagedFavorites('en');
    expect(await screen.findByText('Some local files were damaged and set aside')).toBeTruthy();
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    fireEvent.click(dismiss);
    await waitFor(() => {
      expect(screen.queryByText('Some local files were damaged and set aside')).toBeNull();
    });
    expect(real.requestsTo('dismissWarnings')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    await waitFor(() => {
      expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
    });
    expect(await seenFiles(real)).toHaveLength(1);
    expect((await real.harness.ok('getAppState')).warnings).toEqual([]);
  });

  it('speaks Chinese', async () => {
    const real = await damagedFavorites('zh-CN');
    expect(await screen.findByText('部分本地文件已损坏并被移至别处')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    await waitFor(() => {
      expect(screen.queryByText('部分本地文件已损坏并被移至别处')).toBeNull();
    });
    expect(real.requestsTo('dismissWarnings')).toHaveLength(1);
  });
});

// A disk that refuses the acknowledgement, once: the real store cannot be made to fail on
// demand.
