/**
 * Where the renderer's pages live. Electron serves out/renderer/ as app://roomcall/… (a custom
 * protocol rather than file://, per the Electron security checklist); the web preview serves
 * the same folder over loopback HTTP. The renderer build must produce these three files.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'roomcall';
const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const PAGES = {
  popover: 'popover.html',
  picker: 'picker.html',
  settings: 'settings.html',
} as const;

export type PageName = keyof typeof PAGES;

export function pageUrl(page: PageName): string {
  return `${APP_ORIGIN}/${PAGES[page]}`;
}

/** True for a URL on the app's own origin (what navigation may go to). */
export function isAppUrl(url: string): boolean {
  const parsed = URL.parse(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
