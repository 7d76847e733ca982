import { bridge } from '../bridge';
import { invoke } from '../lib/call';
import type { FrameLoads } from '../lib/use-app-frame';
import type {
  CallView,
  CurrentMeeting,
  FavoriteView,
  IpcResult,
  ResponseOf,
} from '../../../main/shared/ipc/contract';
import type { HistoryEntry } from '../../../main/shared/model/history-schema';

type Snapshot = ResponseOf<'getPopoverSnapshot'>;
type Part = keyof Snapshot;
type DataOf<P extends Part> = Extract<Snapshot[P], { ok: true }>['data'];

/** A load function as the live-value hooks take it: one bridge call's result. */
export type Load<T> = () => Promise<IpcResult<T>>;

interface PopoverSnapshot {
  /**
   * A load for one part: its first call answers from the snapshot (no round trip of its own);
   * every later call (a retry, the popover shown again) is `own`, the part's own verb. Should
   * the snapshot itself fail (the preview's connection dropped), the first call is `own` too,
   * so each part says what went wrong with it exactly as before the snapshot existed.
   */
  readonly load: <P extends Part>(part: P, own: Load<DataOf<P>>) => Load<DataOf<P>>;
}

/**
 * The popover's data at start, in one IPC round trip (getPopoverSnapshot) instead of six:
 * asked at once, when this is called (the popover calls it during its first render).
 */
function startPopoverSnapshot(): PopoverSnapshot {
  const answer = invoke(() => bridge().getPopoverSnapshot());
  return {
    load: (part, own) => {
      let first = true;
      return async () => {
        if (!first) return own();
        first = false;
        const snapshot = await answer;
        return snapshot.ok ? snapshot.data[part] : own();
      };
    },
  };
}

/** How the popover fetches each of its values: the snapshot's part first, then its own verb. */
export interface PopoverLoads {
  readonly frame: FrameLoads;
  readonly meeting: Load<CurrentMeeting>;
  readonly favorites: Load<FavoriteView[]>;
  readonly calls: Load<CallView[]>;
  readonly history: Load<HistoryEntry[]>;
}

/** Asks for the snapshot now; make it once per popover (each load answers from it once). */
export function startPopoverLoads(): PopoverLoads {
  const snapshot = startPopoverSnapshot();
  return {
    frame: {
      appState: snapshot.load('appState', () => bridge().getAppState()),
      settings: snapshot.load('settings', () => bridge().getSettings()),
    },
    meeting: snapshot.load('meeting', () => bridge().getCurrentMeeting()),
    favorites: snapshot.load('favorites', () => bridge().listFavorites()),
    calls: snapshot.load('calls', () => bridge().listCalls()),
    history: snapshot.load('history', () => bridge().listHistory()),
  };
}
