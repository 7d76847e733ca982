/**
 * Channel names, apart from the zod contract so the sandboxed preload stays tiny. A test
 * asserts that these lists and contract.ts name exactly the same verbs and events.
 */
export const INVOKE_VERBS = [
  'getAppState',
  'saveCredentials',
  'testConnection',
  'logout',
  'dismissWarnings',
  'copyDiagnostics',
  'getSettings',
  'updateSettings',
  'getCurrentMeeting',
  'refreshCurrentMeeting',
  'setMeeting',
  'chooseMeeting',
  'clearMeeting',
  'getDirectory',
  'refreshDirectory',
  'listFavorites',
  'addFavorite',
  'removeFavorite',
  'moveFavorite',
  'renameFavorite',
  'updateAddressFavorite',
  'exportFavorites',
  'importFavorites',
  'startCall',
  'cancelCall',
  'listCalls',
  'listHistory',
  'getPopoverSnapshot',
  'openWindow',
  'hidePopover',
  'openHelp',
  'relaySignInWithBrowser',
  'relaySignInCancel',
  'relaySignInWithToken',
  'relaySignOut',
] as const;

export const EVENT_NAMES = [
  'appStateChanged',
  'settingsChanged',
  'meetingChanged',
  'directoryChanged',
  'favoritesChanged',
  'callProgress',
  'popoverShown',
] as const;

/** `roomcall:<verb>` for invoke calls, `roomcall:event:<name>` for pushed events. */
export function invokeChannel(verb: string): string {
  return `roomcall:${verb}`;
}

export function eventChannel(name: string): string {
  return `roomcall:event:${name}`;
}
