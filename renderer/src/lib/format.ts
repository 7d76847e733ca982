/**
 * Dates, times and numbers for people, always through Intl with the page's locale, so a
 * Chinese system reads "下午3:00" and an English one "3:00 PM" without us spelling either.
 */

/** Unix seconds as the API gives them ("1717400000"); null when missing or unusable. */
export function dateFromSeconds(seconds: string | null): Date | null {
  if (seconds === null || !/^\d{1,12}$/.test(seconds)) return null;
  const value = Number(seconds);
  return value === 0 ? null : new Date(value * 1000);
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

const timeOptions: Intl.DateTimeFormatOptions = { hour: 'numeric', minute: '2-digit' };
const dayTimeOptions: Intl.DateTimeFormatOptions = {
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
};

/** "10:00 – 11:00", with the date when the meeting is not today. */
export function formatMeetingTime(
  start: string | null,
  end: string | null,
  intl: string,
  now: Date = new Date(),
): string {
  const from = dateFromSeconds(start);
  const to = dateFromSeconds(end);
  if (from === null) return '';
  const options = sameDay(from, now) ? timeOptions : dayTimeOptions;
  const format = new Intl.DateTimeFormat(intl, options);
  if (to === null || to <= from) return format.format(from);
  return format.formatRange(from, to);
}

/** A moment in the recent past: the time today, else the date and time. */
export function formatMoment(iso: string, intl: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const options = sameDay(date, now) ? timeOptions : dayTimeOptions;
  return new Intl.DateTimeFormat(intl, options).format(date);
}

export function formatNumber(value: number, intl: string): string {
  return new Intl.NumberFormat(intl).format(value);
}

/** 806146667 → 806-146-667, the way Tencent Meeting shows codes. */
export function formatMeetingCode(code: string): string {
  return /^\d{9}$/.test(code) ? `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}` : code;
}
