import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { commonMessages } from '../i18n/common-messages';
import { LocaleContext, useMessages } from '../i18n/locale';
import { invoke } from '../lib/call';
import { prepareDateFormats } from '../lib/format';
import { useAppFrame } from '../lib/use-app-frame';
import { useBridgeEvent } from '../lib/use-bridge-event';
import { useCalls, type CallsApi } from '../lib/use-calls';
import { markOnce } from '../lib/perf-marks';
import { focusRow, handleRowKey } from '../lib/row-navigation';
import { CallAnnouncer } from '../ui/call-announcer';
import { ErrorNotice } from '../ui/error-notice';
import { Icon } from '../ui/icons';
import { Spinner } from '../ui/spinner';
import { FavoriteList } from './favorite-list';
import { filterFavorites } from './filter-favorites';
import { MeetingHeader } from './meeting-header';
import { popoverMessages } from './messages';
import { RecentList } from './recent-list';
import { usePopoverData, type PopoverData } from './use-popover-data';
import { targetKey } from '../../../main/shared/rules/targets';
import type { AppState, CallView, FavoriteView, IpcError } from '../../../main/shared/ipc/contract';
import type { HistoryEntry } from '../../../main/shared/model/history-schema';

/** After the start-up requests (history at once, the directory at 50 ms) have gone out. */
const PREPARE_FORMATS_AFTER_MS = 250;

function openWindow(window: 'picker' | 'settings') {
  void invoke(() => bridge().openWindow({ window }));
}

