/**
 * A stand-in for the parts of Electron 45 the RoomCall shell uses, for tests that run the real
 * main-process code in Node (`vi.mock('electron', () => createFakeElectron(...))`). It records
 * what the shell did and lets a test act as the OS would (ready, click the tray, blur, crash a
 * renderer, end the session). Where the shell relies on Electron's behaviour, the stand-in
 * follows Electron's docs or source (electron/electron at v45, cited beside each rule) rather
 * than Node's: net.fetch is test/helpers/fake-net-fetch.ts.
 */
import { existsSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { createNetFetch, type SeenRequest } from './fake-net-fetch';

type Listener = (...args: unknown[]) => unknown;

class Emitter extends EventEmitter {
  fire(name: string, ...args: unknown[]): void {
    this.emit(name, ...args);
  }
}

/**
 * dialog.showSaveDialog as docs/api/dialog.md (v45) describes it: `showSaveDialog([window,]
 * options)` resolves `{ canceled, filePath }`, where `filePath` is an empty string when the
 * dialog is cancelled; it is for after 'ready'. The test plays the person: each queued answer
 * is the path they choose, or null to cancel (no answer left: cancel).
 */
export function createFakeDialog(isReady: () => boolean = () => true) {
  const answers: (string | null)[] = [];
  const shown: { parent: unknown; options: { defaultPath?: string | undefined } }[] = [];
  return {
    answers,
    shown,
    showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
      if (!isReady()) throw new Error('dialog.showSaveDialog called before app is ready');
      const [parent, options] = args.length >= 2 ? [args[0], args[1]] : [null, args[0]];
      shown.push({ parent, options: options as { defaultPath?: string } });
      const answer = answers.shift() ?? null;
      return Promise.resolve(
        answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer },
      );
    },
  };
}

/** An Electron Event: preventDefault() and defaultPrevented (docs/api/structures/event.md). */
export function electronEvent(): { preventDefault(): void; defaultPrevented: boolean } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

let nextContentsId = 1;
/** Whether app 'ready' has been emitted (lib/browser/api/app.ts: app.isReady()). */
const lifecycle: { ready: boolean; app: Emitter | null } = { ready: false, app: null };

function requireReady(message: string, kind: 'Error' | 'TypeError' = 'Error'): void {
  if (!lifecycle.ready) throw kind === 'TypeError' ? new TypeError(message) : new Error(message);
}

export class FakeWebContents extends Emitter {
  readonly id = nextContentsId++;
  readonly sent: [string, unknown][] = [];
  readonly mainFrame = { url: '', parent: null, frameTreeNodeId: this.id * 10 };
  windowOpenHandler: Listener | null = null;
  reloads = 0;
  destroyed = false;
  isDestroyed = () => this.destroyed;
  isDevToolsFocused = () => false;
  send = (channel: string, payload: unknown) => {
    this.sent.push([channel, payload]);
  };
  setWindowOpenHandler = (handler: Listener) => {
    this.windowOpenHandler = handler;
  };
  reload = () => {
    this.reloads += 1;
  };
  /** Electron's 'render-process-gone' (docs/api/web-contents.md): details.reason. */
  crash(reason = 'crashed'): void {
    this.fire('render-process-gone', electronEvent(), { reason, exitCode: 1 });
  }
}

export class FakeBrowserWindow extends Emitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  url = '';
  visible = false;
  focused = false;
  destroyed = false;
  backgroundColor: string | null = null;
  bounds: { x: number; y: number; width: number; height: number } | null = null;

  constructor(options: Record<string, unknown>) {
    // electron_api_browser_window.cc: "Cannot create BrowserWindow before app is ready".
    requireReady('Cannot create BrowserWindow before app is ready');
    super();
    this.options = options;
    this.backgroundColor =
      typeof options['backgroundColor'] === 'string' ? options['backgroundColor'] : null;
    FakeBrowserWindow.all.push(this);
    bootOrder.push('window');
    // docs/api/app.md: 'web-contents-created', then 'browser-window-created', as a window is
    // made (lib/browser/api/browser-window.ts emits the latter from its constructor).
    lifecycle.app?.fire('web-contents-created', electronEvent(), this.webContents);
    lifecycle.app?.fire('browser-window-created', electronEvent(), this);
  }

  loadURL = (url: string) => {
    this.url = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  };
  setVisibleOnAllWorkspaces = () => undefined;
  setMenu = () => undefined;
  setBackgroundColor = (color: string) => {
    this.backgroundColor = color;
  };
  isDestroyed = () => this.destroyed;
  isVisible = () => this.visible;
  isMinimized = () => false;
  restore = () => undefined;
  setBounds = (bounds: { x: number; y: number; width: number; height: number }) => {
    this.bounds = bounds;
  };
  show = () => {
    this.visible = true;
    this.fire('show');
  };
  hide = () => {
    this.visible = false;
    this.fire('hide');
  };
  focus = () => {
    this.focused = true;
  };
  /**
   * destroy(): no 'close' event, but 'closed' (docs/api/browser-window.md, win.destroy());
   * the webContents goes with it.
   */
  destroy = () => {
    if (this.destroyed) return;
    this.visible = false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.fire('closed');
  };
  /** close(): 'close' (cancellable), then as destroy() (docs/api/browser-window.md). */
  close = () => {
    const event = electronEvent();
    this.fire('close', event);
    if (!event.defaultPrevented) this.destroy();
  };
}

