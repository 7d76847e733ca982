/**
 * The real main-process boot (main/app/electron/boot.ts) against a stand-in Electron: the boot
 * order, the hardening it installs, the hidden popover, the tray, and IPC from the popover's
 * webContents through the registered wrapper to the simulator. What only real Electron can
 * show (windows on screen, the OS tray) is for test/electron.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  EVENT_NAMES,
  INVOKE_VERBS,
  eventChannel,
  invokeChannel,
} from '../../main/shared/ipc/channels';
import type { Shell } from '../../main/app/electron/boot';
import {
  bootOrder,
  FakeBrowserWindow,
  FakeTray,
  type FakeElectron,
} from '../helpers/fake-electron';
import { startSimulator, type Simulator } from '../sim/index';

const userData = mkdtempSync(path.join(tmpdir(), 'roomcall-boot-'));

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../helpers/fake-electron');
  return createFakeElectron(() => userData);
});
vi.mock('electron-updater', () => ({ autoUpdater: {} }));

let electron: FakeElectron;
let sim: Simulator;
let shell: Shell;

type Handler = (event: unknown, ...args: unknown[]) => Promise<unknown>;

function handler(verb: string): Handler {
  const found = electron.handlers.get(invokeChannel(verb));
  if (found === undefined) throw new Error(`${verb} is not registered`);
  return found as Handler;
}

function popover(): FakeBrowserWindow {
  const found = FakeBrowserWindow.all.findLast(
    (window) => window.url.endsWith('/popover.html') && !window.destroyed,
  );
  if (found === undefined) throw new Error('no popover');
  return found;
}

function fromWindow(window: FakeBrowserWindow) {
  return { sender: window.webContents, senderFrame: window.webContents.mainFrame };
}

function tray(): FakeTray {
  const found = FakeTray.all[0];
  if (found === undefined) throw new Error('no tray');
  return found;
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  sim = await startSimulator({ callTiming: { ringMs: 200 } });
  vi.stubEnv('ROOMCALL_DATA_DIR', '');
  vi.stubEnv('ROOMCALL_MANAGED_CONFIG', path.join(userData, 'no-managed.json'));
  vi.stubEnv('WEMEET_BASE_URL', sim.baseUrl);
  vi.stubEnv('WEMEET_APP_ID', sim.credentials.appId);
  vi.stubEnv('WEMEET_SECRET_ID', sim.credentials.secretId);
  vi.stubEnv('WEMEET_SECRET_KEY', sim.credentials.secretKey);
  vi.stubEnv('WEMEET_OPERATOR_ID', sim.operatorId);
  electron = (await import('electron')) as unknown as FakeElectron;
  const { bootShell } = await import('../../main/app/electron/boot');
  shell = await bootShell();
});

afterAll(async () => {
  await shell.services.close();
  await sim.close();
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

describe('booting the shell', () => {
  it('registers every handler, then the tray, then the popover', () => {
    const tray = bootOrder.indexOf('tray');
    const firstWindow = bootOrder.indexOf('window');
    const handles = bootOrder.filter((step) => step.startsWith('handle:'));
    expect(handles.sort()).toEqual(
      INVOKE_VERBS.map((verb) => `handle:${invokeChannel(verb)}`).sort(),
    );
    expect(bootOrder.findLastIndex((step) => step.startsWith('handle:'))).toBeLessThan(tray);
    expect(tray).toBeLessThan(firstWindow);
  });

  it('leaves the login item as the OS has it at start (applied only when changed)', () => {
    expect(electron.app.loginItems).toEqual([]);
  });

  it('serves app:// and hardens every webContents and the session', () => {
    expect(electron.protocol.handled.has('app')).toBe(true);
    expect(electron.app.listenerCount('web-contents-created')).toBe(1);
    const granted = vi.fn();
    electron.permissions['request']?.({}, 'media', granted, {});
    expect(granted).toHaveBeenCalledWith(false);
    expect(electron.permissions['check']?.({}, 'notifications')).toBe(false);
  });

  it('pre-creates the popover hidden, sandboxed, with the preload, on app://', () => {
    const window = popover();
    expect(FakeBrowserWindow.all).toHaveLength(1);
    expect(window.url).toBe('app://roomcall/popover.html');
    expect(window.visible).toBe(false);
    expect(window.options).toMatchObject({
      show: false,
      frame: false,
      skipTaskbar: true,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        preload: path.join(process.cwd(), 'out', 'preload', 'preload.cjs'),
      },
    });
  });

  it('shows a tray icon with a tooltip, and (Linux) an attached menu', () => {
    const icon = tray();
    expect(icon.tooltip).toMatch(/^RoomCall — /);
    expect(icon.image).toMatchObject({
      file: path.join(process.cwd(), 'build', 'icons', 'tray', 'tray-light.png'),
    });
    if (process.platform === 'linux') {
      expect(icon.contextMenu).toMatchObject({
        template: expect.arrayContaining([expect.objectContaining({ id: 'open' })]) as unknown,
      });
    }
  });
});

describe('the running shell', () => {
  it('opens the popover next to the tray on click, looks the meeting up, and tells the page', async () => {
    const window = popover();
    tray().fire('click', {}, { x: 1800, y: 1045, width: 24, height: 30 });
    expect(window.visible).toBe(true);
    expect(window.bounds).toEqual({ x: 1560, y: 520, width: 360, height: 520 });
    await waitFor(() => shell.services.meeting.view().state === 'one');
    expect(window.webContents.sent.map(([channel]) => channel)).toContain(
      eventChannel('popoverShown'),
    );
    expect(
      window.webContents.sent.every(([channel]) => EVENT_NAMES.map(eventChannel).includes(channel)),
    ).toBe(true);
  });

  it('answers the popover over IPC, and refuses any other webContents', async () => {
    const window = popover();
    const state = await handler('getAppState')(fromWindow(window), undefined);
    expect(state).toMatchObject({
      ok: true,
      data: {
        configured: true,
        platform: process.platform === 'darwin' ? 'darwin' : (expect.any(String) as unknown),
      },
    });
    const stranger = {
      sender: {
        id: 999,
        mainFrame: window.webContents.mainFrame,
        isDestroyed: () => false,
        send: vi.fn(),
      },
      senderFrame: window.webContents.mainFrame,
    };
    expect(await handler('getAppState')(stranger, undefined)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('never lets the popover save credentials (the verb scope per window)', async () => {
    const result = await handler('saveCredentials')(fromWindow(popover()), {
      appId: '200000001',
      secretId: 'AKIDEXAMPLEEXAMPLE',
      secretKey: 'x'.repeat(32),
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(shell.windows.windowOf(popover().webContents.id)).toBe('popover');
  });

  it('hides on blur, and the click that caused the blur does not reopen it', () => {
    const window = popover();
    if (!window.visible) window.show();
    window.fire('blur');
    expect(window.visible).toBe(false);
    tray().fire('click', {}, { x: 1800, y: 1045, width: 24, height: 30 });
    expect(window.visible).toBe(false);
    tray().fire('click', {}, { x: 1800, y: 1045, width: 24, height: 30 });
    expect(window.visible).toBe(true);
  });

  it('opens the room picker on demand and releases it when closed', async () => {
    const window = popover();
    expect(await handler('openWindow')(fromWindow(window), { window: 'picker' })).toEqual({
      ok: true,
      data: null,
    });
    const picker = FakeBrowserWindow.all.find((candidate) =>
      candidate.url.endsWith('/picker.html'),
    );
    if (picker === undefined) throw new Error('no picker');
    expect(window.visible).toBe(false);
    picker.fire('ready-to-show');
    expect(picker.visible).toBe(true);
    expect(shell.windows.isAppWindow(picker.webContents.id)).toBe(true);
    picker.fire('closed');
    expect(shell.windows.isAppWindow(picker.webContents.id)).toBe(false);
  });

  it('exports from the picker through the save dialog, and copies diagnostics from settings', async () => {
    await handler('openWindow')(fromWindow(popover()), { window: 'picker' });
    const picker = FakeBrowserWindow.all.findLast(
      (candidate) => candidate.url.endsWith('/picker.html') && !candidate.destroyed,
    );
    if (picker === undefined) throw new Error('no picker');
    const chosen = path.join(userData, 'exported.json');
    electron.dialog.answers.push(chosen);
    expect(await handler('exportFavorites')(fromWindow(picker), undefined)).toEqual({
      ok: true,
      data: { status: 'saved', path: chosen },
    });
    // A sheet on the picker (the parent), proposing the export's name in Documents.
    expect(electron.dialog.shown.at(-1)?.parent).toBe(picker);
    expect(electron.dialog.shown.at(-1)?.options.defaultPath).toMatch(/^\/tmp\/.+\.json$/);
    expect(JSON.parse(readFileSync(chosen, 'utf8'))).toHaveProperty('favorites');
    // Closing the dialog: nothing written, and said so.
    expect(await handler('exportFavorites')(fromWindow(picker), undefined)).toEqual({
      ok: true,
      data: { status: 'cancelled' },
    });
    // Only the settings window may copy diagnostics; main's clipboard gets the report.
    expect(await handler('copyDiagnostics')(fromWindow(picker), undefined)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    await handler('openWindow')(fromWindow(popover()), { window: 'settings' });
    const settings = FakeBrowserWindow.all.findLast(
      (candidate) => candidate.url.endsWith('/settings.html') && !candidate.destroyed,
    );
    if (settings === undefined) throw new Error('no settings window');
    const copied = await handler('copyDiagnostics')(fromWindow(settings), undefined);
    expect(copied).toMatchObject({ ok: true, data: { copied: true } });
    const text = await electron.clipboard.readText();
    expect(text).toContain('RoomCall diagnostics');
    expect(text).toContain('Managed configuration: none');
    expect(text).not.toContain(sim.credentials.secretKey);
    expect(text).not.toContain(sim.credentials.secretId);
    picker.fire('closed');
  });

  it('sends the API calls through their own partition, never the default session', () => {
    const api = electron.session.partitions.get('roomcall-api');
    expect(api?.seen.length).toBeGreaterThan(0);
    expect(api?.seen.every((request) => request.credentials === 'omit')).toBe(true);
    expect(electron.session.defaultSession.seen).toEqual([]);
  });

  it('registers the global shortcut from the settings', async () => {
    shell.windows.open('settings');
    const settings = FakeBrowserWindow.all.find((candidate) =>
      candidate.url.endsWith('/settings.html'),
    );
    if (settings === undefined) throw new Error('no settings window');
    const result = await handler('updateSettings')(fromWindow(settings), {
      globalShortcut: 'CommandOrControl+Shift+R',
    });
    expect(result).toMatchObject({ ok: true });
    expect([...electron.shortcuts.keys()]).toEqual(['CommandOrControl+Shift+R']);
  });
});

describe('recovery and theme', () => {
  it("paints each window in the theme's background before its page, and follows changes", () => {
    const window = popover();
    expect(window.options['backgroundColor']).toBe('#ffffff');
    electron.nativeTheme.shouldUseDarkColors = true;
    electron.nativeTheme.fire('updated');
    expect(window.backgroundColor).toBe('#1b1d21');
    electron.nativeTheme.shouldUseDarkColors = false;
    electron.nativeTheme.fire('updated');
  });

  it('replaces a popover whose page crashed, showing it again if it was open', () => {
    const old = popover();
    old.show();
    old.webContents.crash('oom');
    expect(old.destroyed).toBe(true);
    const fresh = popover();
    expect(fresh).not.toBe(old);
    expect(shell.windows.popover()).toBe(fresh);
    expect(fresh.visible).toBe(true);
    expect(fresh.url).toBe('app://roomcall/popover.html');
    expect(shell.windows.windowOf(fresh.webContents.id)).toBe('popover');
    expect(shell.windows.windowOf(old.webContents.id)).toBeNull();
  });

  it("cancels a ringing call when Windows ends the session ('session-end')", async () => {
    const room = sim.roomWithOutcome('no-answer');
    const started = await shell.services.calls.start({
      room: {
        meetingRoomId: room.meeting_room_id,
        name: room.meeting_room_name,
        location: room.meeting_room_location,
      },
    });
    expect(started.settled).toBe(false);
    popover().fire('session-end', {});
    await waitFor(
      () =>
        shell.services.calls.list().find((call) => call.callId === started.callId)?.settled ??
        false,
    );
    expect(shell.services.calls.list().find((call) => call.callId === started.callId)?.phase).toBe(
      'cancelled',
    );
  });
});
