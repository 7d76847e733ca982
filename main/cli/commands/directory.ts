import type { Command } from 'commander';
import type { ActionDefiner } from '../program-support';

/**
 * `roomcall rooms` and `roomcall meetings`: what there is to call, and into what. Their code is
 * in directory-run.ts, loaded only when one runs.
 */

export function registerDirectory(program: Command, define: ActionDefiner): void {
  const rooms = program
    .command('rooms')
    .summary("list the account's meeting rooms")
    .description(
      "List the account's meeting rooms (every page), and refresh the room cache that " +
        '`favorites add --room` and the app use.',
    )
    .option(
      '-s, --search <text>',
      "only rooms whose name matches TEXT (the API's fuzzy name filter)",
    )
    .option('--json', "print the rooms as one JSON array, with the API's field names");
  define(rooms, (code) => code.runRooms, [
    'roomcall rooms',
    'roomcall rooms --search 长城',
    "roomcall rooms --json | jq -r '.[] | select(.is_allow_call) | .meeting_room_id'",
  ]);

  const meetings = program
    .command('meetings')
    .summary("list the operator's current and upcoming meetings")
    .description(
      "List the operator's meetings in progress (marked *) and upcoming, in local time with its zone.",
    )
    .option('--json', "print the meetings as one JSON array, with the API's field names");
  define(meetings, (code) => code.runMeetings, [
    'roomcall meetings',
    'roomcall meetings --json | jq -r \'.[] | select(.status == "MEETING_STATE_STARTED") | .meeting_id\'',
  ]);
}
