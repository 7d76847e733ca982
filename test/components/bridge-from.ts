import type { RoomcallBridge } from '../../main/shared/ipc/bridge';
import type { InvokeVerb, IpcResult, RequestOf, ResponseOf } from '../../main/shared/ipc/contract';

/** One verb's call as a test bridge answers it: the verb and its request in, its result out. */
export type RunVerb = <V extends InvokeVerb>(
  verb: V,
  request: RequestOf<V>,
) => Promise<IpcResult<ResponseOf<V>>>;

/**
 * `window.roomcall` for the component tests' bridges (FakeBridge and the real handler table's):
 * each named verb of the contract goes to `run`, written out verb by verb so that the compiler
 * checks every one against RoomcallBridge (a verb added to the contract fails to compile here
 * until it is listed), without a cast.
 */
export function bridgeFrom(run: RunVerb, on: RoomcallBridge['on']): RoomcallBridge {
  return {
    getAppState: () => run('getAppState', undefined),
    saveCredentials: (request) => run('saveCredentials', request),
    testConnection: () => run('testConnection', undefined),
    logout: () => run('logout', undefined),
    dismissWarnings: () => run('dismissWarnings', undefined),
    copyDiagnostics: () => run('copyDiagnostics', undefined),
    getSettings: () => run('getSettings', undefined),
    updateSettings: (request) => run('updateSettings', request),
    getCurrentMeeting: () => run('getCurrentMeeting', undefined),
    refreshCurrentMeeting: () => run('refreshCurrentMeeting', undefined),
    setMeeting: (request) => run('setMeeting', request),
    chooseMeeting: (request) => run('chooseMeeting', request),
    clearMeeting: () => run('clearMeeting', undefined),
    getDirectory: () => run('getDirectory', undefined),
    refreshDirectory: () => run('refreshDirectory', undefined),
    listFavorites: () => run('listFavorites', undefined),
    addFavorite: (request) => run('addFavorite', request),
    removeFavorite: (request) => run('removeFavorite', request),
    moveFavorite: (request) => run('moveFavorite', request),
    renameFavorite: (request) => run('renameFavorite', request),
    updateAddressFavorite: (request) => run('updateAddressFavorite', request),
    exportFavorites: () => run('exportFavorites', undefined),
    importFavorites: (request) => run('importFavorites', request),
    startCall: (request) => run('startCall', request),
    cancelCall: (request) => run('cancelCall', request),
    listCalls: () => run('listCalls', undefined),
    listHistory: () => run('listHistory', undefined),
    getPopoverSnapshot: () => run('getPopoverSnapshot', undefined),
    openWindow: (request) => run('openWindow', request),
    hidePopover: () => run('hidePopover', undefined),
    openHelp: (request) => run('openHelp', request),
    relaySignInWithBrowser: () => run('relaySignInWithBrowser', undefined),
    relaySignInCancel: () => run('relaySignInCancel', undefined),
    relaySignInWithToken: (request) => run('relaySignInWithToken', request),
    relaySignOut: () => run('relaySignOut', undefined),
    on,
  };
}
