/**
 * A stand-in for the parts of Electron the RoomCall shell uses, for a boot test that runs the
 * real main-process code in Node (`vi.mock('electron', () => fakeElectron)`). It records what
 * the shell did (windows, tray, protocol, IPC handlers, permission handlers) and lets a test
 * act as the OS would (click the tray, blur a window).
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

class Emitter extends EventEmitter {
  fire(name: string, ...args: unknown[]): void {
    this.emit(name, ...args);
  }
}

let nextContentsId = 1;

export class FakeWebContents extends Emitter {
  readonly id = nextContentsId++;
  readonly sent: [string, unknown][] = [];
  readonly mainFrame = { url: '', parent: null, frameTreeNodeId: this.id * 10 };
  windowOpenHandler: Listener | null = null;
  isDestroyed = () => false;
  isDevToolsFocused = () => false;
  send = (channel: string, payload: unknown) => {
    this.sent.push([channel, payload]);
  };
  setWindowOpenHandler = (handler: Listener) => {
    this.windowOpenHandler = handler;
  };
}

export class FakeBrowserWindow extends Emitter {
  static readonly all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly options: Record<string, unknown>;
  url = '';
  visible = false;
  focused = false;
  bounds: { x: number; y: number; width: number; height: number } | null = null;

  constructor(options: Record<string, unknown>) {
    super();
    this.options = options;
    FakeBrowserWindow.all.push(this);
    bootOrder.push('window');
  }

  loadURL = (url: string) => {
    this.url = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  };
  setVisibleOnAllWorkspaces = () => undefined;
  setMenu = () => undefined;
  isDestroyed = () => false;
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
}

export class FakeTray extends Emitter {
  static readonly all: FakeTray[] = [];
  image: unknown;
  tooltip = '';
  contextMenu: unknown = null;
  poppedUp: unknown[] = [];
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
  isDestroyed = () => false;
  destroy = () => undefined;
}

/** What the shell did, in order: "handle:<channel>", "tray", "window:<url or new>". */
export const bootOrder: string[] = [];

export function createFakeElectron(userData: () => string) {
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    dock: { hide: () => undefined, hidden: false },
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    getAppPath: () => process.cwd(),
    getPath: (name: string) => (name === 'userData' ? userData() : '/tmp'),
    getVersion: () => '9.9.9',
    getPreferredSystemLanguages: () => ['en-US'],
    getLocale: () => 'en-US',
    setLoginItemSettings: (settings: unknown) => {
      app.loginItems.push(settings);
    },
    loginItems: [] as unknown[],
    quit: () => undefined,
    exit: () => undefined,
  });
  const handlers = new Map<string, Listener>();
  const protocol = {
    privileged: [] as unknown[],
    handled: new Map<string, Listener>(),
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      protocol.privileged.push(...schemes);
    },
    handle: (scheme: string, handler: Listener) => {
      protocol.handled.set(scheme, handler);
    },
  };
  const permissions: Record<string, Listener> = {};
  const defaultSession = Object.assign(new Emitter(), {
    setPermissionRequestHandler: (handler: Listener) => (permissions['request'] = handler),
    setPermissionCheckHandler: (handler: Listener) => (permissions['check'] = handler),
    setDevicePermissionHandler: (handler: Listener) => (permissions['device'] = handler),
    setDisplayMediaRequestHandler: (handler: Listener) => (permissions['display'] = handler),
  });
  const shortcuts = new Map<string, Listener>();
  return {
    app,
    protocol,
    permissions,
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
    session: { defaultSession },
    shell: { openExternal: () => Promise.resolve() },
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
      show = () => undefined;
    },
    net: { fetch: (input: string | Request, init?: RequestInit) => fetch(input, init) },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
