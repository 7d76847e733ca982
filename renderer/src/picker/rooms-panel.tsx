import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { useLocale, useMessages } from '../i18n/locale';
import { formatNumber } from '../lib/format';
import { keystrokeDone, keystrokeStarted, markOnce } from '../lib/perf-marks';
import type { CallsApi } from '../lib/use-calls';
import { useChanges } from '../lib/use-change';
import { ChangeFailureNotice } from '../ui/change-failure-notice';
import { ErrorNotice } from '../ui/error-notice';
import { Spinner } from '../ui/spinner';
import { DirectoryStatusBar } from './directory-status';
import { pickerMessages } from './messages';
import { DEFAULT_QUERY, RoomFilter, sortRooms, type RoomQuery } from './room-query';
import { RoomRow } from './room-row';
import { RoomToolbar } from './room-toolbar';
import { SearchIndex } from './search-index';
import type { DirectoryState } from './use-directory';
import { VirtualList, type FocusRequest } from './virtual-list';
import { targetKey } from '../../../main/shared/rules/targets';
import type { CallView, FavoriteView, RoomView } from '../../../main/shared/ipc/contract';

const ROW_HEIGHT = 56;

interface Props {
  readonly directory: DirectoryState;
  readonly favorites: readonly FavoriteView[];
  readonly calls: CallsApi;
  readonly canInvite: boolean;
}

function roomRequest(room: RoomView) {
  return { room: { meetingRoomId: room.meetingRoomId, name: room.name, location: room.location } };
}

