import { describe, expect, it } from 'vitest';
import { commonMessages } from '../../../renderer/src/i18n/common-messages';
import { resolveLocale } from '../../../renderer/src/i18n/locale';
import { dropIndex } from '../../../renderer/src/picker/use-drag-reorder';
import { describeError, shortError } from '../../../renderer/src/lib/error-copy';
import { formatMeetingTime } from '../../../renderer/src/lib/format';
import { RoomFilter, sortRooms } from '../../../renderer/src/picker/room-query';
import { SearchIndex } from '../../../renderer/src/lib/search-index';
import { acceleratorFromKey, formatAccelerator } from '../../../renderer/src/settings/shortcut';
import { popoverMessages } from '../../../renderer/src/popover/messages';
import { pickerMessages } from '../../../renderer/src/picker/messages';
import { settingsMessages } from '../../../renderer/src/settings/messages';
import { callText, isCallVisible } from '../../../renderer/src/ui/call-progress';
import { ipcError, ROOMS } from '../fake-bridge';
import { TENCENT_CODES, TENCENT_ERROR_CODES } from '../../../main/shared/tencent-error-codes';
import { formatMeetingCode } from '../../../main/shared/rules/meeting-code';
import { targetKey } from '../../../main/shared/rules/targets';
import { uiLanguage } from '../../../main/shared/rules/language';

const en = commonMessages.en;

describe('error copy', () => {
  it.each([
    [190300, 'clock'],
    [190303, 'credentials'],
    [9042, 'permissions'],
    [190315, 'permissions'],
  ] as const)('maps server code %i to its own words and help', (code, help) => {
    const copy = describeError(ipcError('api', code), en);
    expect(copy.title).toBe(en.codes[code].title);
    expect(copy.code).toBe(code);
    expect(copy.help).toBe(help);
  });

  it('words every code of the shared list in both languages, as the CLI does in English', () => {
    const zh = commonMessages['zh-CN'];
    for (const code of TENCENT_CODES) {
      const info = TENCENT_ERROR_CODES[code];
      const english = describeError(ipcError('api', code, 'Tencent Meeting refused …'), en);
      expect(english, String(code)).toMatchObject({
        title: info.title,
        hint: info.advice,
        code,
        // Main's sentence (with the server's words) under Details; its advice is the list's.
        detail: 'Tencent Meeting refused …',
        detailHint: null,
      });
      const chinese = describeError(ipcError('api', code), zh);
      expect(chinese.title, String(code)).toMatch(/\p{Script=Han}/u);
      expect(chinese.hint, String(code)).toMatch(/。$/);
    }
    // Once generic in the windows: the rate limits per interface and for meeting queries.
    expect(describeError(ipcError('api', 190313), en).title).not.toBe(en.errors.api.title);
    expect(describeError(ipcError('api', 9061), zh).title).toBe('会议查询过于频繁');
  });

  it('shows main’s next step under main’s own sentence, and only with it', () => {
    const unknownCode = {
      kind: 'api',
      message: 'Tencent Meeting refused GET /v1/x: the request was not accepted (HTTP 400)',
      code: 123456,
      hint: 'Check the settings (AppId, SecretId, SdkId, operator) and what was asked, then try again.',
    } as const;
    const copy = describeError(unknownCode, en);
    expect(copy.detail).toBe(unknownCode.message);
    expect(copy.detailHint).toBe(unknownCode.hint);
    const silent = { ...unknownCode, kind: 'network', code: null, message: '' } as const;
    expect(describeError(silent, en)).toMatchObject({ detail: null, detailHint: null });
  });

  it('falls back to the kind, and keeps the core’s sentence for input errors', () => {
    expect(describeError(ipcError('network'), en).title).toBe(en.errors.network.title);
    expect(describeError(ipcError('api', 123456), en).title).toBe(en.errors.api.title);
    // The core's sentence in the page's language is the headline; any other goes under Details.
    expect(
      describeError(ipcError('validation', null, 'A meeting code has 9 digits.'), en).title,
    ).toBe('A meeting code has 9 digits.');
    expect(describeError(ipcError('network', null, 'ECONNREFUSED'), en).detail).toBe(
      'ECONNREFUSED',
    );
  });

  it('says a busy file is another RoomCall saving it, not a broken disk, in both languages', () => {
    const error = ipcError('busy', null, 'Your change to the favourites was not saved: … is busy');
    const copy = describeError(error, en);
    expect(copy.title).toBe(en.errors.busy.title);
    expect(copy.title).not.toBe(en.errors.storage.title);
    expect(copy.hint).toContain('Try again in a moment');
    expect(copy).toMatchObject({ code: null, help: null, settings: false, detail: error.message });
    const zh = describeError(error, commonMessages['zh-CN']);
    expect(zh.title).toBe(commonMessages['zh-CN'].errors.busy.title);
    expect(zh.hint).toContain('稍后重试');
  });
});

