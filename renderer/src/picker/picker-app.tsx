import { useEffect, useMemo, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { commonMessages } from '../i18n/common-messages';
import { LocaleContext, useMessages } from '../i18n/locale';
import { keychainError, useAppFrame } from '../lib/use-app-frame';
import { useCalls } from '../lib/use-calls';
import { useLiveValue } from '../lib/use-live-value';
import { CallAnnouncer } from '../ui/call-announcer';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/spinner';
import { FavoritesPanel } from './favorites-panel';
import { MeetingChip } from './meeting-chip';
import { pickerMessages } from './messages';
import { RoomsPanel } from './rooms-panel';
import { useDirectory } from './use-directory';
import type { Loadable } from '../lib/loadable';
import type { AppState, FavoriteView, IpcError, RoomView } from '../../../main/shared/ipc/contract';

type Tab = 'rooms' | 'favorites';
const TABS: readonly Tab[] = ['rooms', 'favorites'];

/** The room picker window. */
export function PickerApp() {
  const frame = useAppFrame();
  const language = frame.locale.locale;
  // The window's title names the window (Electron shows the page's <title>), in its language.
  useEffect(() => {
    document.title = pickerMessages[language].roomsUi.windowTitle;
  }, [language]);
  return (
    <LocaleContext.Provider value={frame.locale}>
      <PickerGate appState={frame.appState} retry={() => void frame.reload()} />
      <CallAnnouncer />
    </LocaleContext.Provider>
  );
}

/** Why the picker cannot work yet: the keychain refused, or nothing is configured. */
function setupProblem(state: AppState): IpcError | null {
  if (state.configured) return keychainError(state);
  return keychainError(state) ?? { kind: 'not-configured', message: '', code: null, hint: null };
}

function PickerGate({ appState, retry }: { appState: Loadable<AppState>; retry: () => void }) {
  const m = useMessages(pickerMessages);
  const c = useMessages(commonMessages);
  const problem =
    appState.status === 'ready'
      ? setupProblem(appState.value)
      : appState.status === 'error'
        ? appState.error
        : null;
  if (appState.status === 'ready' && problem === null) return <PickerScreen />;
  return (
    <main class="page-state">
      <h1 class="visually-hidden">{m.title}</h1>
      {problem === null ? (
        <Spinner label={c.loading} />
      ) : (
        <ErrorNotice error={problem} onRetry={retry} />
      )}
    </main>
  );
}

function PickerScreen() {
  const m = useMessages(pickerMessages);
  const c = useMessages(commonMessages);
  const [tab, setTab] = useState<Tab>('rooms');
  const directory = useDirectory();
  // Live: every window sees a star, a reorder or a new meeting from any other.
  const { value: favorites, reload: reloadFavorites } = useLiveValue('favoritesChanged', () =>
    bridge().listFavorites(),
  );
  const meeting = useLiveValue('meetingChanged', () => bridge().getCurrentMeeting()).value;
  const calls = useCalls(
    true,
    meeting.status === 'ready' ? meeting.value.selected?.meetingId : undefined,
  );
  const list: readonly FavoriteView[] = favorites.status === 'ready' ? favorites.value : [];
  const rooms = useMemo(
    () =>
      new Map<string, RoomView>((directory.rooms ?? []).map((room) => [room.meetingRoomId, room])),
    [directory.rooms],
  );
  const canInvite = meeting.status === 'ready' && meeting.value.selected !== null;

  return (
    <div class="picker">
      <header class="picker-header">
        <div class="picker-title-row">
          <h1 class="picker-title">{m.title}</h1>
          <MeetingChip meeting={meeting} />
        </div>
        <div
          class="tabs"
          role="tablist"
          aria-label={m.tabs.label}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
            const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length] ?? 'rooms';
            setTab(next);
            document.getElementById(`tab-${next}`)?.focus();
          }}
        >
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`tab-${name}`}
              class="tab"
              aria-selected={tab === name}
              aria-controls={`panel-${name}`}
              tabIndex={tab === name ? 0 : -1}
              onClick={() => {
                setTab(name);
              }}
            >
              <Icon name={name === 'rooms' ? 'grid' : 'star'} />
              {m.tabs[name]}
              {name === 'favorites' && list.length > 0 && (
                <span class="tab-count">{list.length}</span>
              )}
            </button>
          ))}
        </div>
      </header>
      <main class="picker-main">
        <div
          id="panel-rooms"
          role="tabpanel"
          aria-labelledby="tab-rooms"
          class="tabpanel"
          hidden={tab !== 'rooms'}
        >
          <RoomsPanel directory={directory} favorites={list} calls={calls} canInvite={canInvite} />
        </div>
        <div
          id="panel-favorites"
          role="tabpanel"
          aria-labelledby="tab-favorites"
          class="tabpanel tabpanel-scroll"
          hidden={tab !== 'favorites'}
        >
          {favorites.status === 'error' ? (
            <ErrorNotice
              error={favorites.error}
              onRetry={() => {
                void reloadFavorites();
              }}
            />
          ) : favorites.status === 'loading' ? (
            <Spinner label={c.loading} />
          ) : (
            <FavoritesPanel favorites={list} rooms={rooms} calls={calls} />
          )}
        </div>
      </main>
    </div>
  );
}
