import { foldForSearch } from '../lib/search-text';
import { favoriteDisplayName } from '../../../main/shared/rules/favorites';
import type { FavoriteView } from '../../../main/shared/ipc/contract';

function haystack(favorite: FavoriteView): string {
  const parts =
    favorite.kind === 'room'
      ? [favoriteDisplayName(favorite), favorite.name, favorite.location]
      : [
          favoriteDisplayName(favorite),
          favorite.dialString,
          favorite.protocol === 'sip' ? 'sip' : 'h.323',
        ];
  return foldForSearch(parts.join(' '));
}

/** Favourites whose name, location or dial string contain every typed word, in order kept. */
export function filterFavorites(
  favorites: readonly FavoriteView[],
  query: string,
): readonly FavoriteView[] {
  const words = foldForSearch(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return favorites;
  return favorites.filter((favorite) => {
    const text = haystack(favorite);
    return words.every((word) => text.includes(word));
  });
}
