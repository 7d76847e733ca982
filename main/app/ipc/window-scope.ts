import type { InvokeVerb } from '../../shared/ipc/contract';

/** The app's windows, as the shell knows them (web/pages.ts names the same three pages). */
export type AppWindowKind = 'popover' | 'picker' | 'settings';

const ALL: readonly AppWindowKind[] = ['popover', 'picker', 'settings'];
const CALLS: readonly AppWindowKind[] = ['popover', 'picker'];

/**
 * Which window may call which verb: what each page's code actually calls (renderer/src), and
 * nothing more, so a compromised page can only do what its window is for. Reading is open to
 * every window; the credentials (save, test, log out), the settings and dismissing the warnings are the settings
 * window's alone, so the popover, which is open the most, can never save credentials; the
 * favourites' changes and their import/export are the picker's; the meeting and hiding the
 * popover are the popover's. main/app/README.md shows this table.
 */
export const VERB_WINDOWS: Readonly<Record<InvokeVerb, readonly AppWindowKind[]>> = {
  getAppState: ALL,
  saveCredentials: ['settings'],
  testConnection: ['settings'],
  logout: ['settings'],
  dismissWarnings: ['settings'],
  copyDiagnostics: ['settings'],
  getSettings: ALL,
  updateSettings: ['settings'],
  getCurrentMeeting: ALL,
  refreshCurrentMeeting: ALL,
  setMeeting: ['popover'],
  chooseMeeting: ['popover'],
  clearMeeting: ['popover'],
  getDirectory: ALL,
  refreshDirectory: CALLS,
  listFavorites: ALL,
  addFavorite: ['picker'],
  removeFavorite: ['picker'],
  moveFavorite: ['picker'],
  renameFavorite: ['picker'],
  updateAddressFavorite: ['picker'],
  exportFavorites: ['picker'],
  importFavorites: ['picker'],
  startCall: CALLS,
  cancelCall: CALLS,
  listCalls: ALL,
  listHistory: ALL,
  getPopoverSnapshot: ['popover'],
  openWindow: ALL,
  hidePopover: ['popover'],
  openHelp: ALL,
  // The relay sign-in (issue 17) is the settings window's, as the credentials are.
  relaySignInWithBrowser: ['settings'],
  relaySignInCancel: ['settings'],
  relaySignInWithToken: ['settings'],
  relaySignOut: ['settings'],
};

/** Why `window` may not call `verb`, or null when it may. */
export function scopeProblem(verb: string, window: AppWindowKind): string | null {
  if (!Object.hasOwn(VERB_WINDOWS, verb)) return null; // dispatch refuses unknown verbs itself
  return VERB_WINDOWS[verb as InvokeVerb].includes(window)
    ? null
    : `the ${window} window may not call ${verb}`;
}
