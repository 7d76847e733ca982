import { openDirectoryCache, type DirectoryCache } from '../../core/store/directory-cache';
import { openFavorites, type FavoritesStore } from '../../core/store/favorites';
import { openHistory, type HistoryStore } from '../../core/store/history';
import type { StoreWarning } from '../../core/store/store-warning';
import { openSettings, type SettingsStore } from '../../core/store/settings';
import type { AppClock } from './clock';

/** The four documents in the data folder, opened once per process. */
export interface AppStores {
  readonly dir: string;
  readonly settings: SettingsStore;
  readonly favorites: FavoritesStore;
  readonly history: HistoryStore;
  readonly directory: DirectoryCache;
}

export function openAppStores(
  dir: string,
  clock: AppClock,
  onWarning: (warning: StoreWarning) => void,
): AppStores {
  const options = { dir, onWarning, now: () => new Date(clock.now()) };
  return {
    dir,
    settings: openSettings(options),
    favorites: openFavorites(options),
    history: openHistory(options),
    directory: openDirectoryCache(options),
  };
}
