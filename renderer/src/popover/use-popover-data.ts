import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { invoke } from '../lib/call';
import type { Loadable } from '../lib/loadable';
import { useBridgeEvent } from '../lib/use-bridge-event';
import { useLiveValue } from '../lib/use-live-value';
import type { PopoverLoads } from './popover-snapshot';
import type { CurrentMeeting, FavoriteView, RoomView } from '../../../main/shared/ipc/contract';
import type { HistoryEntry } from '../../../main/shared/model/history-schema';

export interface PopoverData {
  readonly meeting: Loadable<CurrentMeeting>;
  readonly favorites: Loadable<readonly FavoriteView[]>;
  readonly history: readonly HistoryEntry[];
  /** Directory rooms by ID, for the favourites' live status; empty until it arrives. */
  readonly rooms: ReadonlyMap<string, RoomView>;
  readonly setMeeting: (meeting: CurrentMeeting) => void;
  readonly refresh: () => Promise<void>;
}

/**
 * Everything the popover shows besides the frame. The meeting and the favourites come first
 * (they are all the first paint needs), with the recent invites in the same answer (`loads`:
 * the popover's snapshot, popover-snapshot.ts); the directory, which can hold thousands of
 * rooms, is fetched after that paint and only for the statuses of favourite rooms.
 */
export function usePopoverData(loads: PopoverLoads): PopoverData {
  const meeting = useLiveValue('meetingChanged', loads.meeting);
  const favorites = useLiveValue('favoritesChanged', loads.favorites);
  const historyLoad = loads.history;
  const [history, setHistory] = useState<readonly HistoryEntry[]>([]);
  const [rooms, setRooms] = useState<ReadonlyMap<string, RoomView>>(new Map());
  const fetchedAt = useRef<string | null>(null);

  const loadHistory = useCallback(async () => {
    const result = await invoke(historyLoad);
    if (result.ok) setHistory(result.data);
  }, [historyLoad]);

  const loadRooms = useCallback(async () => {
    const result = await invoke(() => bridge().getDirectory());
    if (!result.ok) return;
    // Never fetched (a first run): ask for it, so favourites get their status; the answer
    // comes back as directoryChanged, which loads the rooms again.
    if (result.data.fetchedAt === null && !result.data.syncing) {
      void invoke(() => bridge().refreshDirectory());
    }
    fetchedAt.current = result.data.fetchedAt;
    setRooms(new Map(result.data.rooms.map((room) => [room.meetingRoomId, room])));
  }, []);

  // The first paint needs the meeting and the favourites only. The recent invites (already
  // here, in the snapshot), then the directory (thousands of rooms, for the favourites'
  // statuses) follow once that paint is done, so they never compete with it for the bridge,
  // main's time or the first frame's rendering.
  const painted = favorites.value.status !== 'loading';
  const hasRooms =
    favorites.value.status === 'ready' &&
    favorites.value.value.some((favorite) => favorite.kind === 'room');
  useEffect(() => {
    if (!painted) return undefined;
    const timer = setTimeout(() => void loadHistory(), 0);
    return () => {
      clearTimeout(timer);
    };
  }, [painted, loadHistory]);
  useEffect(() => {
    if (!hasRooms) return undefined;
    const timer = setTimeout(() => void loadRooms(), 50);
    return () => {
      clearTimeout(timer);
    };
  }, [hasRooms, loadRooms]);

  const reloadMeeting = meeting.reload;
  const reloadFavorites = favorites.reload;
  const refresh = useCallback(async () => {
    await Promise.all([reloadMeeting(), reloadFavorites(), loadHistory()]);
  }, [reloadMeeting, reloadFavorites, loadHistory]);

  useBridgeEvent('directoryChanged', (status) => {
    if (!status.syncing && status.fetchedAt !== fetchedAt.current) void loadRooms();
  });
  useBridgeEvent('callProgress', (call) => {
    if (call.settled) void loadHistory();
  });

  return {
    meeting: meeting.value,
    favorites: favorites.value,
    history,
    rooms,
    setMeeting: meeting.set,
    refresh,
  };
}
