/**
 * The Settings window's API base URL field (issue 13 item 7): a plain-http address off this
 * computer is marked at once, in the window's language, with why (the SecretId and signatures
 * would travel in clear text) and what to use; Save stays off, so nothing reaches main.
 * Loopback over http (the simulator, a local proxy) is still taken.
 */
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SettingsApp } from '../../../renderer/src/settings/settings-app';
import type { RealBridge } from '../real-bridge';
import { settle, waitFor, withRealBridge } from '../setup';

/** The Settings window over the real app over the simulator, in `language`. */
async function renderSettings(language: 'en' | 'zh-CN' = 'en'): Promise<RealBridge> {
  const real = await withRealBridge({ rooms: 8 });
  await real.harness.ok('updateSettings', { language });
  render(<SettingsApp />);
  // The page is ready once main's settings fill the field.
  await screen.findByLabelText(language === 'en' ? 'API base URL' : 'API 地址');
  return real;
}

async function savedBaseUrl(real: RealBridge): Promise<string> {
  return (await real.harness.ok('getSettings')).settings.baseUrl;
}

function field(label: string): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(label);
}

describe('Settings: the API base URL must be https off this computer', () => {
  it('English: says why and what to use; Save stays off and nothing is sent', async () => {
    const real = await renderSettings();
    const before = await savedBaseUrl(real);
    fireEvent.input(field('API base URL'), { target: { value: 'http://meeting.example.com' } });
    const problem = document.getElementById('base-url-problem');
    expect(problem?.textContent).toContain('Use an https:// address.');
    expect(problem?.textContent).toContain(
      'the SecretId and request signatures would travel in clear text',
    );
    expect(problem?.textContent).toContain('Use https://api.meeting.qq.com');
    expect(field('API base URL').getAttribute('aria-invalid')).toBe('true');
    const save = screen.getByRole<HTMLButtonElement>('button', { name: 'Save' });
    expect(save.disabled).toBe(true);
    fireEvent.submit(save.closest('form') as HTMLFormElement);
    await settle();
    expect(real.requestsTo('updateSettings')).toEqual([]);
    expect(await savedBaseUrl(real)).toBe(before);
  });

  it('English: http to loopback is taken and saved', async () => {
    const real = await renderSettings();
    fireEvent.input(field('API base URL'), { target: { value: 'http://127.0.0.1:8787' } });
    expect(document.getElementById('base-url-problem')?.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // Main takes it too (its own check agrees: loopback over http is allowed).
    await waitFor(async () => {
      expect(await savedBaseUrl(real)).toBe('http://127.0.0.1:8787');
    });
    expect(real.requestsTo('updateSettings')).toEqual([{ baseUrl: 'http://127.0.0.1:8787' }]);
  });

  it('Chinese: the same reason in Chinese, nothing sent', async () => {
    const real = await renderSettings('zh-CN');
    fireEvent.input(field('API 地址'), { target: { value: 'http://10.0.0.5:8080' } });
    const problem = document.getElementById('base-url-problem');
    expect(problem?.textContent).toContain('请使用 https:// 地址。');
    expect(problem?.textContent).toContain('SecretId 和请求签名以明文传输');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: '保存' }).disabled).toBe(true);
    expect(real.requestsTo('updateSettings')).toEqual([]);
  });
});
