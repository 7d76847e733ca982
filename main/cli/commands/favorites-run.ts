import { checkLabel } from '../../core/store/favorites-check';
import { EXIT_OK, UsageError } from '../exit-codes';
import type { CommandHandler } from '../command-handler';
import { printTable } from '../table';
import { findOwnFavorite } from '../targets';
import type { Favorite } from '../../shared/model/favorites-schema';
import { favoriteDisplayName } from '../../shared/rules/favorites';

/** `roomcall favorites list|remove|move|rename`: what they do (definitions: favorites.ts). */

function kindWords(favorite: Favorite): string {
  if (favorite.kind === 'room') return 'room';
  return favorite.protocol === 'sip' ? 'SIP' : 'H.323';
}

function targetOf(favorite: Favorite): string {
  return favorite.kind === 'room' ? favorite.meetingRoomId : favorite.dialString;
}

export const runList: CommandHandler = async (ctx, options) => {
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
  printTable(ctx.output, rows, [
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
};

export const runRemove: CommandHandler = async (ctx, _options, args) => {
  const { favorite, position } = await findOwnFavorite(ctx, args[0] ?? '', 'removed');
  await ctx.favorites.remove(favorite.id);
  ctx.output.line(`Removed #${position}: ${favoriteDisplayName(favorite)}.`);
  return EXIT_OK;
};

export const runMove: CommandHandler = async (ctx, _options, args) => {
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
};

export const runRename: CommandHandler = async (ctx, _options, args) => {
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
};
