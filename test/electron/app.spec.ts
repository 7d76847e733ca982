/**
 * The Electron shell end to end, through Playwright's Electron support: start-up (tray and a
 * hidden, pre-created popover), opening the popover as the tray icon does, and inviting a
 * favourite against the simulator until the row shows the outcome.
 *
 * These need Electron's binary. Where it is not installed (this project installs with
 * ELECTRON_SKIP_BINARY_DOWNLOAD) they are reported as SKIPPED with the reason, never passed:
 * main/app/README.md says how to run them. They also need `npm run build` (out/main,
 * out/preload, out/renderer), which `npm test` runs first.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, expect, test, type ElectronApplication, type Page } from 'playwright/test';
import { openFavorites } from '../../main/core/store/favorites';
import { openSettings } from '../../main/core/store/settings';
import type { RoomcallTestHooks } from '../../main/app/electron/test-hooks';
import { startSimulator, type SimRoom, type Simulator } from '../sim/index';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The same detection as `npm start` (scripts/ensure-electron.mjs): path.txt and the binary. */
async function findElectron(): Promise<string | null> {
  const script = new URL('../../scripts/ensure-electron.mjs', import.meta.url).href;
  const module = (await import(script)) as { electronBinaryPath: () => string | null };
  return module.electronBinaryPath();
}

const binary = await findElectron();

test.skip(
  binary === null,
  'No Electron binary: this checkout was installed with ELECTRON_SKIP_BINARY_DOWNLOAD. ' +
    'Fetch it with `node scripts/ensure-electron.mjs` (or `./dev start` once), then run ' +
    '`./dev npm exec -- playwright test --project electron` (see main/app/README.md).',
);

interface Fixture {
  readonly app: ElectronApplication;
  readonly sim: Simulator;
  readonly room: SimRoom;
  readonly dataDir: string;
}

async function launch(): Promise<Fixture> {
  if (!existsSync(path.join(ROOT, 'out', 'main', 'main.cjs'))) {
    throw new Error('out/main/main.cjs is missing: run `npm run build` first.');
  }
  if (binary === null) throw new Error('no Electron binary');
  const sim = await startSimulator({ callTiming: { ringMs: 500 } });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'roomcall-e2e-'));
  const room = sim.roomWithOutcome('accepted');
  const store = { dir: dataDir, onWarning: () => undefined };
  await openSettings(store).update({ language: 'en', pollIntervalMs: 500 });
  await openFavorites(store).add({
    kind: 'room',
    meetingRoomId: room.meeting_room_id,
    name: room.meeting_room_name,
    location: room.meeting_room_location,
  });
  const app = await _electron.launch({
    executablePath: binary,
    args: [ROOT],
    cwd: ROOT,
    env: {
      ...inheritedEnv(),
      // Its own data folder, the simulator's account, no keychain, no machine-wide config.
      ROOMCALL_DATA_DIR: dataDir,
      ROOMCALL_MANAGED_CONFIG: path.join(dataDir, 'no-managed.json'),
      WEMEET_BASE_URL: sim.baseUrl,
      WEMEET_APP_ID: sim.credentials.appId,
      WEMEET_SECRET_ID: sim.credentials.secretId,
      WEMEET_SECRET_KEY: sim.credentials.secretKey,
      WEMEET_OPERATOR_ID: sim.operatorId,
      ROOMCALL_E2E: '1',
    },
  });
  return { app, sim, room, dataDir };
}

function inheritedEnv(): Record<string, string> {
  const entries = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith('WEMEET_'),
  );
  return Object.fromEntries(entries);
}

async function close(fixture: Fixture): Promise<void> {
  await fixture.app.close();
  await fixture.sim.close();
  await rm(fixture.dataDir, { recursive: true, force: true });
}

function hooks(app: ElectronApplication) {
  return {
    state: () =>
      app.evaluate(() =>
        (globalThis as unknown as { roomcallTest: RoomcallTestHooks }).roomcallTest.state(),
      ),
    clickTray: () =>
      app.evaluate(() => {
        (globalThis as unknown as { roomcallTest: RoomcallTestHooks }).roomcallTest.clickTray();
      }),
  };
}

async function popoverPage(app: ElectronApplication): Promise<Page> {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  expect(page.url()).toBe('app://roomcall/popover.html');
  return page;
}

test('starts with a tray icon and a hidden, pre-created popover', async () => {
  const fixture = await launch();
  try {
    const { app } = fixture;
    await expect
      .poll(() => hooks(app).state())
      .toEqual({
        trayCreated: true,
        popoverCreated: true,
        popoverVisible: false,
      });
    const windows = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => ({
        visible: window.isVisible(),
        url: window.webContents.getURL(),
      })),
    );
    expect(windows).toEqual([{ visible: false, url: 'app://roomcall/popover.html' }]);
    const page = await popoverPage(app);
    // The page gets window.roomcall and nothing of Node or Electron.
    expect(
      await page.evaluate(() => {
        const page = globalThis as unknown as Record<string, unknown>;
        return {
          bridge: typeof page['roomcall'],
          require: typeof page['require'],
          process: typeof page['process'],
        };
      }),
    ).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined' });
  } finally {
    await close(fixture);
  }
});

test('opens the popover as a tray click does, and hides it on the next click', async () => {
  const fixture = await launch();
  try {
    const { app } = fixture;
    const page = await popoverPage(app);
    await hooks(app).clickTray();
    await expect.poll(() => hooks(app).state()).toMatchObject({ popoverVisible: true });
    const state = await page.evaluate(() =>
      (
        globalThis as unknown as { roomcall: { getAppState(): Promise<unknown> } }
      ).roomcall.getAppState(),
    );
    expect(state).toMatchObject({ ok: true, data: { configured: true } });
    await hooks(app).clickTray();
    await expect.poll(() => hooks(app).state()).toMatchObject({ popoverVisible: false });
  } finally {
    await close(fixture);
  }
});

test('invites a favourite into the current meeting and shows the outcome', async () => {
  const fixture = await launch();
  try {
    const { app, sim, room } = fixture;
    const page = await popoverPage(app);
    await hooks(app).clickTray();
    const invite = page.getByRole('button', { name: `Invite ${room.meeting_room_name}` });
    await expect(invite).toBeVisible();
    // The operator's meeting in progress is found when the popover opens.
    await expect(page.getByText('806-146-667').first()).toBeVisible();
    await invite.click();
    await expect(page.getByText('In the meeting').first()).toBeVisible({ timeout: 15_000 });
    // One click, one ring.
    expect(
      sim.requests.filter((request) => request.path === '/v1/meeting-rooms/room-call'),
    ).toHaveLength(1);
  } finally {
    await close(fixture);
  }
});

test('runs in its own profile and lets the popover call only its own verbs', async () => {
  const fixture = await launch();
  try {
    const { app, dataDir } = fixture;
    // Its own userData (and so its own single-instance lock), never the installed app's.
    const userData = await app.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(userData).toBe(path.join(dataDir, 'electron-profile'));
    const page = await popoverPage(app);
    const saved = await page.evaluate(() =>
      (
        globalThis as unknown as {
          roomcall: { saveCredentials(request: unknown): Promise<unknown> };
        }
      ).roomcall.saveCredentials({
        appId: '200000001',
        secretId: 'AKIDEXAMPLEEXAMPLE',
        secretKey: 'x'.repeat(32),
      }),
    );
    expect(saved).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  } finally {
    await close(fixture);
  }
});
