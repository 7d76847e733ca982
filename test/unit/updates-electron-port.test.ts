import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The thin Electron adapter, with `electron` and `electron-updater` mocked: it must configure
 * electron-updater the way the controller expects and translate its events, nothing more.
 */

const mocks = await vi.hoisted(async () => {
  // vi.hoisted runs before the imports, so the emitter class is imported here.
  const { EventEmitter: Emitter } = await import('node:events');
  const autoUpdater = Object.assign(new Emitter(), {
    logger: null as object | null,
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowPrerelease: true,
    allowDowngrade: true,
    setFeedURL: vi.fn(),
    checkForUpdates: vi.fn(() => Promise.resolve(null)),
    quitAndInstall: vi.fn(),
  });
  const app = new Emitter();
  return { autoUpdater, app };
});

vi.mock('electron', () => ({ app: mocks.app }));
vi.mock('electron-updater', () => ({ autoUpdater: mocks.autoUpdater }));

const { electronUpdaterPort, setupUpdates } =
  await import('../../main/app/updates/electron-updater-port');

beforeEach(() => {
  mocks.autoUpdater.removeAllListeners();
  mocks.app.removeAllListeners();
  vi.clearAllMocks();
});

describe('electronUpdaterPort', () => {
  it('downloads automatically, never a prerelease or a downgrade', () => {
    electronUpdaterPort();
    expect(mocks.autoUpdater.autoDownload).toBe(true);
    expect(mocks.autoUpdater.allowPrerelease).toBe(false);
    expect(mocks.autoUpdater.allowDowngrade).toBe(false);
    expect(mocks.autoUpdater.logger).toBeNull();
  });

  it('passes the feed as a generic-provider URL and installs silently, then relaunches', async () => {
    const port = electronUpdaterPort();
    port.setFeedUrl('https://updates.corp.example/roomcall/');
    expect(mocks.autoUpdater.setFeedURL).toHaveBeenCalledWith(
      'https://updates.corp.example/roomcall/',
    );
    await port.checkForUpdates();
    expect(mocks.autoUpdater.checkForUpdates).toHaveBeenCalledTimes(1);
    port.setAutoInstallOnAppQuit(false);
    expect(mocks.autoUpdater.autoInstallOnAppQuit).toBe(false);
    port.quitAndInstall();
    expect(mocks.autoUpdater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('translates electron-updater events and unsubscribes cleanly', () => {
    const port = electronUpdaterPort();
    const seen: string[] = [];
    const unsubscribe = port.subscribe({
      available: (version) => seen.push(`available ${version}`),
      notAvailable: () => seen.push('none'),
      downloaded: (version) => seen.push(`downloaded ${version}`),
      error: (message) => seen.push(`error ${message}`),
    });
    mocks.autoUpdater.emit('update-available', { version: '2.0.0' });
    mocks.autoUpdater.emit('update-not-available', { version: '1.0.0' });
    mocks.autoUpdater.emit('update-downloaded', { version: '2.0.0', downloadedFile: '/tmp/x' });
    mocks.autoUpdater.emit('error', new Error('offline'));
    expect(seen).toEqual(['available 2.0.0', 'none', 'downloaded 2.0.0', 'error offline']);
    unsubscribe();
    expect(mocks.autoUpdater.listenerCount('update-downloaded')).toBe(0);
    expect(mocks.autoUpdater.listenerCount('error')).toBe(0);
  });
});

describe('setupUpdates', () => {
  it('does nothing at all without a feed URL', () => {
    const controller = setupUpdates({
      feedUrl: null,
      canRestartNow: () => true,
      onReady: () => undefined,
    });
    expect(controller.enabled).toBe(false);
    expect(mocks.autoUpdater.setFeedURL).not.toHaveBeenCalled();
    expect(mocks.app.listenerCount('before-quit')).toBe(0);
  });

  it('decides install-on-quit at before-quit with the app’s predicate', () => {
    let canRestart = false;
    const controller = setupUpdates({
      feedUrl: 'https://updates.corp.example/roomcall/',
      canRestartNow: () => canRestart,
      onReady: () => undefined,
    });
    expect(controller.enabled).toBe(true);
    expect(mocks.autoUpdater.autoInstallOnAppQuit).toBe(true);
    mocks.autoUpdater.emit('update-available', { version: '2.0.0' });
    mocks.autoUpdater.emit('update-downloaded', { version: '2.0.0' });
    mocks.app.emit('before-quit');
    expect(mocks.autoUpdater.autoInstallOnAppQuit).toBe(false);
    canRestart = true;
    mocks.app.emit('before-quit');
    expect(mocks.autoUpdater.autoInstallOnAppQuit).toBe(true);
    controller.stop();
  });
});