export class FakeTray extends Emitter {
  static readonly all: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  contextMenu: unknown = null;
  poppedUp: unknown[] = [];
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.all.push(this);
    bootOrder.push('tray');
  }
  setImage = (image: unknown) => {
    this.image = image;
  };
  setToolTip = (tooltip: string) => {
    this.tooltip = tooltip;
  };
  setContextMenu = (menu: unknown) => {
    this.contextMenu = menu;
  };
  popUpContextMenu = (menu: unknown) => {
    this.poppedUp.push(menu);
  };
  getBounds = () => ({ x: 1800, y: 1045, width: 24, height: 30 });
  isDestroyed = () => this.destroyed;
  destroy = () => {
    this.destroyed = true;
  };
}

/** What the shell did, in order: "handle:<channel>", "tray", "window". */
export const bootOrder: string[] = [];

export interface FakeElectronOptions {
  /** Start already ready (the boot test calls bootShell directly); default true. */
  readonly ready?: boolean;
  readonly isPackaged?: boolean;
  readonly platform?: NodeJS.Platform;
}

function fakeSession(partition: string, options: unknown) {
  const seen: SeenRequest[] = [];
  const permissions: Record<string, Listener> = {};
  return Object.assign(new Emitter(), {
    partition,
    options,
    seen,
    permissions,
    fetch: createNetFetch(seen),
    setPermissionRequestHandler: (handler: Listener) => (permissions['request'] = handler),
    setPermissionCheckHandler: (handler: Listener) => (permissions['check'] = handler),
    setDevicePermissionHandler: (handler: Listener) => (permissions['device'] = handler),
    setDisplayMediaRequestHandler: (handler: Listener) => (permissions['display'] = handler),
  });
}

