import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsApp } from '../../../renderer/src/settings/settings-app';
import { ipcError, type FakeBridge } from '../fake-bridge';
import { push, settle, withBridge } from '../setup';

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

function onPlatform(platform: 'darwin' | 'win32' | 'linux' | 'web') {
  return withBridge((world) => {
    world.appState.platform = platform;
  });
}

function type(label: string | RegExp, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe('onboarding', () => {
  it('walks through credentials, a connection test and on to the picker', async () => {
    const fake = await renderSettings(unconfigured());
    expect(screen.getByRole('heading', { name: 'Set up RoomCall' })).toBeTruthy();
    const steps = screen.getByRole('list', { name: 'Setup steps' });
    expect(within(steps).getAllByRole('listitem')[0]?.getAttribute('aria-current')).toBe('step');

    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await settle();
    expect(screen.getByText('Enter the AppId.')).toBeTruthy();
    expect(document.activeElement?.id).toBe('cred-appId');
    expect(fake.requestsTo('saveCredentials')).toHaveLength(0);

    type('AppId', ' 200000001 ');
    type(/SecretId/, 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE');
    type('SecretKey', 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE');
    type('Operator userid', 'tester1');
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await settle();
    expect(fake.requestsTo('saveCredentials')).toEqual([
      {
        appId: '200000001',
        sdkId: null,
        secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
        secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
        operatorId: 'tester1',
      },
    ]);

    expect(screen.getByRole('heading', { name: 'Test the connection' })).toBeTruthy();
    expect(screen.getByText('Saved, SecretId ending …PLE')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await settle();
    expect(screen.getByText('Connected')).toBeTruthy();
    expect(
      screen.getByText(/4 meeting rooms, 1 of the operator’s meetings in progress/),
    ).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));
    fireEvent.click(screen.getByRole('button', { name: 'Choose rooms' }));
    await settle();
    expect(fake.requestsTo('openWindow')).toEqual([{ window: 'picker' }]);
    // Onboarding done: the ordinary settings page, which never shows the secret.
    expect(screen.getByRole('heading', { name: 'RoomCall Settings' })).toBeTruthy();
    expect(document.title).toBe('RoomCall - Settings');
    expect(document.body.textContent).not.toContain('Gu5t9xGARNpq86cd98joQYCN3EXAMPLE');
  });

  it('explains a failed test in words, with the server’s code and what to do', async () => {
    const fake = unconfigured();
    fake.respond('testConnection', () => ({
      ok: false,
      error: ipcError('api', 190300, 'timestamp out of range'),
    }));
    await renderSettings(fake);
    type('AppId', '200000001');
    type(/SecretId/, 'AKID');
    type('SecretKey', 'key');
    type('Operator userid', 'tester1');
    fireEvent.click(screen.getByRole('button', { name: 'Save and continue' }));
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Your computer’s clock is off');
    expect(alert.textContent).toContain('Error code 190300');
    expect(alert.textContent).toContain('turn on automatic date and time');
    fireEvent.click(within(alert).getByRole('button', { name: 'How to fix this' }));
    await settle();
    expect(fake.requestsTo('openHelp')).toEqual([{ topic: 'clock' }]);
  });

  it.each([
    [9042, 'The app is not allowed to do this', 'permissions'],
    [190303, 'The AppId, SdkId or SecretId was not accepted', 'credentials'],
  ] as const)('explains error %i', async (code, title, topic) => {
    const fake = withBridge();
    fake.respond('testConnection', () => ({ ok: false, error: ipcError('api', code) }));
    await renderSettings(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(title);
    expect(alert.textContent).toContain(`Error code ${String(code)}`);
    fireEvent.click(within(alert).getByRole('button', { name: 'How to fix this' }));
    await settle();
    expect(fake.requestsTo('openHelp')).toEqual([{ topic }]);
  });

  it('shows main’s sentence and its next step for a code without words of its own', async () => {
    const fake = withBridge();
    const message =
      'Tencent Meeting refused GET /v1/users/tester1: the request was not accepted (HTTP 400, error 123456)';
    const hint =
      'Check the settings (AppId, SecretId, SdkId, operator) and what was asked, then try again.';
    fake.respond('testConnection', () => ({
      ok: false,
      error: { kind: 'api', code: 123456, message, hint },
    }));
    await renderSettings(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Tencent Meeting refused the request');
    const details = [...alert.querySelectorAll('.notice-detail')].map((p) => p.textContent);
    expect(details).toEqual([message, hint]);
  });

  it('explains a network failure', async () => {
    const fake = withBridge();
    fake.respond('testConnection', () => ({ ok: false, error: ipcError('network') }));
    await renderSettings(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Test connection' }));
    await settle();
    expect(screen.getByRole('alert').textContent).toContain('Cannot reach Tencent Meeting');
  });
});

describe('settings', () => {
  it('shows saved credentials without any secret, and replaces them with empty secret fields', async () => {
    const fake = await renderSettings(withBridge());
    expect(screen.getByText('Saved, SecretId ending …7QX')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Replace credentials' }));
    expect(screen.getByLabelText<HTMLInputElement>('AppId').value).toBe('200000001');
    const secretKey = screen.getByLabelText<HTMLInputElement>('SecretKey');
    expect(secretKey.type).toBe('password');
    expect(secretKey.value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>(/SecretId/).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(fake.requestsTo('saveCredentials')).toHaveLength(0);
  });

  it('changes the language, and the page follows', async () => {
    const fake = await renderSettings(withBridge());
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'zh-CN' },
    });
    await settle();
    expect(fake.requestsTo('updateSettings')).toEqual([{ language: 'zh-CN' }]);
    expect(screen.getByRole('heading', { name: 'RoomCall 设置' })).toBeTruthy();
    expect(document.title).toBe('RoomCall - 设置');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('offers the system language by name', async () => {
    await renderSettings(
      withBridge((world) => {
        world.appState.systemLocale = 'zh-CN';
        world.settings.settings.language = 'system';
      }),
    );
    expect(screen.getByRole('option', { name: '跟随系统（简体中文）' })).toBeTruthy();
    expect(screen.getByRole('option', { name: 'English' })).toBeTruthy();
  });

  it('toggles launch at login', async () => {
    const fake = await renderSettings(onPlatform('win32'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Open RoomCall when I log in' }));
    await settle();
    expect(fake.requestsTo('updateSettings')).toEqual([{ launchAtLogin: true }]);
  });

  it('records a global shortcut from a key press, and removes it', async () => {
    const fake = await renderSettings(withBridge());
    const box = screen.getByRole('textbox', { name: 'Global shortcut' });
    fireEvent.focus(box);
    fireEvent.keyDown(box, { key: 'r', code: 'KeyR' });
    expect(
      screen.getByText('Use at least one of Ctrl, Alt, Shift or ⌘ with the key.'),
    ).toBeTruthy();
    fireEvent.keyDown(box, { key: 'R', code: 'KeyR', ctrlKey: true, shiftKey: true });
    await settle();
    expect(fake.requestsTo('updateSettings')).toEqual([
      { globalShortcut: 'CommandOrControl+Shift+R' },
    ]);
    expect((box as HTMLInputElement).value).toBe('Ctrl+Shift+R');
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await settle();
    expect(fake.requestsTo('updateSettings').at(-1)).toEqual({ globalShortcut: null });
  });

  it('checks the API base URL before saving it', async () => {
    const fake = await renderSettings(withBridge());
    const field = screen.getByLabelText('API base URL');
    fireEvent.input(field, { target: { value: 'ftp://example.com' } });
    expect(
      screen.getByText('Enter an http or https URL such as https://api.meeting.qq.com.'),
    ).toBeTruthy();
    fireEvent.input(field, { target: { value: 'https://meeting.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await settle();
    expect(fake.requestsTo('updateSettings')).toEqual([{ baseUrl: 'https://meeting.example.com' }]);
  });

  it('shows locked settings read-only, set by the organisation', async () => {
    await renderSettings(
      withBridge((world) => {
        world.appState.platform = 'darwin';
        world.settings = {
          ...world.settings,
          locked: ['language', 'launchAtLogin', 'baseUrl', 'globalShortcut'],
        };
      }),
    );
    expect(screen.getAllByText('Set by your organisation')).toHaveLength(4);
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Language' }).disabled).toBe(
      true,
    );
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Open RoomCall when I log in' })
        .disabled,
    ).toBe(true);
    expect(screen.getByLabelText<HTMLInputElement>('API base URL').readOnly).toBe(true);
  });

  it('logs out only after a confirmation', async () => {
    const fake = await renderSettings(withBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Log out…' }));
    const dialog = screen.getByRole('dialog', { name: 'Log out of RoomCall?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(fake.requestsTo('logout')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Log out…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Log out' }));
    await settle();
    expect(fake.requestsTo('logout')).toHaveLength(1);
    expect(
      screen.getByText('Logged out. The credentials were removed from the keychain.'),
    ).toBeTruthy();
  });

  it('says credentials from the environment are changed there', async () => {
    await renderSettings(
      withBridge((world) => {
        world.appState.credentials = {
          appId: '1',
          sdkId: null,
          secretIdHint: '…ABC',
          source: 'environment',
        };
      }),
    );
    expect(screen.getByText('Set by environment variables; change them there')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Replace credentials' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Log out…' })).toBeNull();
  });

  it('warns about an unavailable keychain', async () => {
    await renderSettings(
      withBridge((world) => {
        world.appState.keychain = { available: false, message: 'no Secret Service' };
      }),
    );
    expect(screen.getByText('The system keychain is not available')).toBeTruthy();
  });

  it('does not offer launch at login on Linux, which has no login item', async () => {
    await renderSettings(onPlatform('linux'));
    expect(screen.queryByRole('checkbox', { name: 'Open RoomCall when I log in' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Global shortcut' })).toBeTruthy();
  });

  it('does not offer launch at login in the web preview', async () => {
    await renderSettings(onPlatform('web'));
    expect(screen.queryByRole('checkbox', { name: 'Open RoomCall when I log in' })).toBeNull();
  });

  it('offers launch at login on macOS', async () => {
    await renderSettings(onPlatform('darwin'));
    expect(screen.getByRole('checkbox', { name: 'Open RoomCall when I log in' })).toBeTruthy();
  });

  it('follows settingsChanged from other windows', async () => {
    const fake = await renderSettings(onPlatform('win32'));
    await push(fake, 'settingsChanged', {
      ...fake.world.settings,
      settings: { ...fake.world.settings.settings, launchAtLogin: true },
    });
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Open RoomCall when I log in' })
        .checked,
    ).toBe(true);
  });
});

describe('copy diagnostics', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  afterEach(() => {
    if (original === undefined) Reflect.deleteProperty(navigator, 'clipboard');
    else Object.defineProperty(navigator, 'clipboard', original);
  });

  /** The page's own navigator.clipboard, as the test wants it to behave. */
  function pageClipboard(writeText: (text: string) => Promise<void>) {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  }

  it('says copied once main put the report on the clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    pageClipboard(writeText);
    const fake = await renderSettings(withBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await settle();
    expect(fake.requestsTo('copyDiagnostics')).toHaveLength(1);
    expect(screen.getByText('Copied to the clipboard.')).toBeTruthy();
    // Main copied it: the page's clipboard is not touched.
    expect(writeText).not.toHaveBeenCalled();
  });

  it('copies with the page’s clipboard where main cannot (web preview)', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    pageClipboard(writeText);
    const fake = withBridge();
    fake.respond('copyDiagnostics', () => ({
      ok: true,
      data: { report: 'RoomCall diagnostics\n', copied: false },
    }));
    await renderSettings(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await settle();
    expect(writeText).toHaveBeenCalledExactlyOnceWith('RoomCall diagnostics\n');
    expect(screen.getByText('Copied to the clipboard.')).toBeTruthy();
  });

  it('shows the report to copy by hand when no clipboard can be reached', async () => {
    pageClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const fake = withBridge();
    fake.respond('copyDiagnostics', () => ({
      ok: true,
      data: { report: 'RoomCall diagnostics\nApp version: 1.0.0\n', copied: false },
    }));
    await renderSettings(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await settle();
    expect(screen.queryByText('Copied to the clipboard.')).toBeNull();
    expect(
      screen.getByText('Could not reach the clipboard. Select the report below and copy it.'),
    ).toBeTruthy();
    expect(
      screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Diagnostics report' }).value,
    ).toBe('RoomCall diagnostics\nApp version: 1.0.0\n');
  });

  it('shows the error when the report could not be made, and copies on the next click', async () => {
    const fake = withBridge();
    fake.failOnce('copyDiagnostics', ipcError('internal'));
    await renderSettings(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await settle();
    expect(screen.getByRole('alert')).toBeTruthy();
    expect(screen.queryByText('Copied to the clipboard.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Copy diagnostics' }));
    await settle();
    expect(screen.getByText('Copied to the clipboard.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('speaks Chinese', async () => {
    await renderSettings(
      withBridge((world) => {
        world.settings.settings.language = 'zh-CN';
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: '复制诊断信息' }));
    await settle();
    expect(screen.getByText('已复制到剪贴板。')).toBeTruthy();
  });
});

describe('store warnings', () => {
  const rejected = '/data/favorites.rejected-2026-12-03T10-00-00-000Z.json';
  const withWarning = (language: 'en' | 'zh-CN' = 'en') =>
    withBridge((world) => {
      world.settings.settings.language = language;
      world.appState.warnings = [
        { file: '/data/favorites.json', message: `1 favourite was invalid. Kept in ${rejected}` },
      ];
    });

  it('dismisses them, and the heading takes the focus', async () => {
    const fake = await renderSettings(withWarning());
    expect(screen.getByText('Some local files were damaged and set aside')).toBeTruthy();
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    fireEvent.click(dismiss);
    await settle();
    expect(fake.requestsTo('dismissWarnings')).toHaveLength(1);
    expect(screen.queryByText('Some local files were damaged and set aside')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Dismiss' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1 }));
  });

  it('keeps them, and says why, when main cannot mark them seen', async () => {
    const fake = await renderSettings(withWarning());
    fake.failOnce('dismissWarnings', ipcError('storage', null, 'The disk is full.'));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await settle();
    expect(screen.getByText('Some local files were damaged and set aside')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Dismiss' })).toBeTruthy();
    expect(screen.getByRole('alert')).toBeTruthy();
  });

  it('speaks Chinese', async () => {
    const fake = await renderSettings(withWarning('zh-CN'));
    expect(screen.getByText('部分本地文件已损坏并被移至别处')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '知道了' }));
    await settle();
    expect(fake.requestsTo('dismissWarnings')).toHaveLength(1);
    expect(screen.queryByText('部分本地文件已损坏并被移至别处')).toBeNull();
  });
});
