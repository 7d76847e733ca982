/**
 * The key screens at the windows' real sizes, in both languages and both themes, saved under
 * test-results/key-screens/ for people to look at (issue 14, item 11): the popover with
 * favourites and a meeting, with a call ringing and with every outcome; the picker with
 * 10,000 rooms, and again at its minimum window size; settings; onboarding. Each screen is
 * axe-checked and holds layout facts that do not depend on how a row is drawn: no horizontal
 * scrollbar, the directory virtualised (at most 100 rows in the DOM), and every visible row
 * named with its full room name for screen readers.
 *
 * One test per language and theme: one page and one simulator for all its screens.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from 'playwright/test';
import { favoriteDisplayName } from '../../main/shared/rules/favorites';
import { SIM_CURRENT_MEETING, type Simulator, type SimRoom } from '../sim/index';
import { startSimPreview, type SimPreview } from '../preview/sim-preview';
import { appPageSizes, type AppPageSizes } from './app-window-sizes';
import { expect, expectNoSeriousA11yIssues, SIM_ROOMS, test } from './fixtures';
import { expectAtMostRows, expectFullNames, expectNoHorizontalScroll } from './layout-facts';
import { simRoomFavorite } from '../helpers/sim-room-ref';

const LANGUAGES = ['en', 'zh-CN'] as const;
const SCHEMES = ['light', 'dark'] as const;
type Language = (typeof LANGUAGES)[number];

const ROOM_COUNT = 10_000;
/** Virtualised: a window never holds more room rows than this (issue 14's budget). */
const MAX_DOM_ROWS = 100;

/**
 * A simulated ring lasts a minute of the simulator's clock, which the test moves on: a call
 * rings until the test says otherwise, then every call ends at once (the simulator's call
 * timing, test/sim/README.md, follows its `clock`).
 */
const RING_MS = 60_000;

/** The words a screen is recognised by, per language. */
const WORDS = {
  en: {
    favourites: 'Favourites',
    rooms: 'Rooms',
    invite: (name: string) => `Invite ${name}`,
    ringing: 'Ringing…',
    accepted: 'In the meeting',
    rejected: 'Declined',
    noAnswer: 'No answer',
    failed: 'Failed',
    settings: 'RoomCall Settings',
    setup: 'Set up RoomCall',
  },
  'zh-CN': {
    favourites: '常用',
    rooms: '会议室',
    invite: (name: string) => `邀请 ${name}`,
    ringing: '正在响铃…',
    accepted: '已在会议中',
    rejected: '已拒绝',
    noAnswer: '无人接听',
    failed: '呼叫失败',
    settings: 'RoomCall 设置',
    setup: '设置 RoomCall',
  },
} as const;

/** The address favourite whose call the simulator refuses (500 / 10004). */
const UNREACHABLE_LABEL = 'Lab codec (unreachable)';

/** What every screen of one language and theme shares: one page, one simulator. */
interface Screens {
  readonly page: Page;
  readonly preview: SimPreview;
  readonly sim: Simulator;
  readonly shots: Shots;
  readonly words: (typeof WORDS)[Language];
  readonly sizes: AppPageSizes;
}

for (const language of LANGUAGES) {
  for (const scheme of SCHEMES) {
    test.describe(`${language}, ${scheme}`, () => {
      test.use({ colorScheme: scheme });

      test('key screens', async ({ page }, testInfo) => {
        // Seven screens, each saved and axe-checked, and 10,000 rooms fetched: 40-50 s on
        // the shared 2-core machine, axe taking most of it.
        test.setTimeout(240_000);
        const clock = new MovableClock();
        const preview = await startSimPreview({
          sim: { rooms: ROOM_COUNT, clock: clock.now, callTiming: { ringMs: RING_MS } },
        });
        try {
          const screens: Screens = {
            page,
            preview,
            sim: simOf(preview),
            shots: new Shots(page, testInfo, `${language}-${scheme}`),
            words: WORDS[language],
            sizes: appPageSizes(),
          };
          await preview.services.settings.update({ language });
          // The directory syncs while the popover is looked at; the picker waits for it.
          await preview.services.directory.refresh();
          await test.step('popover', () => popoverScreens(screens, clock));
          await test.step('10,000 rooms fetched', () => preview.services.directory.whenIdle());
          await test.step('picker', () => pickerScreens(screens));
          await test.step('settings', () => settingsScreens(screens));
        } finally {
          await preview.close();
        }
      });
    });
  }
}

