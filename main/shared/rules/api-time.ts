/**
 * The API's times (start_time, end_time…) are Unix seconds in a decimal string. The windows
 * and the CLI read them with this one rule, so a time one shows is a time the other shows.
 */

/** "1717400000" → its Date; null when missing, not a number, or 0 (the API's "none"). */
export function dateFromSeconds(seconds: string | null): Date | null {
  if (seconds === null || !/^\d{1,12}$/.test(seconds)) return null;
  const value = Number(seconds);
  return value === 0 ? null : new Date(value * 1000);
}

/** China Standard Time: UTC+8 all year (no daylight saving since 1991). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * room-call-info's response_time, "2022/11/22 14:35:26", is China time without a zone (Tencent's
 * doc example; test/sim/README.md) → its Date; null when empty or not in that shape.
 */
export function dateFromChinaTime(text: string | null): Date | null {
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(
    text?.trim() ?? '',
  );
  if (match === null) return null;
  // A missing seconds part reads as 0.
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map((i) =>
    Number(match[i] ?? 0),
  );
  if (month === undefined || day === undefined || hour === undefined || hour > 23) return null;
  const utc = Date.UTC(year ?? 0, month - 1, day, hour, minute ?? 0, second ?? 0);
  // Date.UTC rolls 2022/02/30 over to March: that is no time the server meant.
  const check = new Date(utc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const date = new Date(utc - CHINA_OFFSET_MS);
  return date;
}
