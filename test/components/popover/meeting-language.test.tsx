import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { joinLinkOf, parseMeetingRef } from '../../../main/core/input/meeting-ref';
import { joinLinkNotFoundMessage } from '../../../main/core/meetings/join-link';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { ipcError } from '../fake-bridge';
import { settle, withBridge } from '../setup';

/** A typed meeting code main refuses: its message is shown in the popover's language. */
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
  await settle();
  fireEvent.click(screen.getByRole('button', { name: '更改会议' }));
  fireEvent.input(screen.getByRole('textbox', { name: '会议号或会议链接' }), {
    target: { value: text },
  });
  fireEvent.click(screen.getByRole('button', { name: '使用' }));
  await settle();
  return screen.getByRole('alert');
}

function zhRefusal(text: string): string {
  const parsed = parseMeetingRef(text, 'zh-CN');
  if (parsed.ok) throw new Error('expected a refusal');
  return parsed.message;
}

describe('meeting editor in Chinese', () => {
  it("shows why a typed code was refused in Chinese, as the page's language", async () => {
    const alert = await typeMeeting('806-146', zhRefusal);
    // The headline: the specific sentence first (issue 14).
    const detail = alert.querySelector('.notice-title');
    expect(detail?.textContent).toBe('会议号为 9 位数字，“806-146”有 6 位。');
    expect(detail?.getAttribute('lang')).toBeNull();
  });

  it("says what to paste instead when a join link is none of the operator's meetings", async () => {
    const link = 'https://meeting.tencent.com/dm/NoSuchMeeting9';
    const alert = await typeMeeting(link, (text) => {
      const ref = joinLinkOf(text);
      if (ref === null) throw new Error('expected a join link');
      return joinLinkNotFoundMessage(ref, 'zh-CN');
    });
    const detail = alert.querySelector('.notice-title');
    expect(detail?.textContent).toContain(`入会链接“${link}”不属于`);
    expect(detail?.textContent).toContain('请改为粘贴 9 位会议号（例如 806-146-667）');
    expect(detail?.getAttribute('lang')).toBeNull();
  });

  it('still marks an English sentence from main as English', async () => {
    const alert = await typeMeeting('806-146', () => 'The request was not valid: text: too long.');
    expect(alert.querySelector('.notice-detail')?.getAttribute('lang')).toBe('en');
  });
});
