import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { ipcError } from '../fake-bridge';
import { settle, withBridge, withRealBridge } from '../setup';

/** Types `text` as the meeting in a Chinese popover; returns the alert that comes up. */
async function typeInChinese(text: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: '更改会议' }));
  fireEvent.input(screen.getByRole('textbox', { name: '会议号或会议链接' }), {
    target: { value: text },
  });
  fireEvent.click(screen.getByRole('button', { name: '使用' }));
  return screen.findByRole('alert');
}

/** A typed meeting the real app (over the simulator) refuses, in the popover's language. */
async function typeMeetingForReal(text: string): Promise<HTMLElement> {
  const real = await withRealBridge({ rooms: 8 });
  await real.harness.ok('updateSettings', { language: 'zh-CN' });
  render(<PopoverApp />);
  return typeInChinese(text);
}

/** The same with the double answering the refusal main would give. */
async function typeMeeting(text: string, refusal: (text: string) => string) {
  const fake = withBridge((world) => {
    world.settings.settings.language = 'zh-CN';
  });
  // As main answers: the parser's message in the window's language.
  fake.respond('setMeeting', (request) => ({
    ok: false,
    error: ipcError('validation', null, refusal(request.text)),
  }));
  render(<PopoverApp />);
  await settle();
  return typeInChinese(text);
}

describe('meeting editor in Chinese', () => {
  it("shows why a typed code was refused in Chinese, as the page's language", async () => {
    const alert = await typeMeetingForReal('806-146');
    // The headline: the specific sentence first (issue 14).
    const detail = alert.querySelector('.notice-title');
    expect(detail?.textContent).toBe('会议号为 9 位数字，“806-146”有 6 位。');
    expect(detail?.getAttribute('lang')).toBeNull();
  });

  it("says what to paste instead when a join link is none of the operator's meetings", async () => {
    const link = 'https://meeting.tencent.com/dm/NoSuchMeeting9';
    // The simulator's operator has no meeting with that link.
    const alert = await typeMeetingForReal(link);
    const detail = alert.querySelector('.notice-title');
    expect(detail?.textContent).toContain(`入会链接“${link}”不属于`);
    expect(detail?.textContent).toContain('请改为粘贴 9 位会议号（例如 806-146-667）');
    expect(detail?.getAttribute('lang')).toBeNull();
  });

  // Main answers a Chinese window in Chinese: an English sentence (one main has no Chinese
  // for) is the double's.
  it('still marks an English sentence from main as English', async () => {
    const alert = await typeMeeting('806-146', () => 'The request was not valid: text: too long.');
    expect(alert.querySelector('.notice-detail')?.getAttribute('lang')).toBe('en');
  });
});
