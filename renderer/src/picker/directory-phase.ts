import type { DirectoryState } from './use-directory';
import type { IpcError, RoomView } from '../../../main/shared/ipc/contract';

/**
 * What the Rooms tab can truthfully say about the directory:
 * - `loading`: no completed list yet and one is on its way (or about to be asked for);
 *   `progress` once the first page has told the total.
 * - `failed`: no list to show, and fetching one failed.
 * - `empty`: a completed fetch returned no rooms (the organisation really has none).
 * - `ready`: rooms to show (a background refresh, or its failure, is the status bar's).
 */
export type DirectoryPhase =
  | { readonly kind: 'loading'; readonly progress: { loaded: number; total: number } | null }
  | { readonly kind: 'failed'; readonly error: IpcError }
  | { readonly kind: 'empty' }
  | { readonly kind: 'ready'; readonly rooms: readonly RoomView[] };

export function directoryPhase({
  rooms,
  status,
  error,
}: Pick<DirectoryState, 'rooms' | 'status' | 'error'>): DirectoryPhase {
  if (rooms !== null && rooms.length > 0) return { kind: 'ready', rooms };
  const syncing = status?.syncing === true;
  const progress = status?.progress ?? null;
  const loading = {
    kind: 'loading',
    progress: progress !== null && progress.total > 0 ? progress : null,
  } as const;
  // A refresh under way wins over an older failure: it is what happens now.
  if (syncing) return loading;
  const failure = error ?? status?.error ?? null;
  if (failure !== null) return { kind: 'failed', error: failure };
  // Only a fetch that completed (fetchedAt set) can say the organisation has no rooms;
  // before the first refresh has even started, the list is still to come.
  if (rooms !== null && status?.fetchedAt != null) return { kind: 'empty' };
  return loading;
}
