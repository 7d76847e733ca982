import type { RoomcallBridge } from '../shared/ipc/bridge';
import { EVENT_NAMES, INVOKE_VERBS, eventChannel, invokeChannel } from '../shared/ipc/channels';

/** The part of ipcRenderer the bridge uses; the preload passes Electron's own. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * `window.roomcall`: one named function per contract verb and `on(event, listener)`. The
 * page never gets ipcRenderer, a channel name it can choose, or Electron's event object:
 * each verb sends exactly its one request, and listeners receive the payload only.
 */
export function createRoomcallApi(ipc: IpcRendererLike): RoomcallBridge {
  const api: Record<string, unknown> = {};
  for (const verb of INVOKE_VERBS) {
    const channel = invokeChannel(verb);
    api[verb] = (request?: unknown) => ipc.invoke(channel, request);
  }
  const events: readonly string[] = EVENT_NAMES;
  api['on'] = (event: unknown, listener: unknown): (() => void) => {
    if (typeof event !== 'string' || !events.includes(event)) {
      throw new TypeError('roomcall.on: unknown event');
    }
    if (typeof listener !== 'function')
      throw new TypeError('roomcall.on: listener must be a function');
    const channel = eventChannel(event);
    const forward = (_event: unknown, payload: unknown) => {
      (listener as (payload: unknown) => void)(payload);
    };
    ipc.on(channel, forward);
    return () => {
      ipc.removeListener(channel, forward);
    };
  };
  // The verbs are built from the same lists the contract test checks against contract.ts.
  return Object.freeze(api) as unknown as RoomcallBridge;
}
