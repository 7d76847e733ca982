import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMemoryStore } from '../core/secrets/memory-store';
import type { ManagedLoad } from '../core/managed/load-managed';
import type { Environment } from '../core/secrets/env-credentials';
import { createMemoryRelayTokenStore } from '../core/secrets/memory-store';
import type { RelayBrowserSignIn } from '../app/services/relay-sign-in';
import type { Credentials } from '../core/wemeet/credentials';
import { openSettings } from '../core/store/settings';
import { createHandlerTable, type HandlerTable } from '../app/handlers/handler-table';
import { describeManaged } from '../app/handlers/diagnostics';
import type { AppWindowName, SaveFileOutcome } from '../app/handlers/window-port';
import { writeChosenFile } from '../app/electron/save-file';
import { createEventHub, type EventHub } from '../app/ipc/event-hub';
import { SaveFileError } from '../app/services/errors';
import { createAppServices, type AppServices } from '../app/services/create-app-services';
import { DEFAULT_PROFILE } from '../shared/model/settings-schema';

/**
 * Which API the preview talks to. The preview has none of its own: the caller names one (the
 * simulator's entry under test/preview/ starts a simulator and passes its address).
 */
export type PreviewApi =
  /** The API the WEMEET_* variables name, read as the CLI reads them (default process.env). */
  | { readonly kind: 'env'; readonly env?: Environment | undefined }
  /**
   * The API at `baseUrl`, saved in the settings before anything starts. `account`: saved too,
   * as if the person had set it up; null starts at onboarding, where what the person types is
   * tested against this address.
   */
  | { readonly kind: 'url'; readonly baseUrl: string; readonly account: PreviewAccount | null };

export interface PreviewAccount {
  readonly credentials: Credentials;
  readonly operatorId: string;
}

export interface BackendOptions {
  readonly api: PreviewApi;
  /** A folder to keep the data in; default a fresh temporary one, removed on close. */
  readonly dataDir?: string | undefined;
  readonly locale?: string | undefined;
  readonly version?: string | undefined;
  /** The organisation's managed configuration, as the app would load it; default none. */
  readonly managed?: ManagedLoad | undefined;
  /**
   * The relay sign-in (issue 17): the browser sign-in the shell would run (the UI tests pass
   * one whose "system browser" is a Chromium tab); without one, tokens only. Sign-ins are
   * kept in memory: the preview never touches the keychain.
   */
  readonly relayBrowserSignIn?: RelayBrowserSignIn | undefined;
}

/** What the page asked of the windows, which a browser tab cannot do itself. */
export type WindowAction =
  | { readonly action: 'open'; readonly window: AppWindowName }
  | { readonly action: 'hide-popover' }
  | { readonly action: 'open-external'; readonly url: string }
  | { readonly action: 'save-file'; readonly path: string | null };

/**
 * How the preview answers the save dialog it cannot show: `save` (into `<dataDir>/exports`),
 * `cancel` (as if the person closed the dialog) or `fail` (the write fails). Tests push
 * answers; with none left it saves.
 */
export type SaveAnswer = 'save' | 'cancel' | 'fail';

export interface PreviewBackend {
  readonly services: AppServices;
  readonly table: HandlerTable;
  readonly hub: EventHub;
  readonly dataDir: string;
  readonly windowActions: WindowAction[];
  /** The save dialog's next answers, taken in order (default `save`). */
  readonly saveAnswers: SaveAnswer[];
  /** Where the preview saves exports: `<dataDir>/exports`. */
  readonly exportDir: string;
  close(): Promise<void>;
}

/**
 * The app's services and handler table for the web preview, exactly as Electron builds them,
 * but with an in-memory credential store (the preview never touches the keychain), a
 * temporary data folder, and the API the options name.
 */
export async function createPreviewBackend(options: BackendOptions): Promise<PreviewBackend> {
  const { api } = options;
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'roomcall-preview-')));
  const credentialStore = createMemoryStore();
  if (api.kind === 'url') {
    // The settings point at the API even before onboarding, so the credentials the person
    // types in are tested against it.
    const settings = openSettings({ dir: dataDir, onWarning: () => undefined });
    const { account } = api;
    await settings.update({
      baseUrl: api.baseUrl,
      ...(account === null ? {} : { operatorId: account.operatorId }),
    });
    if (account !== null) await credentialStore.set(DEFAULT_PROFILE, account.credentials);
  }
  const env = api.kind === 'env' ? (api.env ?? process.env) : {};

  let services: AppServices | null = null;
  const hub = createEventHub({
    validate: true,
    secrets: () => services?.session.knownSecrets() ?? [],
    onDropped: (name, reason) => {
      console.error(`[preview] event ${name} not sent: ${reason}`);
    },
  });
  const managed = options.managed ?? { status: 'absent', file: '(none in the preview)' };
  services = createAppServices({
    dataDir,
    env,
    credentialStore,
    managed,
    relayTokenStore: createMemoryRelayTokenStore(),
    relayBrowserSignIn: options.relayBrowserSignIn,
    identity: {
      version: options.version ?? '0.0.0-preview',
      platform: 'web',
      systemLocale: options.locale ?? 'en-US',
    },
    emit: (name, payload) => {
      hub.emit(name, payload);
    },
  });
  const windowActions: WindowAction[] = [];
  const saveAnswers: SaveAnswer[] = [];
  const exportDir = path.join(dataDir, 'exports');
  // A browser tab cannot show the native save dialog, and a download would be "saved" before
  // anyone knows where: the preview writes into its own exports folder and says so by path.
  const saveFile = async (name: string, contents: string): Promise<SaveFileOutcome> => {
    const answer = saveAnswers.shift() ?? 'save';
    if (answer === 'cancel') {
      windowActions.push({ action: 'save-file', path: null });
      return { status: 'cancelled' };
    }
    const file = path.join(exportDir, name);
    if (answer === 'fail') throw new SaveFileError(file, { code: 'EACCES' });
    await mkdir(exportDir, { recursive: true });
    await writeChosenFile(file, contents);
    windowActions.push({ action: 'save-file', path: file });
    return { status: 'saved', path: file };
  };
  const table = createHandlerTable(services, {
    saveFile,
    // The server's clipboard is not the person's: the page copies the report itself.
    copyText: () => Promise.resolve(false),
    diagnostics: () => ({ managed: describeManaged(managed), logLines: [] }),
    openWindow: (window) => windowActions.push({ action: 'open', window }),
    hidePopover: () => windowActions.push({ action: 'hide-popover' }),
    openExternal: (url) => {
      windowActions.push({ action: 'open-external', url });
      return Promise.resolve();
    },
  });
  const running = services;
  return {
    services: running,
    table,
    hub,
    dataDir,
    windowActions,
    saveAnswers,
    exportDir,
    async close() {
      await running.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
