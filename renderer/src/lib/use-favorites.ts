import { useCallback, useEffect, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { invoke } from './call';
import { fromResult, LOADING, type Loadable } from './loadable';
import type { Favorite } from './types';
import { useBridgeEvent } from './use-bridge-event';

/** The favourites list, live: every window sees a star or a reorder from any other. */
export function useFavorites(): {
  favorites: Loadable<readonly Favorite[]>;
  set: (list: readonly Favorite[]) => void;
  reload: () => Promise<void>;
} {
  const [favorites, setFavorites] = useState<Loadable<readonly Favorite[]>>(LOADING);
  const reload = useCallback(async () => {
    setFavorites(fromResult(await invoke(() => bridge().listFavorites())));
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  useBridgeEvent('favoritesChanged', (list) => {
    setFavorites({ status: 'ready', value: list });
  });
  const set = useCallback((list: readonly Favorite[]) => {
    setFavorites({ status: 'ready', value: list });
  }, []);
  return { favorites, set, reload };
}
