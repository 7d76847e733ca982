/**
 * The shell's OS integration against the stand-in electron (test/helpers/fake-electron.ts):
 * what runs before 'ready', where the popover can be placed, the log file, window recovery,
 * and session end / power events. The rules the stand-in follows are cited there.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { load as parseYaml } from 'js-yaml';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import {
  APP_USER_MODEL_ID,
  DEV_USER_DATA,
  prepareBeforeReady,
} from '../../main/app/electron/before-ready';
import { logProblem, openLogFile, redactLine, setLogSecrets } from '../../main/app/electron/log';
import { popoverMode } from '../../main/app/electron/popover-mode';
import { watchSessionAndPower } from '../../main/app/electron/power-events';
import {
  LOAD_RETRY_DELAY_MS,
  UNRESPONSIVE_GRACE_MS,
  watchWindow,
} from '../../main/app/electron/window-recovery';
import { createFakeElectron, electronEvent, FakeBrowserWindow } from '../helpers/fake-electron';

vi.mock('electron', () => ({}));

const root = mkdtempSync(path.join(tmpdir(), 'roomcall-os-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('before ready', () => {
  it("sets electron-builder.yml's appId as the AppUserModelId on Windows only", async () => {
    const config = parseYaml(await readFile('electron-builder.yml', 'utf8')) as { appId: string };
    expect(APP_USER_MODEL_ID).toBe(config.appId);
    const win = createFakeElectron(() => path.join(root, 'RoomCall'), { ready: false });
    win.app.isPackaged = true;
    prepareBeforeReady(win.app, 'win32', {});
    expect(win.record.appUserModelIds).toEqual([APP_USER_MODEL_ID]);
    const linux = createFakeElectron(() => path.join(root, 'RoomCall'), { ready: false });
    linux.app.isPackaged = true;
    prepareBeforeReady(linux.app, 'linux', {});
    expect(linux.record.appUserModelIds).toEqual([]);
  });

  it('gives development its own userData, and so its own single-instance lock', () => {
    const electron = createFakeElectron(() => path.join(root, 'RoomCall'), { ready: false });
    const set = prepareBeforeReady(electron.app, 'linux', {});
    expect(set).toBe(path.join(root, DEV_USER_DATA));
    expect(existsSync(path.join(root, DEV_USER_DATA))).toBe(true);
    electron.app.requestSingleInstanceLock();
    expect(electron.record.singleInstanceLocks).toEqual([path.join(root, DEV_USER_DATA)]);
    expect(electron.record.beforeReady).toEqual(['setPath:userData', 'requestSingleInstanceLock']);
  });

  it('keeps a Playwright run inside its own data folder, and a packaged app untouched', () => {
    const electron = createFakeElectron(() => path.join(root, 'RoomCall'), { ready: false });
    const data = path.join(root, 'e2e-data');
    expect(
      prepareBeforeReady(electron.app, 'darwin', { ROOMCALL_E2E: '1', ROOMCALL_DATA_DIR: data }),
    ).toBe(path.join(data, 'electron-profile'));
    expect(electron.app.getPath('userData')).toBe(path.join(data, 'electron-profile'));
    const packaged = createFakeElectron(() => path.join(root, 'RoomCall'), { ready: false });
    packaged.app.isPackaged = true;
    expect(prepareBeforeReady(packaged.app, 'darwin', {})).toBeNull();
    expect(packaged.app.getPath('userData')).toBe(path.join(root, 'RoomCall'));
  });

  it('cannot point userData at a folder that is not there (as Electron refuses)', () => {
    const electron = createFakeElectron(() => root, { ready: false });
    expect(() => {
      electron.app.setPath('userData', path.join(root, 'missing'));
    }).toThrow('Failed to set path');
  });
});

describe('where the popover opens', () => {
  it('by the tray, except on native Wayland or without a tray', () => {
    expect(popoverMode('linux', { XDG_SESSION_TYPE: 'x11' }, [], true)).toEqual({
      mode: 'anchored',
    });
    expect(popoverMode('linux', { XDG_SESSION_TYPE: 'wayland' }, [], true)).toEqual({
      mode: 'window',
      reason: 'wayland',
    });
    // Forced onto XWayland, windows can be placed again.
    expect(
      popoverMode('linux', { XDG_SESSION_TYPE: 'wayland' }, ['--ozone-platform=x11'], true),
    ).toEqual({ mode: 'anchored' });
    // Electron 38 removed ELECTRON_OZONE_PLATFORM_HINT (docs/breaking-changes.md): ignored.
    expect(
      popoverMode(
        'linux',
        { XDG_SESSION_TYPE: 'wayland', ELECTRON_OZONE_PLATFORM_HINT: 'x11' },
        [],
        true,
      ),
    ).toEqual({ mode: 'window', reason: 'wayland' });
    expect(
      popoverMode('linux', { XDG_SESSION_TYPE: 'x11' }, ['--ozone-platform=wayland'], true),
    ).toEqual({ mode: 'window', reason: 'wayland' });
    expect(popoverMode('win32', { XDG_SESSION_TYPE: 'wayland' }, [], true)).toEqual({
      mode: 'anchored',
    });
    expect(popoverMode('linux', {}, [], false)).toEqual({ mode: 'window', reason: 'no-tray' });
  });
});

describe('the log file', () => {
  it('scrubs secrets and secret-looking fields', () => {
    const line = redactLine(
      'saved AKIDsecretid123 with SecretKey=abc123def and "secretId":"x1y2"',
      ['AKIDsecretid123'],
    );
    expect(line).not.toContain('AKIDsecretid123');
    expect(line).not.toContain('abc123def');
    expect(line).not.toContain('x1y2');
    expect(line).toContain('[redacted]');
  });

  it('writes to the logs folder and rotates by size, keeping a few files', () => {
    const dir = path.join(root, 'logs');
    const file = openLogFile({ dir, maxBytes: 200, keep: 2 });
    setLogSecrets(() => ['TOPSECRETKEY']);
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      for (let n = 0; n < 12; n++)
        logProblem(`problem ${n}`, new Error('with TOPSECRETKEY inside'));
    } finally {
      quiet.mockRestore();
      setLogSecrets(() => []);
    }
    expect(file).toBe(path.join(dir, 'main.log'));
    expect(readdirSync(dir).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    const all = readdirSync(dir)
      .map((name) => readFileSync(path.join(dir, name), 'utf8'))
      .join('');
    expect(all).toContain('problem 11');
    expect(all).not.toContain('problem 0:');
    expect(all).not.toContain('TOPSECRETKEY');
    for (const name of readdirSync(dir)) {
      expect(readFileSync(path.join(dir, name)).length).toBeLessThanOrEqual(200);
    }
  });
});

describe('window recovery', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    createFakeElectron(() => root);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function watched() {
    const window = new FakeBrowserWindow({});
    const recreate = vi.fn();
    const log = vi.fn();
    watchWindow(window as unknown as BrowserWindow, { name: 'popover', recreate, log });
    return { window, recreate, log };
  }

  it('recreates a window whose renderer crashed, but not after a clean exit', () => {
    const { window, recreate } = watched();
    window.webContents.fire('render-process-gone', electronEvent(), {
      reason: 'clean-exit',
      exitCode: 0,
    });
    expect(recreate).not.toHaveBeenCalled();
    window.webContents.crash('oom');
    expect(recreate).toHaveBeenCalledOnce();
  });

  it('recreates a window still unresponsive after the grace period', () => {
    const { window, recreate } = watched();
    window.fire('unresponsive');
    window.fire('responsive');
    vi.advanceTimersByTime(UNRESPONSIVE_GRACE_MS * 2);
    expect(recreate).not.toHaveBeenCalled();
    window.fire('unresponsive');
    vi.advanceTimersByTime(UNRESPONSIVE_GRACE_MS);
    expect(recreate).toHaveBeenCalledOnce();
  });

  it('loads a page that failed again, a few times, ignoring aborted loads and subframes', () => {
    const { window, log } = watched();
    const loads = vi.spyOn(window, 'loadURL');
    const url = 'app://roomcall/popover.html';
    window.webContents.fire('did-fail-load', electronEvent(), -3, 'ERR_ABORTED', url, true);
    window.webContents.fire('did-fail-load', electronEvent(), -6, 'ERR_FILE_NOT_FOUND', url, false);
    vi.advanceTimersByTime(LOAD_RETRY_DELAY_MS);
    expect(loads).not.toHaveBeenCalled();
    for (let n = 0; n < 4; n++) {
      window.webContents.fire(
        'did-fail-load',
        electronEvent(),
        -6,
        'ERR_FILE_NOT_FOUND',
        url,
        true,
      );
      vi.advanceTimersByTime(LOAD_RETRY_DELAY_MS);
    }
    expect(loads).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledTimes(4);
  });
});

describe('session end and power', () => {
  function setUp(calls: { callId: string; settled: boolean }[]) {
    const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
    const powerMonitor = new EventEmitter();
    const services = {
      calls: { list: () => calls, cancel: vi.fn() },
      meeting: { refresh: vi.fn(() => Promise.resolve()) },
      directory: { refresh: vi.fn(() => Promise.reject(new Error('not configured'))) },
    };
    const log = vi.fn();
    watchSessionAndPower({
      app: app as never,
      powerMonitor: powerMonitor as never,
      services: services as never,
      log,
    });
    return { app, powerMonitor, services, log };
  }

  it("cancels ringing calls once at Windows' session end", () => {
    const { app, services } = setUp([
      { callId: 'a', settled: false },
      { callId: 'b', settled: true },
    ]);
    const popover = new EventEmitter();
    const picker = new EventEmitter();
    app.emit('browser-window-created', electronEvent(), popover);
    app.emit('browser-window-created', electronEvent(), picker);
    popover.emit('session-end', {});
    picker.emit('session-end', {});
    expect(services.calls.cancel.mock.calls).toEqual([['a']]);
  });

  it('asks the OS to wait at shutdown, cancels, and quits', () => {
    const { app, powerMonitor, services } = setUp([{ callId: 'a', settled: false }]);
    const event = electronEvent();
    powerMonitor.emit('shutdown', event);
    expect(event.defaultPrevented).toBe(true);
    expect(services.calls.cancel).toHaveBeenCalledWith('a');
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('looks the meeting and the directory up again after resume and unlock', async () => {
    const { powerMonitor, services, log } = setUp([]);
    powerMonitor.emit('resume');
    powerMonitor.emit('unlock-screen');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(services.meeting.refresh).toHaveBeenCalledTimes(2);
    expect(services.directory.refresh).toHaveBeenCalledTimes(2);
    expect(log).toHaveBeenCalledWith('directory refresh at resume', expect.any(Error));
  });
});
