import type { BrowserWindow } from 'electron';

/**
 * A window whose page died, hung or did not load is not left blank:
 * - 'render-process-gone' (docs/api/web-contents.md; details.reason): the renderer crashed,
 *   was killed or ran out of memory. A `clean-exit` is a normal end and left alone.
 * - 'unresponsive' / 'responsive' (docs/api/browser-window.md): a page still hung after the
 *   grace period is replaced.
 * - 'did-fail-load' (docs/api/web-contents.md: errorCode, errorDescription, validatedURL,
 *   isMainFrame): the main frame is loaded again, a few times. -3 (ERR_ABORTED) only means a
 *   newer navigation replaced the load (Chromium's net_error_list.h) and is no failure.
 * `recreate` destroys the window and makes a new one in its place.
 */
export const UNRESPONSIVE_GRACE_MS = 10_000;
export const LOAD_RETRIES = 2;
export const LOAD_RETRY_DELAY_MS = 1_000;
const ERR_ABORTED = -3;

export interface RecoveryOptions {
  readonly name: string;
  readonly recreate: () => void;
  readonly log: (what: string, detail: unknown) => void;
}

export function watchWindow(window: BrowserWindow, options: RecoveryOptions): void {
  const { name, recreate, log } = options;
  const contents = window.webContents;
  let hung: ReturnType<typeof setTimeout> | null = null;
  const stopWaiting = () => {
    if (hung !== null) clearTimeout(hung);
    hung = null;
  };
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log(`${name} window's page is gone`, details.reason);
    stopWaiting();
    recreate();
  });
  window.on('unresponsive', () => {
    stopWaiting();
    hung = setTimeout(() => {
      hung = null;
      if (window.isDestroyed()) return;
      log(`${name} window`, `unresponsive for ${UNRESPONSIVE_GRACE_MS} ms: recreated`);
      recreate();
    }, UNRESPONSIVE_GRACE_MS);
  });
  window.on('responsive', stopWaiting);
  window.on('closed', stopWaiting);
  let retries = 0;
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame || code === ERR_ABORTED) return;
    log(`${name} window did not load`, `${code} ${description}`);
    if (retries >= LOAD_RETRIES) return;
    retries += 1;
    setTimeout(() => {
      if (!window.isDestroyed()) void window.loadURL(url).catch(() => undefined);
    }, LOAD_RETRY_DELAY_MS);
  });
  contents.on('did-finish-load', () => {
    retries = 0;
  });
}
