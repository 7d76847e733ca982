import { describe, expect, it } from 'vitest';
import { formatLocalTime, isoLocalTime, unixSecondsToMs } from '../../main/cli/times';
import { dateFromChinaTime } from '../../main/shared/rules/api-time';

describe('times: one format for every time the CLI shows', () => {
  const ms = unixSecondsToMs('1763000000'); // 2025-11-13T02:13:20Z

  it('tables: local time with the zone labelled, an abbreviation where English has one', () => {
    expect(formatLocalTime(ms, 'UTC')).toBe('2025-11-13 02:13 UTC');
    expect(formatLocalTime(ms, 'Europe/Paris')).toBe('2025-11-13 03:13 CET');
    expect(formatLocalTime(ms, 'America/New_York')).toBe('2025-11-12 21:13 EST');
    // ICU says "GMT+8" here, which reads like GMT: the numeric offset instead.
    expect(formatLocalTime(ms, 'Asia/Shanghai')).toBe('2025-11-13 10:13 +08:00');
    expect(formatLocalTime(ms, 'Asia/Kolkata')).toBe('2025-11-13 07:43 +05:30');
    // Summer time is the zone's too.
    expect(formatLocalTime(Date.UTC(2026, 6, 1, 12, 0), 'Europe/Paris')).toBe(
      '2026-07-01 14:00 CEST',
    );
    expect(formatLocalTime(unixSecondsToMs('soon'), 'UTC')).toBe('?');
    expect(formatLocalTime(unixSecondsToMs('0'), 'UTC')).toBe('?');
  });

  it('--json: ISO 8601 with the offset, the same instant', () => {
    expect(isoLocalTime(ms, 'UTC')).toBe('2025-11-13T02:13:20+00:00');
    expect(isoLocalTime(ms, 'Europe/Paris')).toBe('2025-11-13T03:13:20+01:00');
    expect(isoLocalTime(ms, 'America/New_York')).toBe('2025-11-12T21:13:20-05:00');
    expect(isoLocalTime(ms, 'Asia/Kolkata')).toBe('2025-11-13T07:43:20+05:30');
    for (const zone of ['UTC', 'Europe/Paris', 'America/New_York', 'Asia/Kolkata']) {
      expect(Date.parse(isoLocalTime(ms, zone) ?? '')).toBe(ms);
    }
    expect(isoLocalTime(Number.NaN, 'UTC')).toBeNull();
  });

  it("room-call-info's response_time is China time (UTC+8), whatever this computer's zone", () => {
    expect(dateFromChinaTime('2022/11/22 14:35:26')?.toISOString()).toBe(
      '2022-11-22T06:35:26.000Z',
    );
    expect(dateFromChinaTime('2022-11-22 00:05:00')?.toISOString()).toBe(
      '2022-11-21T16:05:00.000Z',
    );
    expect(dateFromChinaTime('')).toBeNull();
    expect(dateFromChinaTime(null)).toBeNull();
    expect(dateFromChinaTime('2022/02/30 10:00:00')).toBeNull();
    expect(dateFromChinaTime('2022/11/22 24:00:00')).toBeNull();
    expect(dateFromChinaTime('yesterday')).toBeNull();
  });
});
