import { InvalidArgumentError, type Command } from 'commander';
import type { ActionDefiner } from '../program-support';

/**
 * `roomcall favorites …`: the same list the app shows, in the same file. Everything is local
 * except `add --room`, which looks the room's name up (cache first, then the API). The commands'
 * code is in favorites-run.ts, favorites-add.ts and favorites-transfer.ts, loaded only to run.
 */

export function registerFavorites(program: Command, define: ActionDefiner): void {
  const favorites = program
    .command('favorites')
    .alias('favourites')
    .summary('list and edit favourite rooms and SIP/H.323 addresses')
    .description(
      'Favourite rooms and SIP/H.323 addresses, in your order. Refer to one by its position ' +
        '(as `list` numbers them), its label or name, its room ID or dial string, or its id. ' +
        "On a managed machine the organisation's favourites follow your own: they can be " +
        'invited, not removed, renamed or moved.',
    );

  const list = favorites
    .command('list')
    .summary('show the favourites')
    .option('--json', 'print one JSON array on stdout');
  define(list, (code) => code.runList, [
    'roomcall favorites list',
    'roomcall favorites list --json',
  ]);

  const add = favorites
    .command('add')
    .summary('add a room (by ID) or a SIP/H.323 address')
    .option('--room <meeting_room_id>', 'a meeting room; its name and location are looked up')
    .option('--sip <address>', 'a SIP device: IP address or SIP URI (needs --label)')
    .option('--h323 <address>', 'an H.323 device: IP address or E.164 number (needs --label)')
    .option('-l, --label <label>', 'your name for it');
  define(add, (code) => code.runAdd, [
    'roomcall favorites add --room 1234567890123456789',
    'roomcall favorites add --room 1234567890123456789 --label "Big room"',
    'roomcall favorites add --sip room@vc.example.com --label "Partner VC"',
  ]);

  const remove = favorites
    .command('remove')
    .alias('rm')
    .summary('remove a favourite')
    .argument('<favorite>', 'position, label, room ID, dial string or id');
  define(remove, (code) => code.runRemove, [
    'roomcall favorites remove 2',
    'roomcall favorites remove "Partner VC"',
  ]);

  const move = favorites
    .command('move')
    .summary('move a favourite to another position')
    .argument('<favorite>', 'position, label, room ID, dial string or id')
    .argument('<position>', 'its new position, from 1', parsePosition);
  define(move, (code) => code.runMove, ['roomcall favorites move "Partner VC" 1']);

  const rename = favorites
    .command('rename')
    .summary("set a favourite's label (an empty label shows the room's name again)")
    .argument('<favorite>', 'position, label, room ID, dial string or id')
    .argument('[label]', 'the new label; omit or "" to remove it');
  define(rename, (code) => code.runRename, [
    'roomcall favorites rename 1 "长城厅"',
    'roomcall favorites rename 1',
  ]);

  const exportCommand = favorites
    .command('export')
    .summary('write the favourites as a JSON file to hand to others')
    .option('-o, --output <file>', 'write to FILE instead of stdout');
  define(exportCommand, (code) => code.runExport, [
    'roomcall favorites export --output team-rooms.json',
    'roomcall favorites export > team-rooms.json',
  ]);

  const importCommand = favorites
    .command('import')
    .summary('add the favourites of an exported file (- for stdin)')
    .argument('<file>', 'a file written by `favorites export` (or by the app), - for stdin')
    .option('--json', 'print the report as one JSON document');
  define(importCommand, (code) => code.runImport, ['roomcall favorites import team-rooms.json']);
}

/** commander argParser for <position>: a usage error (exit 2) when not a whole number ≥ 1. */
function parsePosition(value: string): string {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new InvalidArgumentError('A position is a whole number from 1.');
  }
  return value.trim();
}
