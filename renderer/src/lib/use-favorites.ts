import { bridge } from '../bridge';
import type { Loadable } from './loadable';
import { useLiveValue } from './use-live-value';
import type { FavoriteView, IpcResult } from '../../../main/shared/ipc/contract';

/**
 * The favourites list, live: every window sees a star or a reorder from any other. `load`
 * fetches it (by default its verb).
 */
export function useFavorites(
  load: () => Promise<IpcResult<FavoriteView[]>> = () => bridge().listFavorites(),
): {
  favorites: Loadable<readonly FavoriteView[]>;
  set: (list: FavoriteView[]) => void;
  reload: () => Promise<void>;
} {
  const live = useLiveValue('favoritesChanged', load);
  return { favorites: live.value, set: live.set, reload: live.reload };
}
