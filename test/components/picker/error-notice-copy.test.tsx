import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { LocaleContext, type Locale } from '../../../renderer/src/i18n/locale';
import { ErrorNotice } from '../../../renderer/src/ui/error-notice';
import type { IpcError } from '../../../main/shared/ipc/contract';
import { withBridge } from '../setup';

/**
 * Issue 14 item 7: an error notice leads with the specific sentence in the page's language,
 * then what to do; the server's own (English) text and the code under "Details"; and a code
 * is worded for the request that failed (10002 on the room list is not the call's status).
 */

function show(error: IpcError, locale: Locale = 'en') {
  withBridge();
  const { container } = render(
    <LocaleContext.Provider value={{ locale, intl: locale }}>
      <ErrorNotice error={error} />
    </LocaleContext.Provider>,
  );
  const body = container.querySelector('.notice-body');
  if (body === null) throw new Error('no notice');
  const details = body.querySelector('details');
  return {
    /** The visible lines, in order, outside the disclosure. */
    lines: Array.from(body.children)
      .filter((child) => child.tagName === 'P')
      .map((child) => child.textContent),
    details,
    summary: details?.querySelector('summary')?.textContent ?? null,
    inside: Array.from(details?.querySelectorAll('.notice-detail') ?? []).map((p) => ({
      text: p.textContent,
      lang: p.getAttribute('lang'),
    })),
  };
}

const listRefusal: IpcError = {
  kind: 'api',
  code: 10002,
  message:
    'Tencent Meeting refused GET /v1/meeting-rooms: Tencent could not query the room call status (HTTP 500, error 10002): "query status failed"',
  hint: 'Wait a few seconds, then try again.',
  request: 'rooms',
};

describe('error notice: the specific sentence first, details after', () => {
  it('words 10002 on the room list as the list, not the call, with the server’s text under Details', () => {
    const notice = show(listRefusal);
    expect(notice.lines).toEqual([
      'Tencent Meeting could not list the rooms',
      'Try again. If it keeps happening, give your administrator the error code.',
    ]);
    expect(notice.lines.join(' ')).not.toMatch(/call/i);
    expect(notice.details?.open).toBe(false);
    expect(notice.summary).toBe('DetailsError code 10002');
    expect(notice.inside).toEqual([{ text: listRefusal.message, lang: null }]);
  });

  it('keeps the call’s words for 10002 on a call', () => {
    const notice = show({ ...listRefusal, request: 'call' });
    expect(notice.lines[0]).toBe('The call’s status could not be read');
    expect(notice.lines[1]).toBe('Wait a few seconds, then try again.');
  });

  it('says the same in Chinese, with the English server text marked English under 详情', () => {
    const notice = show(listRefusal, 'zh-CN');
    expect(notice.lines).toEqual([
      '腾讯会议未能列出会议室',
      '请重试。如果问题持续，请将错误码告知管理员。',
    ]);
    expect(notice.summary).toBe('详情错误码 10002');
    expect(notice.inside).toEqual([{ text: listRefusal.message, lang: 'en' }]);
  });

  it('leads with the core’s own sentence for bad input, in the page’s language', () => {
    const sentence = '会议号为 9 位数字，“806-146”有 6 位。';
    const notice = show({ kind: 'validation', code: null, message: sentence, hint: null }, 'zh-CN');
    expect(notice.lines).toEqual([sentence, '请检查输入的内容。']);
    expect(notice.details).toBeNull();
  });

  it('puts an English sentence from main under 详情 on a Chinese page, with main’s advice', () => {
    const notice = show(
      {
        kind: 'network',
        code: null,
        message: 'Could not reach api.meeting.qq.com (ECONNREFUSED).',
        hint: 'Check the proxy settings.',
      },
      'zh-CN',
    );
    expect(notice.lines).toEqual(['无法连接腾讯会议', '请检查网络连接或代理设置，然后重试。']);
    expect(notice.summary).toBe('详情');
    expect(notice.inside).toEqual([
      { text: 'Could not reach api.meeting.qq.com (ECONNREFUSED).', lang: 'en' },
      { text: 'Check the proxy settings.', lang: 'en' },
    ]);
  });

  it('names the request for a code RoomCall has no words for', () => {
    const notice = show({ ...listRefusal, code: 123456, request: 'meetings' });
    expect(notice.lines[0]).toBe('Tencent Meeting could not look up the meeting');
    expect(notice.summary).toBe('DetailsError code 123456');
  });
});
