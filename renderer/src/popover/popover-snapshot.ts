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

/** How the popover fetches each of its values: the snapshot's part first, then its own verb. */
export interface PopoverLoads {
  readonly frame: FrameLoads;
  readonly meeting: Load<CurrentMeeting>;
  readonly favorites: Load<FavoriteView[]>;
  readonly calls: Load<CallView[]>;
  readonly history: Load<HistoryEntry[]>;
}

/**
 * The popover's data at start, in one IPC round trip (getPopoverSnapshot) instead of six,
 * asked at once, when this is called (the popover calls it during its first render; once, as
 * each load answers from the snapshot once). A part's first load answers from the snapshot (no
 * round trip of its own); every later one (a retry, the popover shown again) is `own`, the
 * part's own verb. Should the snapshot itself fail (the preview's connection dropped), the
 * first load is `own` too, so each part says what went wrong with it exactly as before the
 * snapshot existed.
 */
export function startPopoverLoads(): PopoverLoads {
  const answer = invoke(() => bridge().getPopoverSnapshot());
  const load = <P extends Part>(part: P, own: Load<DataOf<P>>): Load<DataOf<P>> => {
    let first = true;
    return async () => {
      if (!first) return own();
      first = false;
      const snapshot = await answer;
      return snapshot.ok ? snapshot.data[part] : own();
    };
  };
  return {
    frame: {
      appState: load('appState', () => bridge().getAppState()),
      settings: load('settings', () => bridge().getSettings()),
    },
    meeting: load('meeting', () => bridge().getCurrentMeeting()),
    favorites: load('favorites', () => bridge().listFavorites()),
    calls: load('calls', () => bridge().listCalls()),
    history: load('history', () => bridge().listHistory()),
  };
}
