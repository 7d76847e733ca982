import { describe, expect, it } from 'vitest';
import {
  describeMeetingRef,
  meetingRefSchema,
  parseMeetingRef,
} from '../../main/core/input/meeting-ref';
import { formatMeetingCode } from '../../main/shared/rules/meeting-code';

const code = (value: string) => ({ ok: true, value: { kind: 'code', code: value } });
const id = (value: string) => ({ ok: true, value: { kind: 'id', meetingId: value } });
const link = (host: string, token: string) => ({ ok: true, value: { kind: 'link', host, token } });
const refused = (message: string) => ({ ok: false, message });

const PASTE =
  "paste the 9-digit meeting code instead (e.g. 806-146-667), shown in the meeting's invitation and info panel.";
const ENTER = 'Enter a meeting code (9 digits, e.g. 806-146-667), a meeting ID or a join link.';

describe('parseMeetingRef: codes and IDs', () => {
  it.each([
    ['806146667', code('806146667')],
    ['806-146-667', code('806146667')],
    ['806 146 667', code('806146667')],
    ['  806-146-667\n', code('806146667')],
    ['806\u00a0146\u00a0667', code('806146667')],
    ['806–146–667', code('806146667')],
    ['８０６－１４６－６６７', code('806146667')],
    ['８０６\u3000１４６\u3000６６７', code('806146667')],
    ['\u200b806146667\ufeff', code('806146667')],
    ['006146667', code('006146667')],
    ['7567173273889276131', id('7567173273889276131')],
    ['18446744073709551615', id('18446744073709551615')],
  ])('accepts %j', (input, expected) => {
    expect(parseMeetingRef(input)).toEqual(expected);
  });

  it.each([
    ['', ENTER],
    ['   ', ENTER],
    ['80614666', "A meeting code has 9 digits; '80614666' has 8."],
    ['806-146-66', "A meeting code has 9 digits; '806-146-66' has 8."],
    ['806-146-6670', "A meeting code has 9 digits; '806-146-6670' has 10."],
    ['1234 5678 9012', "A meeting code has 9 digits; '1234 5678 9012' has 12."],
    [
      '123456789012345678901',
      "'123456789012345678901' has 21 digits: a meeting code has 9 (e.g. 806-146-667) and a meeting ID 19 or 20 (e.g. 7567173273889276131).",
    ],
    // Neither a code nor an ID as Tencent issues them: refused before any request.
    [
      '1234567890',
      "'1234567890' has 10 digits: a meeting code has 9 (e.g. 806-146-667) and a meeting ID 19 or 20 (e.g. 7567173273889276131).",
    ],
    [
      '756717327388927613',
      "'756717327388927613' has 18 digits: a meeting code has 9 (e.g. 806-146-667) and a meeting ID 19 or 20 (e.g. 7567173273889276131).",
    ],
    [
      '1234567890123',
      "'1234567890123' has 13 digits: a meeting code has 9 (e.g. 806-146-667) and a meeting ID 19 or 20 (e.g. 7567173273889276131).",
    ],
    ['80614x667', "'80614x667' is not a meeting code or meeting ID: 'x' is not a digit."],
    ['+806146667', "'+806146667' is not a meeting code or meeting ID: '+' is not a digit."],
    ['806.146.667', "'806.146.667' is not a meeting code or meeting ID: '.' is not a digit."],
    [
      'weekly sync',
      "'weekly sync' is not a meeting code, a meeting ID or a join link. A meeting code has 9 digits (e.g. 806-146-667).",
    ],
  ])('refuses %j', (input, message) => {
    expect(parseMeetingRef(input)).toEqual(refused(message));
  });

  it('refuses what is not text, with the same prompt', () => {
    for (const input of [undefined, null, 806146667, {}, []]) {
      expect(parseMeetingRef(input)).toEqual(refused(ENTER));
    }
  });

  it('shortens a long paste in its message', () => {
    const result = parseMeetingRef('x'.repeat(200));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(`'${'x'.repeat(47)}…'`);
  });
});

