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
