import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { invoke } from '../lib/call';
import { fromResult, LOADING, type Loadable } from '../lib/loadable';
import type { CurrentMeeting, Favorite, HistoryEntry, RoomView } from '../lib/types';
import { useBridgeEvent } from '../lib/use-bridge-event';

export interface PopoverData {
  readonly meeting: Loadable<CurrentMeeting>;
  readonly favorites: Loadable<readonly Favorite[]>;
  readonly history: readonly HistoryEntry[];
  /** Directory rooms by ID, for the favourites' live status; empty until it arrives. */
  readonly rooms: ReadonlyMap<string, RoomView>;
  readonly setMeeting: (meeting: CurrentMeeting) => void;
  readonly refresh: () => Promise<void>;
  readonly reloadHistory: () => void;
}

/**
 * Everything the popover shows besides the frame. The meeting and the favourites come first
 * (they are all the first paint needs); the directory, which can hold thousands of rooms, is
 * fetched after that paint and only for the statuses of favourite rooms.
 */
export function usePopoverData(): PopoverData {
  const [meeting, setMeetingState] = useState<Loadable<CurrentMeeting>>(LOADING);
  const [favorites, setFavorites] = useState<Loadable<readonly Favorite[]>>(LOADING);
  const [history, setHistory] = useState<readonly HistoryEntry[]>([]);
  const [rooms, setRooms] = useState<ReadonlyMap<string, RoomView>>(new Map());
  const fetchedAt = useRef<string | null>(null);

  const loadHistory = useCallback(async () => {
    const result = await invoke(() => bridge().listHistory());
    if (result.ok) setHistory(result.data);
  }, []);

  const loadRooms = useCallback(async () => {
    const result = await invoke(() => bridge().getDirectory());
    if (!result.ok) return;
    fetchedAt.current = result.data.fetchedAt;
    setRooms(new Map(result.data.rooms.map((room) => [room.meetingRoomId, room])));
  }, []);

  const refresh = useCallback(async () => {
    const [current, list] = await Promise.all([
      invoke(() => bridge().getCurrentMeeting()),
      invoke(() => bridge().listFavorites()),
    ]);
    setMeetingState(fromResult(current));
    setFavorites(fromResult(list));
    void loadHistory();
  }, [loadHistory]);

  useEffect(() => {
    void refresh().then(() => {
      // After the first paint: statuses are a nicety, the list is the point.
      setTimeout(() => void loadRooms(), 0);
    });
  }, [refresh, loadRooms]);

  useBridgeEvent('meetingChanged', (value) => {
    setMeetingState({ status: 'ready', value });
  });
  useBridgeEvent('favoritesChanged', (value) => {
    setFavorites({ status: 'ready', value });
  });
  useBridgeEvent('directoryChanged', (status) => {
    if (!status.syncing && status.fetchedAt !== fetchedAt.current) void loadRooms();
  });
  useBridgeEvent('callProgress', (call) => {
    if (call.settled) void loadHistory();
  });

  const setMeeting = useCallback((value: CurrentMeeting) => {
    setMeetingState({ status: 'ready', value });
  }, []);

  return {
    meeting,
    favorites,
    history,
    rooms,
    setMeeting,
    refresh,
    reloadHistory: () => void loadHistory(),
  };
}
