import { useCallback, useRef, useState } from 'preact/hooks';
import type { EventName, EventPayloadOf, IpcResult } from '../../../main/shared/ipc/contract';
import { invoke } from './call';
import { fromResult, LOADING, type Loadable } from './loadable';
import { useBridgeEvent } from './use-bridge-event';

export interface LiveValue<T> {
  readonly value: Loadable<T>;
  /** Fetches it again; an event that arrives meanwhile wins over the older answer. */
  readonly reload: () => Promise<void>;
  /** Takes a value from a call's answer (setMeeting, updateSettings…). */
  readonly set: (value: T) => void;
}

/**
 * A value main owns: fetched on mount and kept current by its event. The fetch and the
 * event race (the event can overtake the answer to a request sent before it), so an answer
 * is dropped when an event arrived after its request left: otherwise a stale "loading"
 * meeting could overwrite the meeting that was just found, and stay on screen.
 */
export function useLiveValue<E extends EventName>(
  event: E,
  load: () => Promise<IpcResult<EventPayloadOf<E>>>,
): LiveValue<EventPayloadOf<E>> {
  const [value, setValue] = useState<Loadable<EventPayloadOf<E>>>(LOADING);
  const version = useRef(0);
  const loader = useRef(load);
  loader.current = load;

  const set = useCallback((next: EventPayloadOf<E>) => {
    version.current += 1;
    setValue({ status: 'ready', value: next });
  }, []);

  const reload = useCallback(async () => {
    const sent = version.current;
    const result = await invoke(loader.current);
    if (version.current === sent) setValue(fromResult(result));
  }, []);

  // The first fetch leaves during the first render, not in an effect: effects wait for a
  // painted frame, and the popover's budget (first list within 50 ms) cannot spare one.
  const started = useRef(false);
  if (!started.current) {
    started.current = true;
    void reload();
  }
  useBridgeEvent(event, set);

  return { value, reload, set };
}
