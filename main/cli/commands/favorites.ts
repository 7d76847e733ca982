import { InvalidArgumentError, type Command } from 'commander';
import { checkLabel } from '../../core/store/favorites-check';
import type { CliContext } from '../context';
import { EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';
import type { ActionDefiner } from '../program-support';
import { findOwnFavorite } from '../targets';
import { examples } from './shared-options';
import type { Favorite } from '../../shared/model/favorites-schema';
import { favoriteDisplayName } from '../../shared/rules/favorites';
import { runExport, runImport } from './favorites-transfer';
import { runAdd } from './favorites-add';

/**
 * `roomcall favorites …`: the same list the app shows, in the same file. Everything is local
 * except `add --room`, which looks the room's name up (cache first, then the API).
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
  list.addHelpText(
    'after',
    examples(['roomcall favorites list', 'roomcall favorites list --json']),
  );
  define(list, runList);

  const add = favorites
    .command('add')
    .summary('add a room (by ID) or a SIP/H.323 address')
    .option('--room <meeting_room_id>', 'a meeting room; its name and location are looked up')
    .option('--sip <address>', 'a SIP device: IP address or SIP URI (needs --label)')
    .option('--h323 <address>', 'an H.323 device: IP address or E.164 number (needs --label)')
    .option('-l, --label <label>', 'your name for it');
  add.addHelpText(
    'after',
    examples([
      'roomcall favorites add --room 1234567890123456789',
      'roomcall favorites add --room 1234567890123456789 --label "Big room"',
      'roomcall favorites add --sip room@vc.example.com --label "Partner VC"',
    ]),
  );
  define(add, runAdd);

  const remove = favorites
    .command('remove')
    .alias('rm')
    .summary('remove a favourite')
    .argument('<favorite>', 'position, label, room ID, dial string or id');
  remove.addHelpText(
    'after',
    examples(['roomcall favorites remove 2', 'roomcall favorites remove "Partner VC"']),
  );
  define(remove, runRemove);

  const move = favorites
    .command('move')
    .summary('move a favourite to another position')
    .argument('<favorite>', 'position, label, room ID, dial string or id')
    .argument('<position>', 'its new position, from 1', parsePosition);
  move.addHelpText('after', examples(['roomcall favorites move "Partner VC" 1']));
  define(move, runMove);

  const rename = favorites
    .command('rename')
    .summary("set a favourite's label (an empty label shows the room's name again)")
    .argument('<favorite>', 'position, label, room ID, dial string or id')
    .argument('[label]', 'the new label; omit or "" to remove it');
  rename.addHelpText(
    'after',
    examples(['roomcall favorites rename 1 "长城厅"', 'roomcall favorites rename 1']),
  );
  define(rename, runRename);

  const exportCommand = favorites
    .command('export')
    .summary('write the favourites as a JSON file to hand to others')
    .option('-o, --output <file>', 'write to FILE instead of stdout');
  exportCommand.addHelpText(
    'after',
    examples([
      'roomcall favorites export --output team-rooms.json',
      'roomcall favorites export > team-rooms.json',
    ]),
  );
  define(exportCommand, runExport);

  const importCommand = favorites
    .command('import')
    .summary('add the favourites of an exported file (- for stdin)')
    .argument('<file>', 'a file written by `favorites export` (or by the app), - for stdin')
    .option('--json', 'print the report as one JSON document');
  importCommand.addHelpText('after', examples(['roomcall favorites import team-rooms.json']));
  define(importCommand, runImport);
}

/** commander argParser for <position>: a usage error (exit 2) when not a whole number ≥ 1. */
function parsePosition(value: string): string {
  if (!/^\d+$/.test(value.trim()) || Number(value) < 1) {
    throw new InvalidArgumentError('A position is a whole number from 1.');
  }
  return value.trim();
}

function kindWords(favorite: Favorite): string {
  if (favorite.kind === 'room') return 'room';
  return favorite.protocol === 'sip' ? 'SIP' : 'H.323';
}

function targetOf(favorite: Favorite): string {
  return favorite.kind === 'room' ? favorite.meetingRoomId : favorite.dialString;
}

async function runList(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const items = await ctx.listFavorites();
  if (options.flag('json')) {
    ctx.output.json(items.map((item, index) => ({ position: index + 1, ...item })));
    return EXIT_OK;
  }
  // Loading printed the warning about favourites set aside as invalid, to a person looking at
  // their list: seen, so other commands and the app stop repeating it (a script's --json not).
  await ctx.favorites.acknowledgeRejected();
  if (items.length === 0) {
    ctx.output.note('No favourites yet. Add one with `roomcall favorites add --room <id>`.');
    return EXIT_OK;
  }
  const rows = items.map((item, index) => ({ item, position: index + 1 }));
  const anyManaged = items.some((item) => item.managed);
  ctx.output.table(rows, [
    { header: '#', value: (row) => String(row.position), align: 'right' },
    { header: 'NAME', value: (row) => favoriteDisplayName(row.item), maxWidth: 40 },
    { header: 'TYPE', value: (row) => kindWords(row.item) },
    { header: 'CALLS', value: (row) => targetOf(row.item), maxWidth: 50 },
    {
      header: 'LOCATION',
      value: (row) => (row.item.kind === 'room' ? row.item.location : ''),
      maxWidth: 30,
    },
    { header: 'ID', value: (row) => row.item.id },
    // Only on a managed machine: whose favourite it is (the organisation's cannot be changed).
    ...(anyManaged
      ? [
          {
            header: 'SET BY',
            value: (row: (typeof rows)[number]) => (row.item.managed ? 'organisation' : ''),
          },
        ]
      : []),
  ]);
  return EXIT_OK;
}

async function runRemove(
  ctx: CliContext,
  _options: OptionValues,
  args: readonly (string | undefined)[],
): Promise<ExitCode> {
  const { favorite, position } = await findOwnFavorite(ctx, args[0] ?? '', 'removed');
  await ctx.favorites.remove(favorite.id);
  ctx.output.line(`Removed #${position}: ${favoriteDisplayName(favorite)}.`);
  return EXIT_OK;
}

async function runMove(
  ctx: CliContext,
  _options: OptionValues,
  args: readonly (string | undefined)[],
): Promise<ExitCode> {
  const { favorite } = await findOwnFavorite(ctx, args[0] ?? '', 'moved');
  const to = Number(args[1]);
  const { value: items } = await ctx.favorites.load();
  if (!Number.isInteger(to) || to < 1 || to > items.length) {
    // The organisation's come after the person's own, and stay there.
    throw new UsageError(
      `Position ${args[1] ?? ''} is not between 1 and ${items.length}.`,
      ((await ctx.managed())?.favorites.length ?? 0) > 0
        ? "Your own favourites come first; the organisation's follow them and cannot be moved."
        : null,
    );
  }
  await ctx.favorites.move(favorite.id, to - 1);
  ctx.output.line(`Moved ${favoriteDisplayName(favorite)} to #${to}.`);
  return EXIT_OK;
}

async function runRename(
  ctx: CliContext,
  _options: OptionValues,
  args: readonly (string | undefined)[],
): Promise<ExitCode> {
  const { favorite, position } = await findOwnFavorite(ctx, args[0] ?? '', 'renamed');
  const label = checkLabel(args[1] ?? null);
  if (!label.ok) throw new UsageError(`The label: ${label.message}.`);
  const renamed = await ctx.favorites.rename(favorite.id, label.value);
  ctx.output.line(
    label.value === null
      ? `#${position} has no label now: shown as ${favoriteDisplayName(renamed)}.`
      : `Renamed #${position} to ${label.value}.`,
  );
  return EXIT_OK;
}
