import type { IpcResult, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { toIpcError } from './to-ipc-error';

type PartVerbs =
  | 'getAppState'
  | 'getSettings'
  | 'getCurrentMeeting'
  | 'listFavorites'
  | 'listCalls'
  | 'listHistory';
type Snapshot = ResponseOf<'getPopoverSnapshot'>;
/**
 * The handler table's verbs the snapshot asks, typed from the contract as the table types them
 * (handler-table.ts passes itself; naming its HandlerTable here would tie the two in a circle).
 */
type PartHandlers = {
  readonly [V in PartVerbs]: (request: ParsedRequestOf<V>) => Promise<ResponseOf<V>>;
};

/**
 * getPopoverSnapshot: the popover's first screen in one round trip. It asks the handler table's
 * own verbs, all at once, and answers what each gave, so it can never drift from them; a part
 * that fails carries its error as that verb would have (toIpcError, as dispatch does), and the
 * other parts still arrive. The response schema then checks every part as the verb's would.
 */
export async function popoverSnapshot(verbs: PartHandlers): Promise<Snapshot> {
  const [appState, settings, meeting, favorites, calls, history] = await Promise.all([
    part(() => verbs.getAppState(undefined)),
    part(() => verbs.getSettings(undefined)),
    part(() => verbs.getCurrentMeeting(undefined)),
    part(() => verbs.listFavorites(undefined)),
    part(() => verbs.listCalls(undefined)),
    part(() => verbs.listHistory(undefined)),
  ]);
  return { appState, settings, meeting, favorites, calls, history };
}

/** One verb's answer as a result; a handler that throws (even synchronously) is its error. */
async function part<T>(run: () => Promise<T>): Promise<IpcResult<T>> {
  try {
    return { ok: true, data: await run() };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}
