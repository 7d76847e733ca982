import { fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsApp } from '../../../renderer/src/settings/settings-app';
import { ipcError } from '../fake-bridge';
import { push, settle, withBridge } from '../setup';

async function renderSettings<B>(bridge: B): Promise<B> {
  render(<SettingsApp />);
  await settle();
  await settle();
  return bridge;
}

function onPlatform(platform: 'darwin' | 'win32' | 'linux' | 'web') {
  return withBridge((world) => {
    world.appState.platform = platform;
  });
}

/**
 * What the real app over the simulator cannot show on demand, each said at the test: the
 * double plays main's answer.
 */
describe('settings (FakeBridge)', () => {
  // Error codes chosen by the test: the window's words and help topic for each.
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

  // A code Tencent does not document, with main's own sentence and next step.
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

  // The harness's app reports a fixed system locale (en-US) and platform (linux).
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

  // The harness's app runs as on Linux, which has no login item.
  it('toggles launch at login', async () => {
    const fake = await renderSettings(onPlatform('win32'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Open RoomCall when I log in' }));
    await settle();
    expect(fake.requestsTo('updateSettings')).toEqual([{ launchAtLogin: true }]);
  });

  // Locked on macOS, where launch at login is offered: the harness's app runs as on Linux (the
  // real app's locks are tested in settings.test.tsx).
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

  // The harness's credential store is in memory: it is never unavailable.
  it('warns about an unavailable keychain', async () => {
    await renderSettings(
      withBridge((world) => {
        world.appState.keychain = { available: false, message: 'no Secret Service' };
      }),
    );
    expect(screen.getByText('The system keychain is not available')).toBeTruthy();
  });

  // The harness's app runs as on Linux.
  it('does not offer launch at login in the web preview', async () => {
    await renderSettings(onPlatform('web'));
    expect(screen.queryByRole('checkbox', { name: 'Open RoomCall when I log in' })).toBeNull();
  });

  it('offers launch at login on macOS', async () => {
    await renderSettings(onPlatform('darwin'));
    expect(screen.getByRole('checkbox', { name: 'Open RoomCall when I log in' })).toBeTruthy();
  });

  // The harness's app runs as on Linux, which has no login item.
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

  // Main could not copy (the web preview's answer), or could not make the report: answers
  // the Electron shell's real clipboard never gives.
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
});

describe('store warnings (FakeBridge)', () => {
  const rejected = '/data/favorites.rejected-2026-12-03T10-00-00-000Z.json';
  const withWarning = (language: 'en' | 'zh-CN' = 'en') =>
    withBridge((world) => {
      world.settings.settings.language = language;
      world.appState.warnings = [
        { file: '/data/favorites.json', message: `1 favourite was invalid. Kept in ${rejected}` },
      ];
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
});
