import { bridge } from '../bridge';
import type { Loadable } from './loadable';
import { useLiveValue } from './use-live-value';
import type { FavoriteView } from '../../../main/shared/ipc/contract';

/** The favourites list, live: every window sees a star or a reorder from any other. */
export function useFavorites(): {
  favorites: Loadable<readonly FavoriteView[]>;
  set: (list: FavoriteView[]) => void;
  reload: () => Promise<void>;
} {
  const live = useLiveValue('favoritesChanged', () => bridge().listFavorites());
  return { favorites: live.value, set: live.set, reload: live.reload };
}
