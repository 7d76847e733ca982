import { parseCallTarget } from '../core/input/dial-string';
import { quote } from '../core/input/text';
import type { ListedFavorite } from '../core/managed/managed-favorites';
import { favoriteMessages, type ManagedChange } from '../core/store/favorite-messages';
import { FavoriteError } from '../core/store/favorites-check';
import { findFavorite } from '../core/store/favorites-find';
import type { CallTarget } from '../core/wemeet/types';
import type { CliContext, Session } from './context';
import { UsageError } from './exit-codes';
import type { OptionValues } from './options';
import { favoriteDisplayName } from '../shared/rules/favorites';

/**
 * "What to call" from the command line: exactly one of --room, --sip, --h323 or --favorite,
 * checked with the core's parsers (the same rules and words as the app) before anything is
 * sent.
 */

export interface ChosenTarget {
  readonly target: CallTarget;
  /** How to name it to people: the favourite's label or room name; null when unknown yet. */
  readonly name: string | null;
}

const FLAGS = ['room', 'sip', 'h323', 'favorite'] as const;
const TARGET_OPTIONS =
  '--room <meeting_room_id>, --sip <address>, --h323 <address> or --favorite <label|position|id>';

/** What the target is for: the words of a missing or doubled target say so. */
export type TargetPurpose = 'call' | 'status' | 'cancel';

const MISSING: Readonly<Record<TargetPurpose, string>> = {
  call: `Choose what to call: ${TARGET_OPTIONS}.`,
  status: `Say whose call to show, as it was called: ${TARGET_OPTIONS}.`,
  cancel: `Say whose call to cancel, as \`roomcall invite\` called it: ${TARGET_OPTIONS}.`,
};

const ONE: Readonly<Record<TargetPurpose, string>> = {
  call: 'Choose one thing to call',
  status: 'Give one target whose call to show',
  cancel: 'Give one target whose call to cancel',
};

export async function chooseTarget(
  ctx: CliContext,
  options: OptionValues,
  purpose: TargetPurpose = 'call',
): Promise<ChosenTarget> {
  const given = FLAGS.filter((flag) => options.string(flag) !== undefined);
  const [only, second] = given;
  if (only === undefined) throw new UsageError(MISSING[purpose]);
  if (second !== undefined) {
    throw new UsageError(`${ONE[purpose]}, not ${given.map((flag) => `--${flag}`).join(' and ')}.`);
  }
  const favoriteRef = options.string('favorite');
  if (favoriteRef !== undefined) return fromFavorite(ctx, favoriteRef);
  const parsed = parseCallTarget({
    room: options.string('room'),
    sip: options.string('sip'),
    h323: options.string('h323'),
  });
  if (!parsed.ok) throw new UsageError(parsed.message);
  return { target: parsed.value, name: null };
}

/**
 * The favourite a label, position or id names, among the person's own and the organisation's
 * (as `favorites list` numbers them); anything but exactly one is a usage error.
 */
async function findOneFavorite(ctx: CliContext, ref: string): Promise<FoundFavorite> {
  const items = await ctx.listFavorites();
  const found = findFavorite(items, ref);
  if (found.status === 'none') {
    throw new UsageError(
      items.length === 0
        ? `No favourite matches ${quote(ref)}: you have no favourites yet.`
        : `No favourite matches ${quote(ref)}.`,
      'See `roomcall favorites list` for labels, positions and ids.',
    );
  }
  if (found.status === 'ambiguous') {
    const listed = found.matches
      .map((item) => `#${items.indexOf(item) + 1} (id ${item.id})`)
      .join(', ');
    throw new UsageError(
      `${quote(ref)} matches ${found.matches.length} favourites: ${listed}.`,
      'Use the position or the id instead.',
    );
  }
  return { favorite: found.favorite, position: found.position };
}

export interface FoundFavorite {
  readonly favorite: ListedFavorite;
  readonly position: number;
}

/**
 * The person's own favourite a ref names, for a change to it: one of the organisation's is
 * refused with the app's words (a FavoriteError: exit 2, nothing is changed).
 */
export async function findOwnFavorite(
  ctx: CliContext,
  ref: string,
  change: ManagedChange,
): Promise<FoundFavorite> {
  const found = await findOneFavorite(ctx, ref);
  if (found.favorite.managed) {
    throw new FavoriteError('invalid', favoriteMessages.en.managedRefused(change));
  }
  return found;
}

async function fromFavorite(ctx: CliContext, ref: string): Promise<ChosenTarget> {
  const { favorite } = await findOneFavorite(ctx, ref);
  // The file's schema checks structure only: a hand-edited entry gets the full rules here.
  const parsed = parseCallTarget(
    favorite.kind === 'room'
      ? { room: favorite.meetingRoomId }
      : { [favorite.protocol]: favorite.dialString },
  );
  if (!parsed.ok) {
    throw new UsageError(
      `Favourite ${quote(favoriteDisplayName(favorite))} cannot be called: ${parsed.message}`,
      'Fix it with `roomcall favorites remove` and `add`.',
    );
  }
  return { target: parsed.value, name: favoriteDisplayName(favorite) };
}

/** A room's name from the directory cache, when the last `rooms` listing had it. */
export async function cachedRoomName(
  ctx: CliContext,
  session: Session,
  target: CallTarget,
): Promise<string | null> {
  if (target.kind !== 'room') return null;
  const { value } = await ctx.directory.load(session.cacheScope);
  const room = value?.rooms.find((r) => r.meeting_room_id === target.meetingRoomId);
  return room?.meeting_room_name ?? null;
}
