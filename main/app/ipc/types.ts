/**
 * The parts of Electron's IPC the wrapper uses, as structural types: Electron's own ipcMain
 * and WebContents satisfy them, and unit tests drive the wrapper with plain fakes.
 */

export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
  readonly frameTreeNodeId: number;
}

export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

export interface InvokeEventLike {
  readonly sender: WebContentsLike;
  /** Null when the frame navigated away or was destroyed before the message was handled. */
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}