describe('parseMeetingRef: links', () => {
  it.each([
    ['https://meeting.tencent.com/l/abc?meeting_code=806146667', code('806146667')],
    ['https://meeting.tencent.com/l/abc?code=806-146-667&from=share', code('806146667')],
    ['https://meeting.tencent.com/l/abc?meetingCode=806146667', code('806146667')],
    ['https://meeting.tencent.com/s/806146667', code('806146667')],
    ['https://meeting.tencent.com/s/806146667?code=806146667', code('806146667')],
    ['https://meeting.tencent.com/#/join?meeting_code=806146667', code('806146667')],
    ['meeting.tencent.com/s/806146667', code('806146667')],
    ['wemeet://page/inmeeting?meeting_code=806146667', code('806146667')],
    ['HTTPS://private.example.cn/join/806146667', code('806146667')],
    // Join links (each meeting's join_url): kept as host + token, looked up later.
    ['https://meeting.tencent.com/dm/AbCdEf12', link('meeting.tencent.com', 'AbCdEf12')],
    ['http://meeting.tencent.com/dm/AbCdEf12', link('meeting.tencent.com', 'AbCdEf12')],
    ['https://meeting.tencent.com/dm/AbCdEf12/', link('meeting.tencent.com', 'AbCdEf12')],
    [
      'https://meeting.tencent.com/dm/AbCdEf12?from=wechat&is_from_app=1#x',
      link('meeting.tencent.com', 'AbCdEf12'),
    ],
    ['  HTTPS://Meeting.Tencent.com/dm/Ab_C-d9  ', link('meeting.tencent.com', 'Ab_C-d9')],
    ['meeting.tencent.com/dm/x', link('meeting.tencent.com', 'x')],
    // A code in the link needs no look-up: it wins.
    ['https://meeting.tencent.com/dm/AbCdEf12?meeting_code=806146667', code('806146667')],
  ])('accepts %j', (input, expected) => {
    expect(parseMeetingRef(input)).toEqual(expected);
  });

  it.each([
    [
      'https://meeting.tencent.com/dm/',
      `'https://meeting.tencent.com/dm/' is not a whole join link (…/dm/ then one token, e.g. https://meeting.tencent.com/dm/AbCd1234); copy the whole link, or ${PASTE}`,
    ],
    [
      'https://meeting.tencent.com/dm/abc/def',
      `'https://meeting.tencent.com/dm/abc/def' is not a whole join link (…/dm/ then one token, e.g. https://meeting.tencent.com/dm/AbCd1234); copy the whole link, or ${PASTE}`,
    ],
    [
      'wemeet://meeting.tencent.com/dm/abc',
      `'wemeet://meeting.tencent.com/dm/abc' is not a whole join link (…/dm/ then one token, e.g. https://meeting.tencent.com/dm/AbCd1234); copy the whole link, or ${PASTE}`,
    ],
    [
      'https://meeting.tencent.com/p/8061466670',
      `Personal meeting links (…/p/…) carry a personal meeting number, not the meeting code; ${PASTE}`,
    ],
    [
      'https://meeting.tencent.com/s/80614666',
      `The link 'https://meeting.tencent.com/s/80614666' carries no meeting code; ${PASTE}`,
    ],
    [
      'https://meeting.tencent.com/l/abc?code=12345',
      `The link's code= value '12345' is not a 9-digit meeting code; ${PASTE}`,
    ],
    [
      'https://meeting.tencent.com/l/abc?meeting_code=7567173273889276131',
      `The link's meeting_code= value '7567173273889276131' is not a 9-digit meeting code; ${PASTE}`,
    ],
    [
      'https://meeting.tencent.com/s/806146667?code=123456789',
      'The link carries two different meeting codes (123-456-789 and 806-146-667); paste the one you mean.',
    ],
    [
      'ftp://example.com/806146667',
      "'ftp://example.com/806146667' is not a Tencent Meeting join link: links start with https:// or wemeet://.",
    ],
    ['https://', "'https://' is not a valid link."],
  ])('refuses %j', (input, message) => {
    expect(parseMeetingRef(input)).toEqual(refused(message));
  });
});