export function createFakeElectron(userData: () => string, options: FakeElectronOptions = {}) {
  lifecycle.ready = options.ready ?? true;
  const platform = options.platform ?? process.platform;
  const paths = new Map<string, string>();
  const record = {
    appUserModelIds: [] as string[],
    /** The userData path each requestSingleInstanceLock() saw: Electron locks that folder. */
    singleInstanceLocks: [] as string[],
    errorBoxes: [] as [string, string][],
    /** Calls made before 'ready', by name. */
    beforeReady: [] as string[],
  };
  const note = (name: string) => {
    if (!lifecycle.ready) record.beforeReady.push(name);
  };
  const getPath = (name: string): string => {
    const set = paths.get(name);
    if (set !== undefined) return set;
    if (name === 'userData') return userData();
    // electron_paths.cc, DIR_APP_LOGS: ~/Library/Logs/<name> on macOS, <userData>/logs else.
    if (name === 'logs') {
      return platform === 'darwin'
        ? path.join('/tmp', 'Library', 'Logs', 'RoomCall')
        : path.join(getPath('userData'), 'logs');
    }
    if (name === 'appData') return path.dirname(userData());
    return '/tmp';
  };
  let readyResolve: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    readyResolve = resolve;
  });
  const app = Object.assign(new Emitter(), {
    isPackaged: options.isPackaged ?? false,
    name: 'RoomCall',
    dock: { hide: () => undefined, hidden: false },
    isReady: () => lifecycle.ready,
    // lib/browser/api/app.ts: whenReady() settles once 'ready' has been emitted.
    whenReady: () => (lifecycle.ready ? Promise.resolve() : readyPromise),
    /** The OS finishing start-up: 'will-finish-launching', then 'ready' (docs/api/app.md). */
    emitReady: () => {
      app.fire('will-finish-launching');
      lifecycle.ready = true;
      app.fire('ready', electronEvent(), {});
      readyResolve();
    },
    requestSingleInstanceLock: () => {
      note('requestSingleInstanceLock');
      // electron_api_app.cc RequestSingleInstanceLock: the lock is the userData folder's.
      record.singleInstanceLocks.push(getPath('userData'));
      return true;
    },
    setAppUserModelId: (id: string) => {
      note('setAppUserModelId');
      record.appUserModelIds.push(id);
    },
    getAppPath: () => process.cwd(),
    getPath,
    /**
     * electron_api_app.cc SetPath: "Path must be absolute", and PathService's
     * OverrideAndCreateIfNeeded(create = false) fails ("Failed to set path") when the folder
     * does not exist (docs/api/app.md, app.setPath).
     */
    setPath: (name: string, value: string) => {
      note(`setPath:${name}`);
      if (!path.isAbsolute(value)) throw new Error('Path must be absolute');
      if (!existsSync(value)) throw new Error('Failed to set path');
      paths.set(name, value);
    },
    getVersion: () => '9.9.9',
    getPreferredSystemLanguages: () => ['en-US'],
    getLocale: () => 'en-US',
    setLoginItemSettings: (settings: unknown) => {
      app.loginItems.push(settings);
    },
    loginItems: [] as unknown[],
    quitCalls: 0,
    quit: () => {
      app.quitCalls += 1;
    },
    exitCodes: [] as number[],
    exit: (code = 0) => {
      app.exitCodes.push(code);
    },
  });
  lifecycle.app = app;
  const handlers = new Map<string, Listener>();
  const protocol = {
    privileged: [] as unknown[],
    handled: new Map<string, Listener>(),
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      // electron_api_protocol.cc: "should be called before app is ready".
      if (lifecycle.ready) {
        throw new Error(
          'protocol.registerSchemesAsPrivileged should be called before app is ready',
        );
      }
      // electron/electron#40544 (codeCache privilege): enabling the code cache for a scheme
      // that is not standard throws, since its cache key needs the scheme's origin.
      for (const scheme of schemes) {
        const privileges = (scheme as { privileges?: { standard?: boolean; codeCache?: boolean } })
          .privileges;
        if (privileges?.codeCache === true && privileges.standard !== true) {
          throw new Error('Code cache can only be enabled when standard is true');
        }
      }
      protocol.privileged.push(...schemes);
    },
    handle: (scheme: string, handler: Listener) => {
      protocol.handled.set(scheme, handler);
    },
  };
  const defaultSession = fakeSession('', undefined);
  const partitions = new Map<string, ReturnType<typeof fakeSession>>();
  const session = {
    get defaultSession() {
      requireReady('Session can only be received when app is ready', 'TypeError');
      return defaultSession;
    },
    /**
     * docs/api/session.md, session.fromPartition: the same Session for the same partition;
     * '' is the default session. electron_api_session.cc throws a TypeError before ready.
     */
    fromPartition: (partition: string, partitionOptions?: unknown) => {
      requireReady('Session can only be received when app is ready', 'TypeError');
      if (partition === '') return defaultSession;
      let found = partitions.get(partition);
      if (found === undefined) {
        found = fakeSession(partition, partitionOptions);
        partitions.set(partition, found);
      }
      return found;
    },
    partitions,
  };
  const shortcuts = new Map<string, Listener>();
  const saveDialog = createFakeDialog(() => lifecycle.ready);
  let clipboardText = '';
  return {
    app,
    record,
    protocol,
    /** The default session's permission handlers. */
    permissions: defaultSession.permissions,
    handlers,
    shortcuts,
    BrowserWindow: FakeBrowserWindow,
    Tray: FakeTray,
    ipcMain: {
      handle: (channel: string, listener: Listener) => {
        bootOrder.push(`handle:${channel}`);
        handlers.set(channel, listener);
      },
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    session,
    shell: { openExternal: () => Promise.resolve() },
    dialog: {
      ...saveDialog,
      // docs/api/dialog.md: showErrorBox may be called before 'ready' (it is the one dialog
      // that can: it shows a plain native box).
      showErrorBox: (title: string, content: string) => {
        record.errorBoxes.push([title, content]);
      },
    },
    /**
     * docs/api/clipboard.md (v45): writeText(text) and readText() return promises, modelled on
     * the W3C navigator.clipboard; writeText resolves once the text is on the clipboard.
     */
    clipboard: {
      writeText: (text: string) => {
        clipboardText = text;
        return Promise.resolve();
      },
      readText: () => Promise.resolve(clipboardText),
    },
    powerMonitor: new Emitter(),
    screen: {
      getCursorScreenPoint: () => ({ x: 1810, y: 1060 }),
      getAllDisplays: () => [
        {
          bounds: { x: 0, y: 0, width: 1920, height: 1080 },
          workArea: { x: 0, y: 0, width: 1920, height: 1040 },
        },
      ],
    },
    globalShortcut: {
      register: (accelerator: string, callback: Listener) => {
        shortcuts.set(accelerator, callback);
        return true;
      },
      unregister: (accelerator: string) => shortcuts.delete(accelerator),
      unregisterAll: () => {
        shortcuts.clear();
      },
    },
    Menu: { buildFromTemplate: (template: unknown) => ({ template }) },
    nativeImage: {
      createFromPath: (file: string) => ({ file, setTemplateImage: () => undefined }),
    },
    nativeTheme: Object.assign(new Emitter(), {
      shouldUseDarkColors: false,
      shouldUseDarkColorsForSystemIntegratedUI: true,
    }),
    Notification: class {
      static isSupported = () => false;
      constructor() {
        // electron_api_notification.cc: "Cannot create Notification before app is ready".
        requireReady('Cannot create Notification before app is ready');
      }
      show = () => undefined;
    },
    /** docs/api/net.md: net.fetch issues requests from the default session. */
    net: { fetch: defaultSession.fetch },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