async function popoverScreens(screens: Screens, clock: MovableClock): Promise<void> {
  const { page, preview, sim, shots, words } = screens;
  const room = (index: number): SimRoom => {
    const found = sim.rooms[index];
    if (found === undefined) throw new Error(`no simulator room #${String(index)}`);
    return found;
  };
  // The outcomes first, so all of them show at 360x520; then more to show how many fit.
  for (const index of [
    SIM_ROOMS.accepted.index,
    SIM_ROOMS.rejected.index,
    SIM_ROOMS.noAnswer.index,
  ]) {
    await addRoom(preview, room(index));
  }
  await preview.services.favorites.add({
    kind: 'mra',
    protocol: 'sip',
    dialString: sim.mraWithOutcome('unreachable').dial_string,
    label: UNREACHABLE_LABEL,
  });
  for (const index of [SIM_ROOMS.boardroom.index, 5, SIM_ROOMS.notCallable.index, 3]) {
    await addRoom(preview, room(index));
  }
  const names = new Set((await preview.services.favorites.list()).map(favoriteDisplayName));

  await page.setViewportSize(screens.sizes.popover);
  await page.goto(preview.pageUrl('popover'));
  const list = page.getByRole('list', { name: words.favourites });
  const rows = list.getByRole('listitem');
  await expect(page.getByText(SIM_CURRENT_MEETING.subject).first()).toBeVisible();
  await expect(rows.first()).toBeVisible();
  await shots.check('popover-favourites', { rows, names });

  const invite = (name: string) =>
    page.getByRole('button', { name: words.invite(name), exact: true });
  // A favourite's row, found by its invite button (inside it, so relative to the row).
  const row = (name: string) => rows.filter({ has: invite(name) });

  await invite(SIM_ROOMS.accepted.name).click();
  await expect(row(SIM_ROOMS.accepted.name)).toContainText(words.ringing);
  await shots.check('popover-ringing', { rows, names });

  await invite(SIM_ROOMS.rejected.name).click();
  await invite(SIM_ROOMS.noAnswer.name).click();
  await invite(UNREACHABLE_LABEL).click();
  await expect(row(UNREACHABLE_LABEL)).toContainText(words.failed);
  await expect(row(SIM_ROOMS.noAnswer.name)).toContainText(words.ringing);
  // Every ring is over: the rows learn it at their next status read.
  clock.advance(RING_MS + 1_000);
  const settled = { timeout: 15_000 };
  await expect(row(SIM_ROOMS.accepted.name)).toContainText(words.accepted, settled);
  await expect(row(SIM_ROOMS.rejected.name)).toContainText(words.rejected, settled);
  await expect(row(SIM_ROOMS.noAnswer.name)).toContainText(words.noAnswer, settled);
  await shots.check('popover-outcomes', { rows, names });
}

async function pickerScreens({ page, preview, sim, shots, words, sizes }: Screens): Promise<void> {
  const names = new Set(sim.rooms.map((room) => room.meeting_room_name));
  const rows = page.getByRole('list', { name: words.rooms }).getByRole('listitem');

  await page.setViewportSize(sizes.picker);
  await page.goto(preview.pageUrl('picker'));
  // 10,000 rooms read, indexed and drawn: seconds when the shared machine is busy.
  await expect(rows.first()).toBeVisible({ timeout: 20_000 });
  await shots.check('picker-10000-rooms', { rows, names, directory: true });

  // The same page, the window made as small as the picker allows.
  await page.setViewportSize(sizes.pickerMinimum);
  await expect(rows.first()).toBeVisible();
  await shots.check('picker-minimum-size', { rows, names, directory: true });
}

async function settingsScreens({ page, preview, shots, words, sizes }: Screens): Promise<void> {
  await page.setViewportSize(sizes.settings);
  await page.goto(preview.pageUrl('settings'));
  await expect(page.getByRole('heading', { name: words.settings })).toBeVisible();
  await shots.check('settings');

  // Logged out, the settings window is where the set-up starts again: onboarding.
  await preview.services.session.logout();
  // The same address (only its fragment differs from nothing): goto would not load it again.
  await page.reload();
  await expect(page.getByRole('heading', { name: words.setup })).toBeVisible();
  await shots.check('onboarding');
}

interface CheckOptions {
  /** The screen's rows: each one visible must be named with a full name of `names`. */
  readonly rows?: Locator;
  readonly names?: ReadonlySet<string>;
  /** The 10,000-room directory is on screen: its rows must be virtualised. */
  readonly directory?: boolean;
}

/** Saves each screen under test-results/key-screens/ and checks what holds on every one. */
class Shots {
  readonly #page: Page;
  readonly #testInfo: TestInfo;
  readonly #tag: string;
  readonly #dir = path.join('test-results', 'key-screens');

  constructor(page: Page, testInfo: TestInfo, tag: string) {
    this.#page = page;
    this.#testInfo = testInfo;
    this.#tag = tag;
    mkdirSync(this.#dir, { recursive: true });
  }

  async check(screen: string, options: CheckOptions = {}): Promise<void> {
    const name = `${screen}-${this.#tag}`;
    await test.step(name, async () => {
      await this.#check(name, options);
    });
  }

  async #check(name: string, options: CheckOptions): Promise<void> {
    const file = path.join(this.#dir, `${name}.png`);
    // Animations (spinners, the ringing pulse) would make screenshots differ run to run.
    await this.#page.screenshot({ path: file, animations: 'disabled' });
    await this.#testInfo.attach(name, { path: file, contentType: 'image/png' });
    await expectNoSeriousA11yIssues(this.#page, name);
    await expectNoHorizontalScroll(this.#page, name);
    if (options.directory === true) await expectAtMostRows(this.#page, MAX_DOM_ROWS, name);
    if (options.rows !== undefined && options.names !== undefined) {
      await expectFullNames(options.rows, options.names, name);
    }
  }
}

/** The simulator's clock, which the test moves on to end the calls that ring. */
class MovableClock {
  #offset = 0;
  readonly now = (): number => Date.now() + this.#offset;

  advance(ms: number): void {
    this.#offset += ms;
  }
}

function simOf(preview: SimPreview): Simulator {
  if (preview.sim === null) throw new Error('these screens run against the simulator');
  return preview.sim;
}

async function addRoom(preview: SimPreview, room: SimRoom): Promise<void> {
  await preview.services.favorites.add(simRoomFavorite(room));
}