/** The tray popover: the everyday screen. */
export function PopoverApp() {
  const frame = useAppFrame();
  const data = usePopoverData();
  const calls = useCalls(
    data.favorites.status !== 'loading',
    data.meeting.status === 'ready' ? (data.meeting.value.selected?.meetingId ?? null) : null,
  );
  const [query, setQuery] = useState('');
  const filter = useRef<HTMLInputElement>(null);

  // Ready to type the moment the favourites are there (and again each time it is shown).
  const favoritesReady = data.favorites.status === 'ready';
  useEffect(() => {
    if (favoritesReady) filter.current?.focus();
  }, [favoritesReady]);

  // Electron loads the popover hidden at start, before the meeting is known, and the first
  // date formatter of a renderer process costs 20-35 ms (ICU's data): building the formatters
  // then keeps that cost out of the frame that shows the meeting's time once it is opened.
  const intl = frame.locale.intl;
  useEffect(() => {
    const timer = setTimeout(() => {
      prepareDateFormats(intl);
    }, PREPARE_FORMATS_AFTER_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [intl]);

  useBridgeEvent('popoverShown', () => {
    void frame.reload();
    void data.refresh();
    calls.clearRefusals();
    setQuery('');
    filter.current?.focus();
  });

  // Escape clears a filter first, then hides the popover (as Spotlight and Alfred do).
  const onEscape = useCallback(
    (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (query !== '') {
        setQuery('');
        filter.current?.focus();
      } else {
        void invoke(() => bridge().hidePopover());
      }
    },
    [query],
  );
  useEffect(() => {
    document.addEventListener('keydown', onEscape);
    return () => {
      document.removeEventListener('keydown', onEscape);
    };
  }, [onEscape]);

  return (
    <LocaleContext.Provider value={frame.locale}>
      <PopoverScreen
        appState={frame.appState.status === 'ready' ? frame.appState.value : null}
        appError={frame.appState.status === 'error' ? frame.appState.error : null}
        retry={() => {
          void frame.reload();
          void data.refresh();
        }}
        data={data}
        calls={calls}
        query={query}
        setQuery={setQuery}
        filter={filter}
      />
      <CallAnnouncer />
    </LocaleContext.Provider>
  );
}

interface ScreenProps {
  readonly appState: AppState | null;
  readonly appError: IpcError | null;
  readonly retry: () => void;
  readonly data: PopoverData;
  readonly calls: CallsApi;
  readonly query: string;
  readonly setQuery: (query: string) => void;
  readonly filter: { readonly current: HTMLInputElement | null };
}

function PopoverScreen({
  appState,
  appError,
  retry,
  data,
  calls,
  query,
  setQuery,
  filter,
}: ScreenProps) {
  const m = useMessages(popoverMessages);
  const c = useMessages(commonMessages);
  const main = useRef<HTMLElement>(null);
  const listShown = appState?.configured === true && data.favorites.status === 'ready';
  useLayoutEffect(() => {
    if (listShown) markOnce('popover-rendered');
  }, [listShown]);

  const invite = useCallback(
    (favorite: FavoriteView) => {
      void calls.start(targetKey(favorite), { favoriteId: favorite.id });
    },
    [calls],
  );
  const cancel = useCallback(
    (call: CallView) => {
      void calls.cancel(call);
    },
    [calls],
  );
  const inviteAgain = useCallback(
    (entry: HistoryEntry) => {
      const key = targetKey(entry.target);
      const saved =
        data.favorites.status === 'ready'
          ? data.favorites.value.find((f) => targetKey(f) === key)
          : undefined;
      if (saved !== undefined) {
        void calls.start(key, { favoriteId: saved.id });
      } else if (entry.target.kind === 'room') {
        const room = data.rooms.get(entry.target.meetingRoomId);
        void calls.start(key, {
          room: {
            meetingRoomId: entry.target.meetingRoomId,
            name: room?.name ?? entry.target.name ?? '',
            location: room?.location ?? '',
          },
        });
      } else {
        void calls.start(key, {
          mra: {
            protocol: entry.target.protocol,
            dialString: entry.target.dialString,
            label: null,
          },
        });
      }
    },
    [calls, data.favorites, data.rooms],
  );

  let body;
  if (appState === null && appError === null) {
    body = (
      <div class="center-state">
        <Spinner label={c.loading} />
      </div>
    );
  } else if (appState === null) {
    body = (
      <div class="center-state">
        {appError !== null && <ErrorNotice error={appError} onRetry={retry} />}
      </div>
    );
  } else if (!appState.keychain.available) {
    body = (
      <div class="center-state">
        <ErrorNotice
          error={{
            kind: 'keychain',
            message: appState.keychain.message ?? '',
            code: null,
            hint: null,
          }}
          onRetry={retry}
        />
      </div>
    );
  } else if (!appState.configured) {
    body = (
      <div class="center-state empty">
        <span class="empty-icon" aria-hidden="true">
          <Icon name="key" />
        </span>
        <h2 class="empty-title">{m.setup.title}</h2>
        <p class="empty-hint">{m.setup.hint}</p>
        <button
          type="button"
          class="button button-primary"
          onClick={() => {
            openWindow('settings');
          }}
        >
          {m.setup.action}
        </button>
      </div>
    );
  } else {
    const favorites = data.favorites;
    const shown = favorites.status === 'ready' ? filterFavorites(favorites.value, query) : [];
    body = (
      <>
        <MeetingHeader meeting={data.meeting} onChanged={data.setMeeting} />
        {favorites.status === 'ready' && favorites.value.length > 0 && (
          <div class="filter">
            <Icon name="search" class="filter-icon" />
            <input
              ref={filter}
              class="filter-input"
              type="search"
              aria-label={m.favorites.filterLabel}
              placeholder={m.favorites.filterPlaceholder}
              autoComplete="off"
              spellcheck={false}
              value={query}
              onInput={(event) => {
                setQuery(event.currentTarget.value);
              }}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown' && main.current !== null) {
                  event.preventDefault();
                  focusRow(main.current, 0);
                } else if (event.key === 'Enter') {
                  event.preventDefault();
                  const first = shown[0];
                  if (first !== undefined) invite(first);
                }
              }}
            />
            {query.trim() !== '' && shown.length > 0 && (
              <kbd class="filter-hint">{m.favorites.enterToInvite}</kbd>
            )}
          </div>
        )}
        <section class="section section-favorites" aria-labelledby="fav-heading">
          <h2 class="section-heading" id="fav-heading">
            {m.favorites.heading}
          </h2>
          {favorites.status === 'loading' && <Spinner label={c.loading} />}
          {favorites.status === 'error' && (
            <ErrorNotice error={favorites.error} onRetry={retry} compact />
          )}
          {favorites.status === 'ready' && favorites.value.length === 0 && (
            <div class="empty empty-inline">
              <p class="empty-title">{m.favorites.emptyTitle}</p>
              <p class="empty-hint">{m.favorites.emptyHint}</p>
              <button
                type="button"
                class="button button-primary"
                onClick={() => {
                  openWindow('picker');
                }}
              >
                {m.footer.picker}
              </button>
            </div>
          )}
          {favorites.status === 'ready' && favorites.value.length > 0 && (
            <FavoriteList
              favorites={shown}
              query={query}
              rooms={data.rooms}
              calls={calls}
              onInvite={invite}
              onCancel={cancel}
            />
          )}
        </section>
        {query.trim() === '' && (
          <RecentList
            entries={data.history}
            favorites={data.favorites.status === 'ready' ? data.favorites.value : []}
            onInviteAgain={inviteAgain}
          />
        )}
      </>
    );
  }

  return (
    <div class="popover">
      <h1 class="visually-hidden">{m.title}</h1>
      <main
        class="popover-main"
        ref={main}
        onKeyDown={(event) => {
          if (
            main.current !== null &&
            handleRowKey(event, {
              container: main.current,
              filter: filter.current,
              onType: (char) => {
                setQuery(query + char);
              },
            })
          ) {
            event.preventDefault();
          }
        }}
      >
        {body}
      </main>
      <footer class="popover-footer">
        <button
          type="button"
          class="footer-link"
          onClick={() => {
            openWindow('picker');
          }}
        >
          <Icon name="grid" />
          {m.footer.picker}
        </button>
        <button
          type="button"
          class="footer-link"
          onClick={() => {
            openWindow('settings');
          }}
        >
          <Icon name="gear" />
          {m.footer.settings}
        </button>
      </footer>
    </div>
  );
}
