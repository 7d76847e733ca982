import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { useLocale, useMessages } from '../i18n/locale';
import { formatNumber } from '../lib/format';
import { keystrokeStarted } from '../lib/perf-marks';
import type { CallsApi } from '../lib/use-calls';
import { ChangeFailureNotice } from '../ui/change-failure-notice';
import { ErrorNotice } from '../ui/error-notice';
import { DirectoryLoading } from './directory-loading';
import { directoryPhase } from './directory-phase';
import { DirectoryStatusBar } from './directory-status';
import { pickerMessages } from './messages';
import { DEFAULT_QUERY, type RoomQuery } from './room-query';
import { RoomRow } from './room-row';
import { RoomToolbar } from './room-toolbar';
import { SelectionBar } from './selection-bar';
import type { DirectoryState } from './use-directory';
import { useRoomKeys } from './use-room-keys';
import { useRoomSearch } from './use-room-search';
import { useRoomStars } from './use-room-stars';
import { VirtualList, type FocusRequest } from './virtual-list';
import { targetKey } from '../../../main/shared/rules/targets';
import type { CallView, FavoriteView, RoomView } from '../../../main/shared/ipc/contract';

/** Compact rows (name and location on two lines): 8 fit at the window's minimum size. */
export const ROW_HEIGHT = 40;
/** Space after the last row while the batch bar covers the list's bottom. */
const BAR_CLEARANCE = 104;

interface Props {
  readonly directory: DirectoryState;
  readonly favorites: readonly FavoriteView[];
  readonly calls: CallsApi;
  readonly canInvite: boolean;
}

function roomRequest(room: RoomView) {
  return { room: { meetingRoomId: room.meetingRoomId, name: room.name, location: room.location } };
}

function keyOf(room: RoomView): string {
  return targetKey({ kind: 'room', meetingRoomId: room.meetingRoomId });
}

/** The whole directory: search, filter, sort, select, star and invite. */
export function RoomsPanel({ directory, favorites, calls, canInvite }: Props) {
  const m = useMessages(pickerMessages);
  const { intl } = useLocale();
  const [query, setQuery] = useState<RoomQuery>(DEFAULT_QUERY);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [searchFocused, setSearchFocused] = useState(false);
  const search = useRef<HTMLInputElement>(null);

  const phase = directoryPhase(directory);
  const { sorted, shown } = useRoomSearch(directory.rooms, query, intl);

  /** Room favourites by room ID; the organisation's (`managed`) cannot be unstarred. */
  const starredIds = useMemo(() => {
    const map = new Map<string, { readonly id: string; readonly managed: boolean }>();
    for (const favorite of favorites)
      if (favorite.kind === 'room')
        map.set(favorite.meetingRoomId, { id: favorite.id, managed: favorite.managed });
    return map;
  }, [favorites]);

  const { star, starChanges, retryButton } = useRoomStars(
    starredIds,
    shown,
    search,
    setFocusRequest,
  );

  /** The one-ring rule of every invite here (row button, Enter, batch): nothing in flight. */
  const canStart = useCallback(
    (room: RoomView) => {
      const key = keyOf(room);
      const call = calls.byTarget.get(key);
      return room.callable && !calls.starting.has(key) && (call === undefined || call.settled);
    },
    [calls],
  );
  const invite = useCallback(
    (room: RoomView) => {
      if (canStart(room)) void calls.start(keyOf(room), roomRequest(room));
    },
    [calls, canStart],
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

  const first = shown[0];
  const enterTarget =
    query.text.trim() !== '' && first !== undefined && canStart(first) ? first : null;
  const { onSearchKeyDown, onListKey } = useRoomKeys({
    shown,
    query,
    setQuery,
    search,
    setFocusRequest,
    enterTarget,
    invite,
  });

  const selectedRooms = useMemo(
    () => (selected.size === 0 ? [] : sorted.filter((room) => selected.has(room.meetingRoomId))),
    [sorted, selected],
  );
  const hidden = useMemo(() => {
    if (selectedRooms.length === 0) return 0;
    const visible = new Set(shown.map((room) => room.meetingRoomId));
    return selectedRooms.filter((room) => !visible.has(room.meetingRoomId)).length;
  }, [selectedRooms, shown]);
  const invitable = selectedRooms.filter(canStart);

  const inviteSelected = () => {
    for (const room of invitable) invite(room);
    setSelected(new Set());
  };

  const filtered = query.text.trim() !== '' || query.callableOnly || query.status !== 'all';
  const hint = searchFocused && enterTarget !== null ? m.roomsUi.enterHint(enterTarget.name) : null;
  return (
    <div class="rooms-panel">
      <RoomToolbar
        query={query}
        onChange={(next) => {
          if (next.text !== query.text) keystrokeStarted();
          setQuery(next);
        }}
        searchRef={search}
        onSearchKeyDown={onSearchKeyDown}
        onSearchFocus={setSearchFocused}
        describedBy={hint === null ? undefined : 'enter-hint'}
      />
      {phase.kind === 'loading' ? (
        <DirectoryLoading progress={phase.progress} rowHeight={ROW_HEIGHT} />
      ) : phase.kind === 'failed' ? (
        <div class="panel-state">
          <ErrorNotice
            error={phase.error}
            context={m.roomsUi.loadFailed}
            onRetry={directory.refresh}
          />
        </div>
      ) : phase.kind === 'empty' ? (
        <div class="panel-state">
          <p>{m.directory.empty}</p>
          <DirectoryStatusBar status={directory.status} onRefresh={directory.refresh} />
        </div>
      ) : (
        <>
          <div class="list-meta">
            <span class="result-count" role="status">
              {filtered
                ? m.search.results(
                    formatNumber(shown.length, intl),
                    formatNumber(phase.rooms.length, intl),
                  )
                : m.directory.count(formatNumber(phase.rooms.length, intl))}
            </span>
            {hint !== null && (
              <span class="enter-hint" id="enter-hint">
                {hint}
              </span>
            )}
            <DirectoryStatusBar
              status={directory.status}
              error={directory.error}
              onRefresh={directory.refresh}
            />
          </div>
          {starChanges.failure !== null && (
            <div class="rooms-notice">
              <ChangeFailureNotice failure={starChanges.failure} retryRef={retryButton} />
            </div>
          )}
          {shown.length === 0 ? (
            <div class="panel-state">
              <p>{m.search.noMatch}</p>
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
              endPadding={selectedRooms.length > 0 ? BAR_CLEARANCE : 0}
              renderRow={(room, index) => {
                const key = keyOf(room);
                return (
                  <RoomRow
                    room={room}
                    starred={starredIds.has(room.meetingRoomId)}
                    starLocked={starredIds.get(room.meetingRoomId)?.managed === true}
                    selected={selected.has(room.meetingRoomId)}
                    call={calls.byTarget.get(key)}
                    starting={calls.starting.has(key)}
                    refused={calls.refused.get(key)}
                    enterTarget={hint !== null && index === 0}
                    onSelect={select}
                    onStar={star}
                    onInvite={invite}
                    onCancel={cancel}
                  />
                );
              }}
            />
          )}
        </>
      )}
      {selectedRooms.length > 0 && (
        <SelectionBar
          selected={selectedRooms}
          hidden={hidden}
          invitable={invitable}
          canInvite={canInvite}
          onInvite={inviteSelected}
          onClear={() => {
            setSelected(new Set());
          }}
        />
      )}
    </div>
  );
}
