/**
 * The API the preload exposes as `window.roomcall`, derived from the contract. The renderer
 * codes against this type only; the web preview's bridge and the renderer's test double
 * implement the same type.
 */
import type {
  EventName,
  EventPayloadOf,
  InvokeVerb,
  IpcResult,
  RequestOf,
  ResponseOf,
} from './contract';

type InvokeMethods = {
  readonly [V in InvokeVerb]: RequestOf<V> extends undefined
    ? () => Promise<IpcResult<ResponseOf<V>>>
    : (request: RequestOf<V>) => Promise<IpcResult<ResponseOf<V>>>;
};

export interface RoomcallEvents {
  /** Subscribes to a pushed event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
}

export type RoomcallBridge = InvokeMethods & RoomcallEvents;
