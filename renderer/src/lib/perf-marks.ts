/**
 * User Timing marks for the budgets `npm run bench` reads in Chromium (performance entries
 * are cheap and invisible): when a page first showed its content, and how long each search
 * keystroke took from the input event to the committed list.
 */
const marked = new Set<string>();

/** `roomcall:<name>`, once per page load (e.g. the popover's first list of favourites). */
export function markOnce(name: string): void {
  if (marked.has(name) || typeof performance === 'undefined') return;
  marked.add(name);
  performance.mark(`roomcall:${name}`);
}

let keystrokeStart: number | null = null;

/** Call in the input handler of a search box. */
export function keystrokeStarted(): void {
  keystrokeStart = typeof performance === 'undefined' ? null : performance.now();
}

/** Call once the filtered list has been committed (a layout effect): one measure per keystroke. */
export function keystrokeDone(name: string): void {
  if (keystrokeStart === null) return;
  performance.measure(`roomcall:${name}`, { start: keystrokeStart, end: performance.now() });
  keystrokeStart = null;
}
