import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  denyAllPermissions,
  hardenAllWebContents,
  hardenWebContents,
} from '../../main/app/electron/security';
import {
  applyGlobalShortcut,
  applyLaunchAtLogin,
  launchAtLoginAvailable,
} from '../../main/app/electron/system-integration';
import { secureWebPreferences } from '../../main/app/electron/web-preferences';
import { HELP_URLS } from '../../main/app/handlers/window-port';

vi.mock('electron', () => ({}));

type Handler = (...args: unknown[]) => unknown;

/** An EventEmitter-like fake that records its listeners by event name. */
function emitter() {
  const listeners = new Map<string, Handler>();
  return {
    listeners,
    on: vi.fn((name: string, listener: Handler) => {
      listeners.set(name, listener);
    }),
    emit(name: string, ...args: unknown[]) {
      const listener = listeners.get(name);
      if (listener === undefined) throw new Error(`no listener for ${name}`);
      return listener(...args);
    },
  };
}

function fakeContents() {
  const events = emitter();
  let openHandler: Handler = () => undefined;
  const contents = {
    on: events.on,
    setWindowOpenHandler: (handler: Handler) => {
      openHandler = handler;
    },
  };
  return {
    contents: contents as unknown as WebContents,
    events,
    open: (url: string) => openHandler({ url }),
  };
}

function navigation(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('webContents hardening', () => {
  it('keeps navigation and redirects on the app origin', () => {
    const { contents, events } = fakeContents();
    hardenWebContents(contents, { openExternal: vi.fn() });
    const away = navigation('https://evil.example/');
    events.emit('will-frame-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const inside = navigation('app://roomcall/picker.html');
    events.emit('will-frame-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const redirect = navigation('file:///etc/passwd');
    events.emit('will-redirect', redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    events.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('opens no window, sending only help links to the browser', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const { contents, open } = fakeContents();
    hardenWebContents(contents, { openExternal });
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open(HELP_URLS.clock)).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith(HELP_URLS.clock);
  });

  it('hardens every webContents the app creates', () => {
    const app = emitter();
    hardenAllWebContents(app as unknown as App, { openExternal: vi.fn() });
    const { contents, events } = fakeContents();
    app.emit('web-contents-created', {}, contents);
    expect(events.listeners.has('will-frame-navigate')).toBe(true);
  });

  it('denies every permission request, check and device choice', () => {
    const events = emitter();
    const handlers: Record<string, Handler> = {};
    const session = {
      on: events.on,
      setPermissionRequestHandler: (handler: Handler) => (handlers['request'] = handler),
      setPermissionCheckHandler: (handler: Handler) => (handlers['check'] = handler),
      setDevicePermissionHandler: (handler: Handler) => (handlers['device'] = handler),
      setDisplayMediaRequestHandler: (handler: Handler) => (handlers['display'] = handler),
    };
    denyAllPermissions(session as unknown as Session);
    const granted = vi.fn();
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
    ]) {
      handlers['request']?.({}, permission, granted, {});
    }
    expect(granted.mock.calls.every(([value]) => value === false)).toBe(true);
    expect(granted).toHaveBeenCalledTimes(5);
    expect(handlers['check']?.({}, 'media', 'app://roomcall', {})).toBe(false);
    expect(handlers['device']?.({})).toBe(false);
    const display = vi.fn();
    handlers['display']?.({}, display);
    expect(display).toHaveBeenCalledWith(null);
    const serial = vi.fn();
    const chooser = { preventDefault: vi.fn() };
    events.emit('select-serial-port', chooser, [], {}, serial);
    expect(serial).toHaveBeenCalledWith('');
    expect(chooser.preventDefault).toHaveBeenCalled();
  });
});

describe('window options', () => {
  it('are isolated, sandboxed, without Node, leaving webSecurity at its default', () => {
    const preferences = secureWebPreferences('/app/out/preload/preload.cjs', false);
    expect(preferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      devTools: false,
    });
    expect(preferences).not.toHaveProperty('webSecurity');
    expect(preferences).not.toHaveProperty('allowRunningInsecureContent');
    expect(preferences).not.toHaveProperty('experimentalFeatures');
  });
});

describe('system integration', () => {
  it('swaps the global shortcut, and reports one that is taken or invalid', () => {
    const registered = new Set<string>();
    const globalShortcut = {
      register: vi.fn((accelerator: string) => {
        if (accelerator === 'Bogus+Key') throw new Error('invalid');
        if (accelerator === 'Ctrl+Taken') return false;
        registered.add(accelerator);
        return true;
      }),
      unregister: vi.fn((accelerator: string) => registered.delete(accelerator)),
    };
    const problems: string[] = [];
    const report = (message: string) => problems.push(message);
    let current = applyGlobalShortcut(
      globalShortcut,
      null,
      'CommandOrControl+Shift+R',
      vi.fn(),
      report,
    );
    expect(current).toBe('CommandOrControl+Shift+R');
    current = applyGlobalShortcut(
      globalShortcut,
      current,
      'CommandOrControl+Shift+R',
      vi.fn(),
      report,
    );
    expect(globalShortcut.register).toHaveBeenCalledOnce();
    current = applyGlobalShortcut(globalShortcut, current, 'Ctrl+Taken', vi.fn(), report);
    expect(current).toBeNull();
    expect(registered.size).toBe(0);
    current = applyGlobalShortcut(globalShortcut, current, 'Bogus+Key', vi.fn(), report);
    expect(current).toBeNull();
    expect(problems).toHaveLength(2);
  });

  it('sets launch at login only when the person changes it, named after the app on Windows', () => {
    const app = { setLoginItemSettings: vi.fn() };
    // At start (no previous value) nothing is applied: a login item the person disabled in
    // Task Manager or Login Items stays disabled.
    expect(applyLaunchAtLogin(app, 'win32', null, true)).toBe(true);
    expect(applyLaunchAtLogin(app, 'win32', true, true)).toBe(true);
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
    applyLaunchAtLogin(app, 'win32', true, false);
    applyLaunchAtLogin(app, 'darwin', false, true);
    applyLaunchAtLogin(app, 'linux', false, true);
    expect(app.setLoginItemSettings.mock.calls).toEqual([
      [{ openAtLogin: false, name: 'RoomCall' }],
      [{ openAtLogin: true }],
    ]);
    expect(launchAtLoginAvailable('linux')).toBe(false);
    expect(launchAtLoginAvailable('win32')).toBe(true);
  });
});
