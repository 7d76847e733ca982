import { trimTyped } from '../input/text';
import { type Favorite } from '../../shared/model/favorites-schema';
import { favoriteDisplayName } from '../../shared/rules/favorites';

/** Which favourite a person means, for the CLI's references (main/cli/targets.ts). */

export type FavoriteLookup<T extends Favorite = Favorite> =
  | { readonly status: 'found'; readonly favorite: T; readonly position: number }
  | { readonly status: 'none' }
  | { readonly status: 'ambiguous'; readonly matches: readonly T[] };

/**
 * Finds the favourite a person means: its id, its 1-based position (as `favorites list`
 * numbers them), or its name (case-insensitively) or dial string / room ID. Any list of
 * favourites: the stored ones, or those listed with the organisation's (ListedFavorite).
 */
export function findFavorite<T extends Favorite>(
  items: readonly T[],
  ref: string,
): FavoriteLookup<T> {
  const text = trimTyped(ref);
  const byId = items.findIndex((item) => item.id === text);
  if (byId !== -1) return found(items, byId);
  if (/^\d+$/.test(text)) {
    const position = Number(text);
    if (position >= 1 && position <= items.length) return found(items, position - 1);
  }
  const wanted = text.toLowerCase();
  const matches = items.filter((item) => {
    const target = item.kind === 'room' ? item.meetingRoomId : item.dialString;
    return favoriteDisplayName(item).toLowerCase() === wanted || target.toLowerCase() === wanted;
  });
  const [only, second] = matches;
  if (only === undefined) return { status: 'none' };
  if (second !== undefined) return { status: 'ambiguous', matches };
  return found(items, items.indexOf(only));
}

function found<T extends Favorite>(items: readonly T[], index: number): FavoriteLookup<T> {
  const favorite = items[index];
  return favorite === undefined
    ? { status: 'none' }
    : { status: 'found', favorite, position: index + 1 };
}