describe('locale', () => {
  it('follows the system for "system", and keeps its region for Intl', () => {
    expect(resolveLocale('system', 'zh-CN')).toEqual({ locale: 'zh-CN', intl: 'zh-CN' });
    expect(resolveLocale('system', 'zh_TW')).toEqual({ locale: 'zh-CN', intl: 'zh-TW' });
    expect(resolveLocale('system', 'en-GB')).toEqual({ locale: 'en', intl: 'en-GB' });
    expect(resolveLocale('system', 'fr-FR')).toEqual({ locale: 'en', intl: 'en' });
    expect(resolveLocale('en', 'zh-CN')).toEqual({ locale: 'en', intl: 'en' });
    expect(resolveLocale('zh-CN', 'en-US')).toEqual({ locale: 'zh-CN', intl: 'zh-CN' });
    // POSIX spellings become tags Intl accepts.
    expect(resolveLocale('system', 'zh_CN.UTF-8')).toEqual({ locale: 'zh-CN', intl: 'zh-CN' });
    expect(resolveLocale('system', 'en_US.UTF-8@euro')).toEqual({ locale: 'en', intl: 'en-US' });
  });

  it('speaks the language main picks for the same setting and OS locale', () => {
    const tags = ['zh', 'zh-CN', 'zh-Hans-CN', 'ZH_tw', 'zh_CN.UTF-8', 'en-US', 'en', 'fr-FR', ''];
    for (const setting of ['system', 'en', 'zh-CN'] as const) {
      for (const tag of tags) {
        expect(resolveLocale(setting, tag).locale, `${setting} ${tag}`).toBe(
          uiLanguage(setting, tag),
        );
      }
    }
  });

  it('has every message in both languages', () => {
    const shape = (value: unknown): unknown =>
      typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
        : typeof value;
    for (const catalog of [commonMessages, popoverMessages, pickerMessages, settingsMessages]) {
      expect(shape(catalog['zh-CN'])).toEqual(shape(catalog.en));
    }
  });
});

describe('formatting', () => {
  it('groups a meeting code the way Tencent Meeting shows it', () => {
    expect(formatMeetingCode('806146667')).toBe('806-146-667');
    expect(formatMeetingCode('12345')).toBe('12345');
  });

  it('formats a meeting’s time range for the locale', () => {
    const start = new Date(2025, 5, 3, 10, 0);
    const end = new Date(2025, 5, 3, 11, 0);
    const seconds = (date: Date) => String(date.getTime() / 1000);
    expect(formatMeetingTime(seconds(start), seconds(end), 'en-US', start)).toMatch(
      /10:00\s*–\s*11:00\sAM/,
    );
    expect(formatMeetingTime(seconds(start), seconds(end), 'zh-CN', start)).toMatch(
      /10:00\s*–\s*11:00/,
    );
    expect(formatMeetingTime(null, null, 'en-US')).toBe('');
  });

  it('keeps a meeting of today that runs past midnight to its two times', () => {
    const seconds = (date: Date) => String(date.getTime() / 1000);
    const start = new Date(2025, 5, 3, 23, 30);
    const end = new Date(2025, 5, 4, 0, 30);
    const text = formatMeetingTime(seconds(start), seconds(end), 'en-US', start);
    expect(text).toMatch(/^11:30\sPM\s–\s12:30\sAM$/);
    expect(formatMeetingTime(seconds(start), seconds(end), 'zh-CN', start)).not.toMatch(/2025/);
    // Not today: the dates stay, they say which day.
    const earlier = new Date(2025, 5, 1, 9, 0);
    expect(formatMeetingTime(seconds(start), seconds(end), 'en-US', earlier)).toMatch(
      /Jun 3.*Jun 4/,
    );
  });

  it('keeps a meeting that began yesterday and ends today to its two times', () => {
    const seconds = (date: Date) => String(date.getTime() / 1000);
    const start = new Date(2025, 5, 3, 23, 37);
    const end = new Date(2025, 5, 4, 0, 37);
    const now = new Date(2025, 5, 4, 0, 7);
    expect(formatMeetingTime(seconds(start), seconds(end), 'en-US', now)).toMatch(
      /^11:37\sPM\s–\s12:37\sAM$/,
    );
  });

  it('shows an hour-long meeting in progress without a date at any time of day', () => {
    // The popover's header has room for the times only; a date pushes a favourite out of view
    // (what popover-layout.spec saw at 23:00 and again at 00:07).
    const seconds = (date: Date) => String(date.getTime() / 1000);
    for (let minute = 0; minute < 24 * 60; minute += 5) {
      const now = new Date(2025, 5, 3, 0, minute);
      const start = new Date(now.getTime() - 30 * 60_000);
      const end = new Date(now.getTime() + 30 * 60_000);
      for (const intl of ['en-US', 'zh-CN']) {
        const text = formatMeetingTime(seconds(start), seconds(end), intl, now);
        expect(text, `${intl} at ${now.toTimeString()}`).not.toMatch(/Jun|6月|2025/);
      }
    }
  });
});

