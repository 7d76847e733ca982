import type { Favorite } from '../lib/types';
import { favoriteDisplayName } from '../../../main/shared/rules/favorites';

/** Lower case, full-width folded (NFKC), so "ＢＪ" finds "bj" and "Marina" finds "marina". */
export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function haystack(favorite: Favorite): string {
  const parts =
    favorite.kind === 'room'
      ? [favoriteDisplayName(favorite), favorite.name, favorite.location]
      : [
          favoriteDisplayName(favorite),
          favorite.dialString,
          favorite.protocol === 'sip' ? 'sip' : 'h.323',
        ];
  return normalise(parts.join(' '));
}

/** Favourites whose name, location or dial string contain every typed word, in order kept. */
export function filterFavorites(
  favorites: readonly Favorite[],
  query: string,
): readonly Favorite[] {
  const words = normalise(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return favorites;
  return favorites.filter((favorite) => {
    const text = haystack(favorite);
    return words.every((word) => text.includes(word));
  });
}
