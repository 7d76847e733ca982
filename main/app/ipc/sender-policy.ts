import type { InvokeEventLike } from './types';
import type { AppWindowKind } from './window-scope';

/** The app's own pages: served from app://roomcall/… (see web/pages.ts), in a known window. */
export interface SenderPolicy {
  /** True for the webContents of the app's own windows. */
  readonly isAppWindow: (webContentsId: number) => boolean;
  /**
   * Which of the app's windows a webContents is. When given (the Electron shell always gives
   * it), each verb is accepted only from the windows window-scope.ts lists for it; a sender
   * whose window is unknown is refused.
   */
  readonly windowOf?: ((webContentsId: number) => AppWindowKind | null) | undefined;
  readonly scheme: string;
  readonly host: string;
}

/**
 * Why a message must be refused, or null when it comes from one of the app's own windows, from
 * its main frame, on the app's own origin (the Electron security checklist: validate the
 * sender of every IPC message). A subframe, a page navigated elsewhere, a window that is not
 * ours, or a frame already gone are all refused.
 */
export function senderProblem(event: InvokeEventLike, policy: SenderPolicy): string | null {
  const { sender, senderFrame } = event;
  if (!policy.isAppWindow(sender.id)) return 'the sender is not one of the app windows';
  if (senderFrame === null) return 'the sending frame is gone';
  if (
    senderFrame.parent !== null ||
    senderFrame.frameTreeNodeId !== sender.mainFrame.frameTreeNodeId
  ) {
    return 'the sender is a subframe';
  }
  const url = URL.parse(senderFrame.url);
  if (url === null || url.protocol !== `${policy.scheme}:` || url.host !== policy.host) {
    return 'the sender is not on the app origin';
  }
  if (url.username !== '' || url.password !== '' || url.port !== '') {
    return 'the sender is not on the app origin';
  }
  return null;
}