describe('target keys', () => {
  it('treat sip:a@b and A@B as the same address', () => {
    expect(targetKey({ kind: 'mra', protocol: 'sip', dialString: 'sip:Room@VC.example.com' })).toBe(
      targetKey({ kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com' }),
    );
    expect(targetKey({ kind: 'room', meetingRoomId: '1' })).toBe('room:1');
  });
});

describe('room search', () => {
  it('narrows the previous answer on a longer query and re-scans on a shorter one', () => {
    const index = new SearchIndex(ROOMS);
    const filter = new RoomFilter(index);
    const sorted = sortRooms(ROOMS, 'name', 'en');
    const query = { text: 'ma', callableOnly: false, status: 'all', sort: 'name' } as const;
    expect(filter.apply(sorted, query).map((room) => room.name)).toEqual([
      'Marina One L12 Boardroom',
    ]);
    expect(filter.apply(sorted, { ...query, text: 'mar' })).toHaveLength(1);
    expect(filter.apply(sorted, { ...query, text: '' })).toHaveLength(ROOMS.length);
  });

  it('sorts Chinese names in pinyin order under zh', () => {
    const names = sortRooms(ROOMS, 'name', 'zh-CN').map((room) => room.name.slice(0, 2));
    expect(names).toEqual(['北京', '成都', '深圳', 'Ma']);
  });

  it('enriches keys with pinyin in slices', async () => {
    const index = new SearchIndex(ROOMS);
    await index.enrich(
      (text) => (text.includes('长城') ? 'changcheng' : ''),
      () => false,
      1,
    );
    const greatWall = ROOMS[1];
    if (greatWall === undefined) throw new Error('sample rooms changed');
    expect(index.matches(greatWall, ['changcheng'])).toBe(true);
    expect(index.generation).toBe(ROOMS.length);
  });
});

describe('shortcuts', () => {
  const key = (
    code: string,
    modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
  ) => ({
    key: code.replace(/^Key/, '').toLowerCase(),
    code,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...modifiers,
  });

  it('builds Electron accelerators from key codes', () => {
    expect(acceleratorFromKey(key('KeyR', { ctrlKey: true, shiftKey: true }), false)).toEqual({
      kind: 'shortcut',
      accelerator: 'CommandOrControl+Shift+R',
    });
    expect(acceleratorFromKey(key('KeyR', { metaKey: true, altKey: true }), true)).toEqual({
      kind: 'shortcut',
      accelerator: 'CommandOrControl+Alt+R',
    });
    expect(acceleratorFromKey(key('F9'), false)).toEqual({ kind: 'shortcut', accelerator: 'F9' });
    expect(acceleratorFromKey(key('KeyR', { shiftKey: true }), false)).toEqual({
      kind: 'needs-modifier',
    });
    expect(acceleratorFromKey({ ...key('Backspace'), key: 'Backspace' }, false)).toEqual({
      kind: 'clear',
    });
    expect(acceleratorFromKey({ ...key('ShiftLeft'), key: 'Shift' }, false)).toEqual({
      kind: 'ignore',
    });
  });

  it('shows accelerators the platform’s way', () => {
    expect(formatAccelerator('CommandOrControl+Shift+R', true)).toBe('⌘⇧R');
    expect(formatAccelerator('CommandOrControl+Shift+R', false)).toBe('Ctrl+Shift+R');
  });
});

describe('dropIndex (drag and drop reordering)', () => {
  it('moves to the gap, counting the row that leaves its place', () => {
    // Gaps of 4 movable rows: 0 before the first … 4 after the last.
    expect(dropIndex(3, 0, 4)).toBe(0);
    expect(dropIndex(0, 4, 4)).toBe(3);
    expect(dropIndex(0, 2, 4)).toBe(1);
    expect(dropIndex(2, 1, 4)).toBe(1);
  });

  it('does not move into either gap next to the row itself', () => {
    expect(dropIndex(1, 1, 4)).toBeNull();
    expect(dropIndex(1, 2, 4)).toBeNull();
  });

  it('keeps drops among the movable rows (never among the organisation’s)', () => {
    expect(dropIndex(0, 6, 4)).toBe(3);
    expect(dropIndex(2, -1, 4)).toBe(0);
  });
});

describe('call rows: how long a settled call is shown', () => {
  const base = {
    callId: 'c1',
    target: { kind: 'room' as const, meetingRoomId: '1', name: 'Lab', location: '' },
    favoriteId: null,
    meeting: null,
    settled: true,
    error: null,
    startedAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
  };
  const anHourLater = Date.parse('2026-01-01T10:00:00.000Z');

  it('"In the meeting" stays; a declined call gives the row back after 10 minutes', () => {
    expect(isCallVisible({ ...base, phase: 'accepted' }, anHourLater)).toBe(true);
    expect(isCallVisible({ ...base, phase: 'rejected' }, anHourLater)).toBe(false);
  });

  it('says "Checking…" for a lost reply and "In the meeting" for accepted, in both languages', () => {
    expect(commonMessages.en.phase.checking).toBe('Checking…');
    expect(commonMessages.en.phase.accepted).toBe('In the meeting');
    expect(commonMessages['zh-CN'].phase.checking).toBe('正在确认…');
    expect(commonMessages['zh-CN'].phase.accepted).toBe('已在会议中');
  });
});

describe('a refused call (10004) in words fit for what was called', () => {
  const refused = { kind: 'api' as const, message: 'call failed', code: 10004, hint: null };

  it('a room: offline or not allowed; an address: unreachable or needs the host', () => {
    expect(shortError(refused, commonMessages.en)).toBe('The room could not be called (10004)');
    expect(shortError(refused, commonMessages.en, 'mra')).toBe(
      'The address could not be called (10004)',
    );
    expect(shortError(refused, commonMessages['zh-CN'], 'mra')).toBe('无法呼叫该地址 (10004)');
    expect(describeError(refused, commonMessages.en, 'mra').hint).toContain('host or a co-host');
  });
});

describe('an unconfirmed call whose cancel was asked', () => {
  it('says why it could not be cancelled and what to do, in both languages', () => {
    const call = {
      callId: 'c2',
      target: { kind: 'room' as const, meetingRoomId: '1', name: 'Lab', location: '' },
      favoriteId: null,
      meeting: null,
      phase: 'unconfirmed' as const,
      settled: true,
      error: { kind: 'api' as const, message: 'could not be cancelled', code: null, hint: null },
      startedAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-01-01T09:00:00.000Z',
    };
    expect(callText(call, commonMessages.en)).toBe(
      'Unconfirmed (may be ringing): Not cancelled: Tencent Meeting needs the invite ID its lost reply carried. Decline the call on the device, or remove it from the meeting.',
    );
    expect(callText(call, commonMessages['zh-CN'])).toContain('未能取消');
    expect(callText({ ...call, error: null }, commonMessages.en)).toBe(
      'Unconfirmed (may be ringing)',
    );
  });
});
