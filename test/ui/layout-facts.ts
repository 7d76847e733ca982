/**
 * Layout facts every screen must hold whatever draws its rows, for the UI tests: no sideways
 * scrollbar, a long list virtualised, and every row that shows named in full for screen
 * readers (a name cut short on screen is still read out whole).
 */
import type { Locator, Page } from 'playwright/test';
import { expect } from './fixtures';

/*
 * What the page-side checks use of the DOM, typed here: this project's compiler has no DOM
 * library (the tests run in Node); Playwright runs these functions in the page.
 */
interface PageBox {
  getBoundingClientRect(): { top: number; bottom: number; width: number };
  readonly parentElement: PageBox | null;
}
interface PageScroller {
  readonly scrollWidth: number;
  readonly clientWidth: number;
}
interface PageWindow {
  readonly innerHeight: number;
  getComputedStyle(element: PageBox): { overflowX: string; overflowY: string };
  readonly document: { scrollingElement: PageScroller | null; documentElement: PageScroller };
}

/** The document's scrolling box: wider content than the window means a sideways scrollbar. */
function sideways(): PageScroller {
  const { document } = globalThis as unknown as PageWindow;
  const root = document.scrollingElement ?? document.documentElement;
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
}

/** Whether any part of an element is inside the window and every box that clips it. */
function shows(element: PageBox): boolean {
  const page = globalThis as unknown as PageWindow;
  const box = element.getBoundingClientRect();
  let top = Math.max(box.top, 0);
  let bottom = Math.min(box.bottom, page.innerHeight);
  for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
    const style = page.getComputedStyle(parent);
    if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
    const clip = parent.getBoundingClientRect();
    top = Math.max(top, clip.top);
    bottom = Math.min(bottom, clip.bottom);
  }
  return bottom - top > 1 && box.width > 0;
}

export async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(sideways);
  expect(scrollWidth, `${where}: the document scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/**
 * At most `max` row-like elements in the page, whatever list, grid or listbox holds them:
 * a list of thousands is virtualised.
 */
export async function expectAtMostRows(page: Page, max: number, where: string): Promise<void> {
  const rows = await page.locator('li, [role="listitem"], [role="option"], [role="row"]').count();
  expect(rows, `${where}: row-like elements in the DOM`).toBeLessThanOrEqual(max);
}

/**
 * Each row that shows (inside every scrolling box around it and the window) has an accessible
 * name, its own or a control's, holding a whole name: a name cut short on screen is still
 * read out in full.
 */
export async function expectFullNames(
  rows: Locator,
  names: ReadonlySet<string>,
  where: string,
): Promise<void> {
  let visible = 0;
  for (const row of await rows.all()) {
    if (!(await row.evaluate(shows))) continue;
    visible += 1;
    const accessibleNames = namesIn(await row.ariaSnapshot());
    const full = accessibleNames.some((accessible) =>
      [...names].some((name) => accessible.includes(name)),
    );
    expect(full, `${where}: a visible row named ${JSON.stringify(accessibleNames)}`).toBe(true);
  }
  expect(visible, `${where}: visible rows`).toBeGreaterThan(0);
}

/** The accessible names in an ARIA snapshot: `- button "Invite …"` gives `Invite …`. */
function namesIn(snapshot: string): string[] {
  const names: string[] = [];
  for (const match of snapshot.matchAll(/^\s*- [a-z]+ ("(?:[^"\\]|\\.)*")/gm)) {
    const quoted = match[1];
    if (quoted !== undefined) names.push(JSON.parse(quoted) as string);
  }
  return names;
}
