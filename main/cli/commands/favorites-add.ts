import { parseCallTarget } from '../../core/input/dial-string';
import { checkLabel, type NewFavorite } from '../../core/store/favorites-check';
import type { CliContext } from '../context';
import { EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';
import { favoriteDisplayName } from '../../shared/rules/favorites';

/** `roomcall favorites add`: a room (its name and location looked up) or a SIP/H.323 address. */

export async function runAdd(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const given = (['room', 'sip', 'h323'] as const).filter(
    (flag) => options.string(flag) !== undefined,
  );
  if (given.length === 0) {
    throw new UsageError(
      'Choose what to add: --room <meeting_room_id>, --sip <address> or --h323 <address>.',
    );
  }
  const parsed = parseCallTarget({
    room: options.string('room'),
    sip: options.string('sip'),
    h323: options.string('h323'),
  });
  if (!parsed.ok) throw new UsageError(parsed.message);
  const label = checkLabel(options.string('label'));
  if (!label.ok) throw new UsageError(`--label: ${label.message}.`);
  const target = parsed.value;

  let fields: NewFavorite;
  if (target.kind === 'room') {
    const seen = await lookUpRoom(ctx, target.meetingRoomId);
    fields = { kind: 'room', meetingRoomId: target.meetingRoomId, ...seen, label: label.value };
  } else {
    if (label.value === null) {
      throw new UsageError(
        `--label: give the ${target.protocol === 'sip' ? 'SIP' : 'H.323'} address a name, e.g. --label "Partner VC".`,
      );
    }
    fields = {
      kind: 'mra',
      protocol: target.protocol,
      dialString: target.dialString,
      label: label.value,
    };
  }

  const result = await ctx.favorites.add(fields);
  const { value: items } = await ctx.favorites.load();
  const position = items.findIndex((item) => item.id === result.favorite.id) + 1;
  const name = favoriteDisplayName(result.favorite);
  ctx.output.line(
    result.status === 'added'
      ? `Added #${position}: ${name}.`
      : `Already a favourite: #${position} ${name}.`,
  );
  return EXIT_OK;
}

/** The room's name and location: from the last `rooms` listing, else one API read. */
async function lookUpRoom(
  ctx: CliContext,
  meetingRoomId: string,
): Promise<{ name: string; location: string }> {
  const session = await ctx.session();
  const { value: cached } = await ctx.directory.load(session.cacheScope);
  const room = cached?.rooms.find((r) => r.meeting_room_id === meetingRoomId);
  if (room !== undefined) {
    return { name: room.meeting_room_name, location: room.meeting_room_location };
  }
  const details = await session.api.getRoom(meetingRoomId);
  const location = [details.city, details.building, details.floor]
    .filter((part) => part !== '')
    .join('-');
  return { name: details.meeting_room_name, location };
}
