import { useLayoutEffect, useRef } from 'preact/hooks';
import type { EventName, EventPayloadOf } from '../../../main/shared/ipc/contract';
import { bridge } from '../bridge';

/** Subscribes for the component's lifetime; the latest listener runs, without resubscribing. */
export function useBridgeEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayloadOf<E>) => void,
): void {
  const latest = useRef(listener);
  latest.current = listener;
  // A layout effect subscribes right after the first render, before the frame is painted,
  // so an event that follows a page's first requests is not missed while it waits.
  useLayoutEffect(() => {
    return bridge().on(event, (payload) => {
      latest.current(payload);
    });
  }, [event]);
}
