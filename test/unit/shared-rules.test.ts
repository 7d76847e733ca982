import { describe, expect, it } from 'vitest';
import { settingsSchema } from '../../main/shared/model/settings-schema';
import { dateFromSeconds } from '../../main/shared/rules/api-time';
import { DEFAULT_BASE_URL, isBaseUrl } from '../../main/shared/rules/base-url';
import { formatMeetingCode } from '../../main/shared/rules/meeting-code';
import { targetKey } from '../../main/shared/rules/targets';
import { callTargetName, favoriteDisplayName } from '../../main/shared/rules/favorites';

// The rules main and the windows share (main/shared/rules). The settings window marks a base
// URL with isBaseUrl; the settings file's schema must refuse exactly what it marks.
describe('base URL', () => {
  const accepted = [DEFAULT_BASE_URL, 'http://127.0.0.1:8080', 'https://meet.example.cn/api/'];
  const refused = [
    '',
    'api.meeting.qq.com',
    'ftp://example.com',
    'https://exa\nmple.com',
    'wemeet://x',
  ];

  it.each(accepted)('accepts %j in the window and in the settings file', (text) => {
    expect(isBaseUrl(text)).toBe(true);
    expect(settingsSchema.safeParse({ baseUrl: text }).success).toBe(true);
  });

  it.each(refused)('refuses %j in the window and in the settings file', (text) => {
    expect(isBaseUrl(text)).toBe(false);
    expect(settingsSchema.safeParse({ baseUrl: text }).success).toBe(false);
  });

  it('is the default of the settings file', () => {
    expect(settingsSchema.parse({}).baseUrl).toBe(DEFAULT_BASE_URL);
  });
});

describe('targetKey', () => {
  it('gives a SIP address the same key with or without sip: and in any case', () => {
    const a = targetKey({ kind: 'mra', protocol: 'sip', dialString: 'SIP:Room@VC.example.com' });
    const b = targetKey({ kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com' });
    expect(a).toBe(b);
  });

  it('keeps an H.323 address apart from the same text over SIP, and rooms by ID', () => {
    const h323 = targetKey({ kind: 'mra', protocol: 'h323', dialString: '10.0.0.1' });
    expect(h323).not.toBe(targetKey({ kind: 'mra', protocol: 'sip', dialString: '10.0.0.1' }));
    expect(targetKey({ kind: 'room', meetingRoomId: '10.0.0.1' })).not.toBe(h323);
  });
});

describe('favoriteDisplayName', () => {
  it('shows the label, else the room name, else the room ID or dial string', () => {
    const room = { kind: 'room', name: '长城', meetingRoomId: '123' } as const;
    expect(favoriteDisplayName({ ...room, label: 'Board' })).toBe('Board');
    expect(favoriteDisplayName({ ...room, label: null })).toBe('长城');
    expect(favoriteDisplayName({ ...room, name: '', label: null })).toBe('123');
    expect(favoriteDisplayName({ kind: 'mra', dialString: 'a@b', label: null })).toBe('a@b');
  });
});

describe('formatMeetingCode', () => {
  it('groups 9 digits and leaves anything else alone', () => {
    expect(formatMeetingCode('806146667')).toBe('806-146-667');
    expect(formatMeetingCode('1234567890')).toBe('1234567890');
  });
});

describe('dateFromSeconds', () => {
  it("reads the API's decimal seconds, and gives null for none, 0 or text", () => {
    expect(dateFromSeconds('1717400000')?.toISOString()).toBe('2024-06-03T07:33:20.000Z');
    expect([null, '', '0', 'soon', '-5'].map((value) => dateFromSeconds(value))).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('callTargetName', () => {
  it('names a room by its name, else its ID, and an address by its label, else its dial string', () => {
    expect(callTargetName({ kind: 'room', name: '长城', meetingRoomId: '1' })).toBe('长城');
    expect(callTargetName({ kind: 'room', name: '', meetingRoomId: '1' })).toBe('1');
    expect(callTargetName({ kind: 'mra', label: 'Lobby', dialString: 'a@b' })).toBe('Lobby');
    expect(callTargetName({ kind: 'mra', label: null, dialString: 'a@b' })).toBe('a@b');
  });
});
