import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createMemoryStore } from '../core/secrets/memory-store';
import { DEFAULT_PROFILE } from '../core/secrets/credential-store';
import type { ManagedLoad } from '../core/managed/load-managed';
import type { Environment } from '../core/secrets/env-credentials';
import { openSettings } from '../core/store/settings';
import { createHandlerTable, type HandlerTable } from '../app/handlers/handler-table';
import { describeManaged } from '../app/handlers/diagnostics';
import type { AppWindowName, SaveFileOutcome } from '../app/handlers/window-port';
import { writeChosenFile } from '../app/electron/save-file';
import { createEventHub, type EventHub } from '../app/ipc/event-hub';
import { SaveFileError } from '../app/services/errors';
import { createAppServices, type AppServices } from '../app/services/create-app-services';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../test/sim/index';

export type PreviewApi = 'sim' | 'env';

export interface BackendOptions {
  /** 'sim' (default): a fresh simulator. 'env': the API the WEMEET_* variables name. */
  readonly api?: PreviewApi | undefined;
  readonly env?: Environment | undefined;
  /** With the simulator: start with its demo credentials saved (default) or not set up. */
  readonly configured?: boolean | undefined;
  readonly sim?: SimulatorOptions | undefined;
  /** A folder to keep the data in; default a fresh temporary one, removed on close. */
  readonly dataDir?: string | undefined;
  readonly locale?: string | undefined;
  readonly version?: string | undefined;
  /** The organisation's managed configuration, as the app would load it; default none. */
  readonly managed?: ManagedLoad | undefined;
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
  readonly sim: Simulator | null;
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
 * temporary data folder and the simulator, or with the real API when `api: 'env'`.
 */
export async function createPreviewBackend(options: BackendOptions = {}): Promise<PreviewBackend> {
  const api = options.api ?? 'sim';
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'roomcall-preview-')));
  const sim = api === 'sim' ? await startSimulator(options.sim ?? {}) : null;
  const credentialStore = createMemoryStore();
  if (sim !== null) {
    // The settings point at the simulator even before onboarding, so the demo credentials the
    // person types in pass "Test connection".
    const settings = openSettings({ dir: dataDir, onWarning: () => undefined });
    const configured = options.configured ?? true;
    await settings.update({
      baseUrl: sim.baseUrl,
      ...(configured ? { operatorId: sim.operatorId } : {}),
    });
    if (configured) await credentialStore.set(DEFAULT_PROFILE, sim.credentials);
  }
  const env = api === 'env' ? (options.env ?? process.env) : {};

  let services: AppServices | null = null;
  const hub = createEventHub({
    validate: true,
    secrets: () => services?.session.knownSecrets() ?? [],
    onDropped: (name, reason) => {
      console.error(`[preview] event ${name} not sent: ${reason}`);
    },
  });
  services = createAppServices({
    dataDir,
    env,
    credentialStore,
    managed: options.managed ?? { status: 'absent', file: '(none in the preview)' },
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
  const managed = options.managed ?? { status: 'absent', file: '(none in the preview)' };
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
    sim,
    dataDir,
    windowActions,
    saveAnswers,
    exportDir,
    async close() {
      await running.close();
      await sim?.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
