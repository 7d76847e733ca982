import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  favoriteSearchKey,
  favoriteTexts,
  filterFavorites,
  type PinyinKey,
} from './filter-favorites';
import { cached } from '../lib/cached';
import type { FavoriteView } from '../../../main/shared/ipc/contract';

const HAN = /\p{Script=Han}/u;

/**
 * When the popover loads the pinyin dictionary if nobody has typed yet: well after its first
 * screen, the other rows and the start-up requests (Electron loads the popover hidden at
 * start, so this is usually long before anyone opens it).
 */
const PINYIN_AFTER_MS = 1500;

let pinyinModule: Promise<PinyinKey> | null = null;

/** lib/pinyin-keys.ts, a chunk of its own (pinyin-pro): loaded once per window. */
function loadPinyin(): Promise<PinyinKey> {
  pinyinModule ??= import('../lib/pinyin-keys').then(
    (module) => {
      // Names repeat across refreshes of the list: each is spelled once.
      const cache = new Map<string, string>();
      return (text: string) => cached(cache, text, module.pinyinKey);
    },
    (error: unknown) => {
      // A chunk that failed to load (an update replaced it) is asked for again next time.
      pinyinModule = null;
      throw error;
    },
  );
  return pinyinModule;
}

/**
 * The favourites the filter shows: the picker's search (lib/search-index.ts) over each
 * favourite's name, location or address, and their pinyin. The dictionary (about 145 KB
 * gzipped) stays out of the popover's first script: it is loaded only when a favourite has
 * Chinese in it, after start-up, or at once when Latin letters are typed before that;
 * until it is there, the filter matches the texts as written.
 */
export function useFavoriteFilter(
  favorites: readonly FavoriteView[],
  query: string,
): readonly FavoriteView[] {
  const [pinyinKey, setPinyinKey] = useState<PinyinKey | null>(null);
  const hasChinese = useMemo(
    () => favorites.some((favorite) => favoriteTexts(favorite).some((text) => HAN.test(text))),
    [favorites],
  );
  const typingLatin = /[a-z]/i.test(query);

  useEffect(() => {
    if (!hasChinese || pinyinKey !== null) return undefined;
    let stopped = false;
    const timer = setTimeout(
      () => {
        loadPinyin().then(
          (key) => {
            if (!stopped) setPinyinKey(() => key);
          },
          // A chunk that fails to load leaves the filter as written: nothing to tell.
          () => undefined,
        );
      },
      typingLatin ? 0 : PINYIN_AFTER_MS,
    );
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [hasChinese, pinyinKey, typingLatin]);

  // Keys are built on first use (the first typed letter), once per list and dictionary.
  const keyOf = useMemo(() => {
    const keys = new Map<string, string>();
    return (favorite: FavoriteView) =>
      cached(keys, favorite.id, () => favoriteSearchKey(favorite, pinyinKey ?? undefined));
  }, [favorites, pinyinKey]);

  return useMemo(() => filterFavorites(favorites, query, keyOf), [favorites, query, keyOf]);
}
