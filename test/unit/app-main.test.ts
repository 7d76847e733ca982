/**
 * The main entry (main/app/electron/main.ts) against the stand-in electron, not yet ready:
 * what runs before 'ready' and in what order, the macOS 'activate', and a failed start shown
 * in a dialog. bootShell is replaced; test/unit/app-boot.test.ts runs the real one.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DEV_USER_DATA } from '../../main/app/electron/before-ready';
import { createFakeElectron, type FakeElectron } from '../helpers/fake-electron';

const appData = mkdtempSync(path.join(tmpdir(), 'roomcall-main-'));
let bootCalls = 0;

afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(appData, { recursive: true, force: true });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let n = 0; n < 200 && !condition(); n++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  if (!condition()) throw new Error('condition not met in time');
}

async function start(result: unknown): Promise<FakeElectron> {
  vi.resetModules();
  vi.stubEnv('ROOMCALL_E2E', '');
  bootCalls = 0;
  vi.doMock('../../main/app/electron/boot', () => ({
    bootShell: () => {
      bootCalls += 1;
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  }));
  // A fresh, not yet ready Electron for each start of main.ts.
  const electron = createFakeElectron(() => path.join(appData, 'RoomCall'), { ready: false });
  vi.doMock('electron', () => electron);
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    await import('../../main/app/electron/main');
  } finally {
    quiet.mockRestore();
  }
  return electron;
}

describe('the main entry', () => {
  it("sets its own userData before the lock, registers app:// before ready, opens the picker on 'activate'", async () => {
    const shell = { openPicker: vi.fn(), showPopover: vi.fn() };
    const electron = await start(shell);
    const devData = path.join(appData, DEV_USER_DATA);
    expect(electron.record.beforeReady).toEqual(
      expect.arrayContaining(['setPath:userData', 'requestSingleInstanceLock']),
    );
    expect(electron.record.beforeReady.indexOf('setPath:userData')).toBeLessThan(
      electron.record.beforeReady.indexOf('requestSingleInstanceLock'),
    );
    expect(electron.record.singleInstanceLocks).toEqual([devData]);
    // Registering after ready would have thrown (electron_api_protocol.cc).
    expect(electron.protocol.privileged).toMatchObject([
      { scheme: 'app', privileges: { standard: true, secure: true, codeCache: true } },
    ]);
    expect(bootCalls).toBe(0);
    electron.app.emitReady();
    await waitFor(() => bootCalls === 1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    electron.app.fire('activate', {}, false);
    expect(shell.openPicker).toHaveBeenCalledOnce();
    electron.app.fire('second-instance');
    expect(shell.showPopover).toHaveBeenCalledOnce();
    // The log file lives in the app's logs folder (<userData>/logs outside macOS).
    const logs = electron.app.getPath('logs');
    expect(logs.startsWith(process.platform === 'darwin' ? '/tmp' : devData)).toBe(true);
  });

  it('shows a start-up failure in a dialog, logs it, and exits with 1', async () => {
    const electron = await start(new Error('the data folder is read-only'));
    electron.app.emitReady();
    await waitFor(() => electron.record.errorBoxes.length === 1);
    const [title, content] = electron.record.errorBoxes[0] ?? ['', ''];
    expect(title).toBe('RoomCall could not start');
    expect(content).toContain('the data folder is read-only');
    const logFile = path.join(electron.app.getPath('logs'), 'main.log');
    if (process.platform !== 'darwin') {
      expect(content).toContain(logFile);
      expect(existsSync(logFile)).toBe(true);
      expect(readFileSync(logFile, 'utf8')).toContain('start-up failed');
    }
    expect(electron.app.exitCodes).toEqual([1]);
  });
});
