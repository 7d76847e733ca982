import { keyMatches, queryWords, searchKey } from '../lib/search-index';
import { favoriteDisplayName } from '../../../main/shared/rules/favorites';
import type { FavoriteView } from '../../../main/shared/ipc/contract';

/** Pinyin of a text (lib/pinyin-keys.ts's pinyinKey, loaded on demand). */
export type PinyinKey = (text: string) => string;

/** The texts a favourite is found by: its shown name, the room's name and location, or the address. */
export function favoriteTexts(favorite: FavoriteView): string[] {
  const texts =
    favorite.kind === 'room'
      ? [favoriteDisplayName(favorite), favorite.name, favorite.location]
      : [
          favoriteDisplayName(favorite),
          favorite.dialString,
          favorite.protocol === 'sip' ? 'sip' : 'h.323',
        ];
  return [...new Set(texts)];
}

/**
 * A favourite's search key, as the picker builds a room's (lib/search-index.ts): the texts,
 * then their pinyin in full and as initials once the dictionary is there, so "changcheng"
 * and "cc" find 长城厅 in both windows alike.
 */
export function favoriteSearchKey(favorite: FavoriteView, pinyinKey?: PinyinKey): string {
  const texts = favoriteTexts(favorite);
  return searchKey(pinyinKey === undefined ? texts : [...texts, ...texts.map(pinyinKey)]);
}

/** Favourites whose key holds every typed word, in the person's order. */
export function filterFavorites(
  favorites: readonly FavoriteView[],
  query: string,
  keyOf: (favorite: FavoriteView) => string = (favorite) => favoriteSearchKey(favorite),
): readonly FavoriteView[] {
  const words = queryWords(query);
  if (words.length === 0) return favorites;
  return favorites.filter((favorite) => keyMatches(keyOf(favorite), words));
}