describe('parseMeetingRef: properties', () => {
  // A small deterministic generator: the same cases every run, no extra dependency.
  function* randomStrings(count: number, alphabet: string, maxLength: number, seed = 7) {
    // mulberry32: small and seeded, so every run checks the same cases.
    let state = seed;
    const next = (below: number) => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * below);
    };
    const chars = Array.from(alphabet);
    for (let i = 0; i < count; i += 1) {
      const length = next(maxLength + 1);
      yield Array.from({ length }, () => chars[next(chars.length)] ?? '').join('');
    }
  }

  it('never throws and always answers a Result', () => {
    const alphabet = '0123456789 -–/:?=&#.%@abcdhpstmw_ＡＢ０９\u200b\u3000\ud800';
    for (const input of randomStrings(5000, alphabet, 40)) {
      const result = parseMeetingRef(input);
      expect(typeof result.ok).toBe('boolean');
      if (result.ok) expect(meetingRefSchema.safeParse(result.value).success).toBe(true);
      else expect(result.message.length).toBeGreaterThan(0);
    }
    for (const prefix of ['https://x/', 'wemeet://p?', 'meeting.tencent.com/']) {
      for (const input of randomStrings(1000, alphabet, 30, 11)) {
        expect(() => parseMeetingRef(prefix + input)).not.toThrow();
      }
    }
  });

  it('keeps every digit of 19- and 20-digit IDs, beyond Number.MAX_SAFE_INTEGER', () => {
    let checked = 0;
    for (const digits of randomStrings(4000, '0123456789', 19, 3)) {
      const candidate = `9${digits}`;
      if (candidate.length < 19) continue;
      expect(parseMeetingRef(candidate)).toEqual(id(candidate));
      checked += 1;
    }
    expect(checked).toBeGreaterThan(100);
    expect(parseMeetingRef('9007199254740993123')).toEqual(id('9007199254740993123'));
    expect(parseMeetingRef('99999999999999999999')).toEqual(id('99999999999999999999'));
  });

  it('refuses every length from 10 to 18 digits, before any request, naming the count', () => {
    for (let length = 10; length <= 18; length += 1) {
      const digits = '7'.repeat(length);
      const result = parseMeetingRef(digits);
      expect(result).toEqual(
        refused(
          `'${digits}' has ${length} digits: a meeting code has 9 (e.g. 806-146-667) and a meeting ID 19 or 20 (e.g. 7567173273889276131).`,
        ),
      );
    }
  });

  it('reads any grouping of 9 digits as that code', () => {
    for (const digits of randomStrings(500, '0123456789', 9, 5)) {
      if (digits.length !== 9) continue;
      const grouped = `${digits.slice(0, 3)} - ${digits.slice(3, 6)}-${digits.slice(6)}`;
      expect(parseMeetingRef(grouped)).toEqual(code(digits));
    }
  });
});

describe('meeting ref helpers and schemas', () => {
  it('formats and describes', () => {
    expect(formatMeetingCode('806146667')).toBe('806-146-667');
    expect(describeMeetingRef({ kind: 'code', code: '806146667' })).toBe(
      'meeting code 806-146-667',
    );
    expect(describeMeetingRef({ kind: 'id', meetingId: '7567173273889276131' })).toBe(
      'meeting ID 7567173273889276131',
    );
    expect(describeMeetingRef({ kind: 'link', host: 'meeting.tencent.com', token: 'Ab1' })).toBe(
      'join link https://meeting.tencent.com/dm/Ab1',
    );
  });

  it('the value schema checks the parsed shape', () => {
    expect(meetingRefSchema.safeParse({ kind: 'id', meetingId: '123' }).success).toBe(false);
    expect(
      meetingRefSchema.safeParse({ kind: 'id', meetingId: '756717327388927613' }).success,
    ).toBe(false);
    expect(
      meetingRefSchema.safeParse({ kind: 'link', host: 'meeting.tencent.com', token: 'a/b' })
        .success,
    ).toBe(false);
    expect(
      meetingRefSchema.safeParse({ kind: 'link', host: 'meeting.tencent.com', token: 'aB3' })
        .success,
    ).toBe(true);
    expect(meetingRefSchema.safeParse({ kind: 'code', code: '806146667' }).success).toBe(true);
  });
});
