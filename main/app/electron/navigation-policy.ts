import { isHelpUrl } from '../handlers/window-port';
import { isAppUrl } from '../web/pages';

/**
 * What a page may open or navigate to (the Electron security checklist: limit navigation and
 * the creation of new windows). Pure, so every case is unit-tested.
 */

/** will-navigate / will-redirect: only within the app's own origin. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

export type WindowOpenDecision =
  | { readonly action: 'deny' }
  /** Denied as a window, opened in the person's browser instead. */
  | { readonly action: 'external'; readonly url: string };

/** setWindowOpenHandler: no window is ever opened; an https help link goes to the browser. */
export function windowOpenDecision(url: string): WindowOpenDecision {
  const parsed = URL.parse(url);
  if (parsed?.protocol === 'https:' && isHelpUrl(parsed.href)) {
    return { action: 'external', url: parsed.href };
  }
  return { action: 'deny' };
}
