import { useEffect, useRef } from 'preact/hooks';
import type { EventName, EventPayloadOf } from '../../../main/shared/ipc/contract';
import { bridge } from '../bridge';

/** Subscribes for the component's lifetime; the latest listener runs, without resubscribing. */
export function useBridgeEvent<E extends EventName>(
  event: E,
  listener: (payload: EventPayloadOf<E>) => void,
): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    return bridge().on(event, (payload) => {
      latest.current(payload);
    });
  }, [event]);
}
