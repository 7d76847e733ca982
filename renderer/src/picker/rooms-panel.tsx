import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { useLocale, useMessages } from '../i18n/locale';
import { formatNumber } from '../lib/format';
import { keystrokeStarted } from '../lib/perf-marks';
import type { CallsApi } from '../lib/use-calls';
import { ChangeFailureNotice } from '../ui/change-failure-notice';
import { ErrorNotice } from '../ui/error-notice';
import { Spinner } from '../ui/spinner';
import { DirectoryStatusBar } from './directory-status';
import { pickerMessages } from './messages';
import { DEFAULT_QUERY, type RoomQuery } from './room-query';
import { RoomRow } from './room-row';
import { RoomToolbar } from './room-toolbar';
import type { DirectoryState } from './use-directory';
import { useRoomSearch } from './use-room-search';
import { useRoomStars } from './use-room-stars';
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
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const search = useRef<HTMLInputElement>(null);

  const rooms = directory.rooms;
  const { sorted, shown } = useRoomSearch(rooms, query, intl);

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

  const { star, starChanges, retryButton } = useRoomStars(
    starredIds,
    shown,
    search,
    setFocusRequest,
  );

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
