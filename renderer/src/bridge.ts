import type { RoomcallBridge } from '../../main/shared/ipc/bridge';

declare global {
  interface Window {
    /** Provided by the preload (Electron) or the preview bridge (browser). */
    readonly roomcall: RoomcallBridge;
  }
}

export function bridge(): RoomcallBridge {
  return window.roomcall;
}
