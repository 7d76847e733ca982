import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { bridge } from '../bridge';
import { invoke } from '../lib/call';
import { useBridgeEvent } from '../lib/use-bridge-event';
import type { DirectoryStatus, IpcError, RoomView } from '../../../main/shared/ipc/contract';

export interface DirectoryState {
  /** The cached rooms: shown at once, replaced when a refresh completes. */
  readonly rooms: readonly RoomView[] | null;
  readonly status: DirectoryStatus | null;
  /** getDirectory itself failed (distinct from a failed background refresh in status.error). */
  readonly error: IpcError | null;
  readonly refresh: () => void;
}

/**
 * The directory, instantly from main's cache, then refreshed in the background: progress
 * arrives as directoryChanged, and the rooms are fetched again once fetchedAt moves.
 */
export function useDirectory(): DirectoryState {
  const [rooms, setRooms] = useState<readonly RoomView[] | null>(null);
  const [status, setStatus] = useState<DirectoryStatus | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const fetchedAt = useRef<string | null | undefined>(undefined);

  const load = useCallback(async () => {
    const result = await invoke(() => bridge().getDirectory());
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const { rooms: list, ...rest } = result.data;
    fetchedAt.current = rest.fetchedAt;
    setError(null);
    setRooms(list);
    setStatus(rest);
  }, []);

  const refresh = useCallback(() => {
    void invoke(() => bridge().refreshDirectory()).then((result) => {
      // A refresh that could be asked for replaces an earlier failure to ask (Try again).
      setError(result.ok ? null : result.error);
      if (result.ok) setStatus(result.data);
    });
  }, []);

  useEffect(() => {
    void load().then(refresh);
  }, [load, refresh]);

  useBridgeEvent('directoryChanged', (next) => {
    setStatus(next);
    if (!next.syncing && next.fetchedAt !== fetchedAt.current) void load();
  });

  return { rooms, status, error, refresh };
}
