import type { Meeting, Room } from '../../core/wemeet/api';
import type { CliContext, Session } from '../context';
import { EXIT_OK, type ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';
import { printTable, type Column } from '../table';
import { formatLocalTime, isoLocalTime, unixSecondsToMs } from '../times';
import { meetingStatusWords, roomStatusWords } from '../words';
import { formatMeetingCode } from '../../shared/rules/meeting-code';

/** `roomcall rooms` and `roomcall meetings`: what they do (their definitions: directory.ts). */

const ROOM_COLUMNS: readonly Column<Room>[] = [
  { header: 'ID', value: (room) => room.meeting_room_id },
  { header: 'NAME', value: (room) => room.meeting_room_name, maxWidth: 40 },
  { header: 'LOCATION', value: (room) => room.meeting_room_location, maxWidth: 30 },
  { header: 'STATUS', value: (room) => roomStatusWords(room.meeting_room_status) },
  { header: 'CALLABLE', value: (room) => (room.is_allow_call ? 'yes' : 'no') },
];

export async function runRooms(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const search = options.string('search');
  const session = await ctx.session();
  const rooms = await session.api.listRooms(
    search === undefined || search.trim() === '' ? {} : { nameFilter: search.trim() },
  );
  // Only a full listing is the directory: a filtered one would shrink the cache.
  if (search === undefined) await refreshCaches(ctx, session, rooms);
  if (options.flag('json')) {
    ctx.output.json(rooms);
    return EXIT_OK;
  }
  if (rooms.length === 0) {
    ctx.output.note(
      search === undefined ? 'The account has no meeting rooms.' : 'No room matches.',
    );
    return EXIT_OK;
  }
  printTable(ctx.output, rooms, ROOM_COLUMNS);
  const callable = rooms.filter((room) => room.is_allow_call).length;
  ctx.output.progress(`${rooms.length} rooms, ${callable} callable.`);
  return EXIT_OK;
}

/** The cache and the favourites' room names; a failure here only costs a warning. */
async function refreshCaches(ctx: CliContext, session: Session, rooms: readonly Room[]) {
  try {
    await ctx.directory.save(rooms, session.cacheScope, new Date(ctx.deps.clock.now()));
    await ctx.favorites.refreshRooms(rooms);
  } catch (error) {
    const why = error instanceof Error ? error.message : 'unknown error';
    ctx.output.warn(`The room cache was not updated: ${why}`);
  }
}

export async function runMeetings(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const session = await ctx.session();
  const meetings = inDisplayOrder(await session.api.listOperatorMeetings());
  const zone = ctx.deps.timeZone;
  if (options.flag('json')) {
    // The API's fields as sent (start_time in Unix seconds), and the same times in ISO 8601.
    const iso = (seconds: string) => isoLocalTime(unixSecondsToMs(seconds), zone);
    ctx.output.json(
      meetings.map((m) => ({ ...m, start_at: iso(m.start_time), end_at: iso(m.end_time) })),
    );
    return EXIT_OK;
  }
  if (meetings.length === 0) {
    ctx.output.note(`${session.operatorId} has no meetings in progress or upcoming.`);
    return EXIT_OK;
  }
  const time = (seconds: string) => formatLocalTime(unixSecondsToMs(seconds), zone);
  printTable(ctx.output, meetings, [
    { header: ' ', value: (m: Meeting) => (isStarted(m) ? '*' : '') },
    { header: 'CODE', value: (m) => formatMeetingCode(m.meeting_code) },
    { header: 'SUBJECT', value: (m) => m.subject, maxWidth: 40 },
    { header: 'START', value: (m) => time(m.start_time) },
    { header: 'END', value: (m) => time(m.end_time) },
    { header: 'STATUS', value: (m) => meetingStatusWords(m.status) },
  ]);
  return EXIT_OK;
}

function isStarted(meeting: Meeting): boolean {
  return meeting.status === 'MEETING_STATE_STARTED';
}

/** In progress first, then by start time: what is happening, then what comes next. */
function inDisplayOrder(meetings: readonly Meeting[]): Meeting[] {
  const start = (m: Meeting) => unixSecondsToMs(m.start_time) || 0;
  return [...meetings].sort(
    (a, b) => Number(isStarted(b)) - Number(isStarted(a)) || start(a) - start(b),
  );
}
