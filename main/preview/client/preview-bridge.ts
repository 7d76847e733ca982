/**
 * The script the preview server adds to every page (<script src="/preview-bridge.js">, before
 * the page's own module): it defines `window.roomcall` over the HTTP bridge, as the preload
 * does in Electron. Bundled by scripts/build.mjs to out/preview/preview-bridge.js.
 */
import { createPreviewBridge, type EventSourceLike } from './bridge-client';

interface BrowserGlobals {
  readonly EventSource: new (url: string) => EventSourceLike;
  open(url: string, target: string): unknown;
  readonly location: { readonly hash: string; readonly search: string };
}

const browser = globalThis as unknown as BrowserGlobals;

/** The token the preview printed in the page's address: `#token=…`, or `?token=…`. */
function pageToken(): string {
  const fromHash = new URLSearchParams(browser.location.hash.slice(1)).get('token');
  return fromHash ?? new URLSearchParams(browser.location.search).get('token') ?? '';
}

Object.defineProperty(globalThis, 'roomcall', {
  value: createPreviewBridge({
    base: '',
    token: pageToken(),
    fetch: (url, init) => fetch(url, init),
    eventSource: (url) => new browser.EventSource(url),
    open: (url, target) => {
      browser.open(url, target);
    },
  }),
  enumerable: true,
});
