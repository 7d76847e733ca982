import { dateFromSeconds } from '../shared/rules/api-time';

/**
 * Every time the CLI shows, in one format: tables and sentences say the local time with its zone
 * ("2026-12-03 14:05 CET", "2026-12-03 21:05 +08:00" where the zone has no common abbreviation),
 * --json says ISO 8601 with the offset ("2026-12-03T14:05:26+01:00"). A time without its zone
 * is a guess for the reader: the API's times come in two zones (Unix seconds, and China time in
 * room-call-info), and people read the output in many.
 */

/** The date and time fields at `ms` in the zone, and its offset in minutes east of UTC. */
function wallClock(ms: number, timeZone: string | undefined) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '00';
  const clock = {
    year: part('year'),
    month: part('month'),
    day: part('day'),
    hour: part('hour'),
    minute: part('minute'),
    second: part('second'),
  };
  const asUtc = Date.UTC(
    Number(clock.year),
    Number(clock.month) - 1,
    Number(clock.day),
    Number(clock.hour),
    Number(clock.minute),
    Number(clock.second),
  );
  const offset = Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
  return { ...clock, offset };
}

/** "+01:00", "-05:00", "+05:30", "+00:00". */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}

/**
 * The zone's abbreviation where English has a common one (CET, EST, GMT, UTC: en-US knows the
 * American ones, en-GB the European ones), else the numeric offset: ICU spells the rest
 * "GMT+8", which reads like an abbreviation and is easily misread as GMT.
 */
function zoneLabel(ms: number, timeZone: string | undefined, offset: number): string {
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name !== undefined && /^[A-Z]{2,5}$/.test(name)) return name;
  }
  return offsetText(offset);
}

/**
 * "2026-12-03 14:05 CET" in the given zone (the system's by default); "?" for no time.
 * Fixed-width within one zone and sortable: read by people in many locales, and by `sort`.
 */
export function formatLocalTime(ms: number, timeZone?: string): string {
  if (!Number.isFinite(ms)) return '?';
  const c = wallClock(ms, timeZone);
  return `${c.year}-${c.month}-${c.day} ${c.hour}:${c.minute} ${zoneLabel(ms, timeZone, c.offset)}`;
}

/** "2026-12-03T14:05:26+01:00": ISO 8601 with the zone's offset, for --json; null for no time. */
export function isoLocalTime(ms: number, timeZone?: string): string | null {
  if (!Number.isFinite(ms)) return null;
  const c = wallClock(ms, timeZone);
  return `${c.year}-${c.month}-${c.day}T${c.hour}:${c.minute}:${c.second}${offsetText(c.offset)}`;
}

/** Unix seconds as the API sends them → ms; NaN when none or unusable. */
export function unixSecondsToMs(seconds: string): number {
  return dateFromSeconds(seconds)?.getTime() ?? Number.NaN;
}
