import type { InvokeVerb, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { AppServices } from '../services/create-app-services';
import { newFavoriteFrom } from '../services/favorites-service';
import { diagnosticsReport } from './diagnostics';
import { popoverSnapshot } from './popover-snapshot';
import { HELP_URLS, type WindowPort } from './window-port';

/** One handler per contract verb: the parsed request in, the response data out (or a throw). */
export type Handler<V extends InvokeVerb> = (request: ParsedRequestOf<V>) => Promise<ResponseOf<V>>;

export type HandlerTable = { readonly [V in InvokeVerb]: Handler<V> };

/**
 * The handler table: plain functions, no Electron, shared by the Electron IPC wrapper and the
 * web preview's HTTP bridge. Requests arrive parsed by the contract (ipc/dispatch.ts); errors
 * are thrown as they are and turned into IpcErrors in one place (to-ipc-error.ts).
 */
export function createHandlerTable(app: AppServices, windows: WindowPort): HandlerTable {
  const appState = () => app.appState();
  // A named table: getPopoverSnapshot composes the table's own verbs.
  const table: HandlerTable = {
    getAppState: appState,
    saveCredentials: async (request) => {
      await app.credentials.save(request);
      return appState();
    },
    testConnection: () => app.credentials.test(),
    logout: async () => {
      await app.credentials.logout();
      return appState();
    },
    dismissWarnings: () => app.dismissWarnings(),
    copyDiagnostics: async () => {
      const report = diagnosticsReport({
        state: await appState(),
        settings: await app.settings.view(),
        shell: windows.diagnostics(),
        secrets: app.session.knownSecrets(),
      });
      return { report, copied: await windows.copyText(report) };
    },

    getSettings: () => app.settings.view(),
    updateSettings: (patch) => app.settings.update(patch),

    getCurrentMeeting: () => Promise.resolve(app.meeting.current()),
    refreshCurrentMeeting: () => app.meeting.refresh(),
    setMeeting: ({ text }) => app.meeting.setText(text),
    chooseMeeting: ({ meetingId }) => app.meeting.choose(meetingId),
    clearMeeting: () => app.meeting.clear(),

    getDirectory: () => app.directory.get(),
    refreshDirectory: () => app.directory.refresh(),

    listFavorites: async () => [...(await app.favorites.list())],
    addFavorite: (request) => app.favorites.add(newFavoriteFrom(request)),
    removeFavorite: async ({ id }) => [...(await app.favorites.remove(id))],
    moveFavorite: async ({ id, toIndex }) => [...(await app.favorites.move(id, toIndex))],
    renameFavorite: async ({ id, label }) => [...(await app.favorites.rename(id, label))],
    updateAddressFavorite: async ({ id, protocol, dialString, label }) => [
      ...(await app.favorites.updateAddress(id, { protocol, dialString, label })),
    ],
    exportFavorites: async () => {
      const { fileName, json } = await app.favorites.exportJson();
      return windows.saveFile(fileName, json);
    },
    importFavorites: ({ json }) => app.favorites.importJson(json),

    startCall: (request) => app.calls.start(request),
    cancelCall: ({ callId }) => Promise.resolve(app.calls.cancel(callId)),
    listCalls: () => Promise.resolve(app.calls.list()),
    listHistory: async () => [...(await app.history.load()).value],
    getPopoverSnapshot: () => popoverSnapshot(table),

    openWindow: ({ window }) => {
      windows.openWindow(window);
      return Promise.resolve(null);
    },
    hidePopover: () => {
      windows.hidePopover();
      return Promise.resolve(null);
    },
    openHelp: async ({ topic }) => {
      await windows.openExternal(HELP_URLS[topic]);
      return null;
    },

    relaySignInWithBrowser: async () => {
      await app.relay.signInWithBrowser();
      return appState();
    },
    relaySignInCancel: () => {
      app.relay.cancel();
      return Promise.resolve(null);
    },
    relaySignInWithToken: async ({ token }) => {
      await app.relay.signInWithToken(token);
      return appState();
    },
    relaySignOut: async () => {
      await app.relay.signOut();
      return appState();
    },
  };
  return table;
}