/** The whole directory: search, filter, sort, select, star and invite. */
export function RoomsPanel({ directory, favorites, calls, canInvite }: Props) {
  const m = useMessages(pickerMessages);
  const { intl } = useLocale();
  const [query, setQuery] = useState<RoomQuery>(DEFAULT_QUERY);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [enriched, setEnriched] = useState(0);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const starChanges = useChanges<string>();
  const runStar = starChanges.run;
  const retryButton = useRef<HTMLButtonElement>(null);
  /** A star failed while its button still had focus: "Try again" takes it (see star). */
  const focusRetry = useRef(false);

  const rooms = directory.rooms;
  const index = useMemo(() => new SearchIndex(rooms ?? []), [rooms]);
  const filter = useMemo(() => new RoomFilter(index), [index]);
  useEffect(() => {
    let stopped = false;
    // Pinyin keys fill in after the list is on screen: the dictionary is a separate chunk,
    // loaded once, and the filter re-runs when the keys are ready.
    void import('./pinyin-keys')
      .then(({ pinyinKey }) => index.enrich(pinyinKey, () => stopped))
      .then(() => {
        if (!stopped) setEnriched((n) => n + 1);
      });
    return () => {
      stopped = true;
    };
  }, [index]);

  const sorted = useMemo(() => sortRooms(index.rooms, query.sort, intl), [index, query.sort, intl]);
  const shown = useMemo(
    () => filter.apply(sorted, query),
    // `enriched` is a dependency on purpose: it re-runs the filter once pinyin keys exist.
    [filter, sorted, query, enriched],
  );

  useLayoutEffect(() => {
    if (rooms !== null) markOnce('picker-rendered');
    keystrokeDone('picker-search');
  }, [rooms, shown]);

  /** Room favourites by room ID; the organisation's (`managed`) cannot be unstarred. */
  const starredIds = useMemo(() => {
    const map = new Map<string, { readonly id: string; readonly managed: boolean }>();
    for (const favorite of favorites)
      if (favorite.kind === 'room')
        map.set(favorite.meetingRoomId, { id: favorite.id, managed: favorite.managed });
    return map;
  }, [favorites]);

  const moveFocus = useCallback(
    (to: number, col: string) => {
      if (to < 0) {
        search.current?.focus();
        return;
      }
      const index = Math.min(to, shown.length - 1);
      if (index >= 0) setFocusRequest({ index, selector: `[data-col="${col}"]` });
    },
    [shown.length],
  );

  const onListKey = (event: KeyboardEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    const col = target.dataset['col'];
    const row = target.closest<HTMLElement>('[data-index]');
    if (col === undefined || row === null) return;
    const at = Number(row.dataset['index']);
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: 8, PageUp: -8 }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      moveFocus(at + step, col);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveFocus(event.key === 'Home' ? 0 : shown.length - 1, col);
    }
  };

  const shownRef = useRef(shown);
  shownRef.current = shown;

  /**
   * Stars and unstars. A failure is said above the list (rows have one fixed height), with a
   * "Try again" that sends the same change once more; when the star still had focus, focus
   * moves to that button, and back to the star once the retry has saved it.
   */
  const star = useCallback(
    (room: RoomView, on: boolean) => {
      const starred = starredIds.get(room.meetingRoomId);
      const origin = document.activeElement;
      const failing = () => {
        if (origin !== null && origin !== document.body && document.activeElement === origin)
          focusRetry.current = true;
      };
      const backToStar = (_data: unknown, retried: boolean) => {
        if (!retried) return;
        const at = shownRef.current.findIndex((item) => item.meetingRoomId === room.meetingRoomId);
        if (at === -1) search.current?.focus();
        else setFocusRequest({ index: at, selector: '[data-col="star"]' });
      };
      if (on && starred === undefined) {
        const request = {
          kind: 'room',
          meetingRoomId: room.meetingRoomId,
          name: room.name,
          location: room.location,
        } as const;
        // A retry after an attempt that did save is answered 'duplicate': starred once, fine.
        void runStar({
          send: () => bridge().addFavorite(request),
          about: room.meetingRoomId,
          failed: m.favorites.failed.add(room.name),
          retryLabel: m.favorites.failed.retry(m.row.star(room.name)),
          done: backToStar,
          failing,
        });
      } else if (!on && starred !== undefined && !starred.managed) {
        const request = { id: starred.id };
        // Removing what is already gone is no error in main: a retry cannot remove twice.
        void runStar({
          send: () => bridge().removeFavorite(request),
          about: room.meetingRoomId,
          failed: m.favorites.failed.remove(room.name),
          retryLabel: m.favorites.failed.retry(m.row.unstar(room.name)),
          done: backToStar,
          failing,
        });
      }
    },
    [starredIds, runStar, m],
  );

  useEffect(() => {
    if (!focusRetry.current || starChanges.failure === null) return;
    focusRetry.current = false;
    retryButton.current?.focus();
  }, [starChanges.failure]);

  const invite = useCallback(
    (room: RoomView) => {
      void calls.start(
        targetKey({ kind: 'room', meetingRoomId: room.meetingRoomId }),
        roomRequest(room),
      );
    },
    [calls],
  );
  const cancel = useCallback(
    (call: CallView) => {
      void calls.cancel(call);
    },
    [calls],
  );
  const select = useCallback((room: RoomView, on: boolean) => {
    setSelected((set) => {
      const next = new Set(set);
      if (on) next.add(room.meetingRoomId);
      else next.delete(room.meetingRoomId);
      return next;
    });
  }, []);

  const inviteSelected = () => {
    for (const room of sorted) if (selected.has(room.meetingRoomId)) invite(room);
    setSelected(new Set());
  };

  if (rooms === null) {
    return (
      <div class="panel-state">
        {directory.error !== null ? (
          <ErrorNotice error={directory.error} onRetry={directory.refresh} />
        ) : (
          <>
            <Spinner label={m.directory.firstLoad} />
            <p>{m.directory.firstLoad}</p>
          </>
        )}
      </div>
    );
  }

  const filtered = query.text.trim() !== '' || query.callableOnly || query.status !== 'all';
  return (
    <div class="rooms-panel">
      <RoomToolbar
        query={query}
        onChange={(next) => {
          if (next.text !== query.text) keystrokeStarted();
          setQuery(next);
        }}
        searchRef={search}
        onSearchKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            moveFocus(0, 'invite');
          }
        }}
      />
      <div class="list-meta">
        <span class="result-count" role="status">
          {filtered
            ? m.search.results(formatNumber(shown.length, intl), formatNumber(rooms.length, intl))
            : m.directory.count(formatNumber(rooms.length, intl))}
        </span>
        <DirectoryStatusBar status={directory.status} onRefresh={directory.refresh} />
      </div>
      {selected.size > 0 && (
        <div class="selection-bar" role="region" aria-label={m.selection.count(selected.size)}>
          <span class="selection-count">{m.selection.count(selected.size)}</span>
          <button
            type="button"
            class="button button-primary"
            disabled={!canInvite}
            onClick={inviteSelected}
          >
            {m.selection.invite(selected.size)}
          </button>
          <button
            type="button"
            class="button button-quiet"
            onClick={() => {
              setSelected(new Set());
            }}
          >
            {m.selection.clear}
          </button>
        </div>
      )}
      {starChanges.failure !== null && (
        <div class="rooms-notice">
          <ChangeFailureNotice failure={starChanges.failure} retryRef={retryButton} />
        </div>
      )}
      {shown.length === 0 ? (
        <div class="panel-state">
          <p>{rooms.length === 0 ? m.directory.empty : m.search.noMatch}</p>
          {filtered && (
            <button
              type="button"
              class="button"
              onClick={() => {
                setQuery({ ...DEFAULT_QUERY, sort: query.sort });
              }}
            >
              {m.search.clearFilters}
            </button>
          )}
        </div>
      ) : (
        <VirtualList
          items={shown}
          rowHeight={ROW_HEIGHT}
          itemKey={(room) => room.meetingRoomId}
          label={m.title}
          focusRequest={focusRequest}
          resetKey={`${query.text}|${String(query.callableOnly)}|${query.status}|${query.sort}`}
          onKeyDown={onListKey}
          renderRow={(room) => {
            const key = targetKey({ kind: 'room', meetingRoomId: room.meetingRoomId });
            return (
              <RoomRow
                room={room}
                starred={starredIds.has(room.meetingRoomId)}
                starLocked={starredIds.get(room.meetingRoomId)?.managed === true}
                selected={selected.has(room.meetingRoomId)}
                call={calls.byTarget.get(key)}
                starting={calls.starting.has(key)}
                refused={calls.refused.get(key)}
                onSelect={select}
                onStar={star}
                onInvite={invite}
                onCancel={cancel}
              />
            );
          }}
        />
      )}
    </div>
  );
}
