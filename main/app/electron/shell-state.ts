import type { Favorite } from '../../shared/model/favorites-schema';
import type { Settings } from '../../shared/model/settings-schema';
import type {
  AppState,
  CallView,
  CurrentMeeting,
  EventName,
  SettingsView,
} from '../../shared/ipc/contract';
import type { AppServices } from '../services/create-app-services';

/**
 * What the tray needs to draw itself, kept current from the same events the windows get
 * (the shell is one more subscriber of the event hub), so the menu is built without I/O.
 */
export interface ShellSnapshot {
  readonly configured: boolean;
  readonly favorites: readonly Favorite[];
  readonly meeting: CurrentMeeting;
  readonly calls: readonly CallView[];
  readonly settings: Settings;
  readonly locked: readonly string[];
}

export class ShellState {
  #snapshot: ShellSnapshot;
  readonly #listeners = new Set<(snapshot: ShellSnapshot) => void>();

  private constructor(snapshot: ShellSnapshot) {
    this.#snapshot = snapshot;
  }

  static async load(app: AppServices): Promise<ShellState> {
    const [state, favorites, settings] = await Promise.all([
      app.appState(),
      app.favorites.list().catch(() => []),
      app.settings.view(),
    ]);
    return new ShellState({
      configured: state.configured,
      favorites,
      meeting: app.meeting.view(),
      calls: app.calls.list(),
      settings: settings.settings,
      locked: settings.locked,
    });
  }

  get snapshot(): ShellSnapshot {
    return this.#snapshot;
  }

  onChange(listener: (snapshot: ShellSnapshot) => void): void {
    this.#listeners.add(listener);
  }

  /** An event sink (see ipc/event-hub.ts): payloads arrive already checked. */
  readonly sink = (name: EventName, payload: unknown): void => {
    const current = this.#snapshot;
    switch (name) {
      case 'appStateChanged':
        this.#set({ ...current, configured: (payload as AppState).configured });
        return;
      case 'favoritesChanged':
        this.#set({ ...current, favorites: payload as Favorite[] });
        return;
      case 'meetingChanged':
        this.#set({ ...current, meeting: payload as CurrentMeeting });
        return;
      case 'settingsChanged': {
        const view = payload as SettingsView;
        this.#set({ ...current, settings: view.settings, locked: view.locked });
        return;
      }
      case 'callProgress': {
        const call = payload as CallView;
        const others = current.calls.filter((item) => item.callId !== call.callId);
        this.#set({ ...current, calls: [call, ...others].slice(0, 50) });
        return;
      }
      case 'directoryChanged':
      case 'popoverShown':
        return;
    }
  };

  #set(snapshot: ShellSnapshot): void {
    this.#snapshot = snapshot;
    for (const listener of this.#listeners) listener(snapshot);
  }
}
