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
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from 'playwright/test';
import { favoriteDisplayName } from '../../main/shared/rules/favorites';
import { SIM_CURRENT_MEETING } from '../sim/index';
import { startSimPreview, type SimPreview } from '../preview/sim-preview';
import { expect, expectNoSeriousA11yIssues, SIM_ROOMS, test } from './fixtures';

const LANGUAGES = ['en', 'zh-CN'] as const;
const SCHEMES = ['light', 'dark'] as const;
type Language = (typeof LANGUAGES)[number];

const ROOM_COUNT = 10_000;
/** Virtualised: a window never holds more room rows than this (issue 14's budget). */
const MAX_DOM_ROWS = 100;

/**
 * A BrowserWindow's width and height include its frame (Electron docs, BrowserWindow
 * `useContentSize`: "the actual window's size will include window frame's size"), and
 * windows.ts does not set useContentSize: the page gets the height less the title bar,
 * 28 px on macOS. The popover is frameless where it is anchored to the tray.
 */
const TITLE_BAR = 28;
const WINDOWS_TS = fileIn('main/app/electron/windows.ts');

/** Window sizes as in main/app/electron/windows.ts, as the page sees them. */
const SIZES = {
  popover: { width: 360, height: 520 },
  picker: { width: 960, height: 680 - TITLE_BAR },
  settings: { width: 560, height: 680 - TITLE_BAR },
} as const;

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

for (const language of LANGUAGES) {
  for (const scheme of SCHEMES) {
    test.describe(`${language}, ${scheme}`, () => {
      test.use({ colorScheme: scheme });

      test('key screens', async ({ page }, testInfo) => {
        // Seven screens, each saved and axe-checked, and 10,000 rooms fetched: about a minute
        // on the shared 2-core machine.
        test.setTimeout(240_000);
        const clock = new MovableClock();
        const preview = await startSimPreview({
          sim: { rooms: ROOM_COUNT, clock: clock.now, callTiming: { ringMs: RING_MS } },
        });
        try {
          const shots = new Shots(page, testInfo, `${language}-${scheme}`);
          await preview.services.settings.update({ language });
          // The directory syncs while the popover is looked at; the picker waits for it.
          await preview.services.directory.refresh();
          await test.step('popover', () => popoverScreens(page, preview, clock, shots, language));
          await test.step('10,000 rooms fetched', () => preview.services.directory.whenIdle());
          await test.step('picker', () => pickerScreens(page, preview, shots, language));
          await test.step('settings', () => settingsScreens(page, preview, shots, language));
        } finally {
          await preview.close();
        }
      });
    });
  }
}

async function popoverScreens(
  page: Page,
  preview: SimPreview,
  clock: MovableClock,
  shots: Shots,
  language: Language,
): Promise<void> {
  const words = WORDS[language];
  const sim = simOf(preview);
  const room = (index: number) => {
    const found = sim.rooms[index];
    if (found === undefined) throw new Error(`no simulator room #${String(index)}`);
    return found;
  };
  const unreachable = sim.mraWithOutcome('unreachable');
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
    dialString: unreachable.dial_string,
    label: UNREACHABLE_LABEL,
  });
  for (const index of [SIM_ROOMS.boardroom.index, 5, SIM_ROOMS.notCallable.index, 3]) {
    await addRoom(preview, room(index));
  }
  const names = new Set((await preview.services.favorites.list()).map(favoriteDisplayName));

  await page.setViewportSize(SIZES.popover);
  await page.goto(preview.pageUrl('popover'));
  const list = page.getByRole('list', { name: words.favourites });
  await expect(page.getByText(SIM_CURRENT_MEETING.subject).first()).toBeVisible();
  await expect(list.getByRole('listitem').first()).toBeVisible();
  await shots.check('popover-favourites', { rows: list.getByRole('listitem'), names });

  const row = (name: string) =>
    list
      .getByRole('listitem')
      .filter({ has: page.getByRole('button', { name: words.invite(name), exact: true }) });
  const invite = async (name: string) => {
    await list.getByRole('button', { name: words.invite(name), exact: true }).click();
  };

  await invite(SIM_ROOMS.accepted.name);
  await expect(row(SIM_ROOMS.accepted.name)).toContainText(words.ringing);
  await shots.check('popover-ringing', { rows: list.getByRole('listitem'), names });

  await invite(SIM_ROOMS.rejected.name);
  await invite(SIM_ROOMS.noAnswer.name);
  await invite(UNREACHABLE_LABEL);
  await expect(row(UNREACHABLE_LABEL)).toContainText(words.failed);
  await expect(row(SIM_ROOMS.noAnswer.name)).toContainText(words.ringing);
  // Every ring is over: the rows learn it at their next status read.
  clock.advance(RING_MS + 1_000);
  await expect(row(SIM_ROOMS.accepted.name)).toContainText(words.accepted, { timeout: 15_000 });
  await expect(row(SIM_ROOMS.rejected.name)).toContainText(words.rejected, { timeout: 15_000 });
  await expect(row(SIM_ROOMS.noAnswer.name)).toContainText(words.noAnswer, { timeout: 15_000 });
  await shots.check('popover-outcomes', { rows: list.getByRole('listitem'), names });
}

async function pickerScreens(
  page: Page,
  preview: SimPreview,
  shots: Shots,
  language: Language,
): Promise<void> {
  const words = WORDS[language];
  const names = new Set(simOf(preview).rooms.map((room) => room.meeting_room_name));
  const rows = page.getByRole('list', { name: words.rooms }).getByRole('listitem');

  await page.setViewportSize(SIZES.picker);
  await page.goto(preview.pageUrl('picker'));
  await expect(rows.first()).toBeVisible();
  await shots.check('picker-10000-rooms', { rows, names, directory: true });

  // The same page, the window made as small as the picker allows.
  await page.setViewportSize(pickerMinimumSize());
  await expect(rows.first()).toBeVisible();
  await shots.check('picker-minimum-size', { rows, names, directory: true });
}

async function settingsScreens(
  page: Page,
  preview: SimPreview,
  shots: Shots,
  language: Language,
): Promise<void> {
  const words = WORDS[language];
  await page.setViewportSize(SIZES.settings);
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
    if (options.directory === true) await expectVirtualised(this.#page, name);
    if (options.rows !== undefined && options.names !== undefined) {
      await expectFullNames(options.rows, options.names, name);
    }
  }
}

/*
 * What the page-side checks use of the DOM, typed here: this project's compiler has no DOM
 * library (the tests run in Node); Playwright runs these functions in the page.
 */
interface PageBox {
  getBoundingClientRect(): { top: number; bottom: number; width: number };
  readonly parentElement: PageBox | null;
}
interface PageScroller {
  readonly scrollWidth: number;
  readonly clientWidth: number;
}
interface PageWindow {
  readonly innerHeight: number;
  getComputedStyle(element: PageBox): { overflowX: string; overflowY: string };
  readonly document: { scrollingElement: PageScroller | null; documentElement: PageScroller };
}

/** The document's scrolling box: wider content than the window means a sideways scrollbar. */
function sideways(): PageScroller {
  const { document } = globalThis as unknown as PageWindow;
  const root = document.scrollingElement ?? document.documentElement;
  return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth };
}

/** Whether any part of an element is inside the window and every box that clips it. */
function shows(element: PageBox): boolean {
  const page = globalThis as unknown as PageWindow;
  const box = element.getBoundingClientRect();
  let top = Math.max(box.top, 0);
  let bottom = Math.min(box.bottom, page.innerHeight);
  for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
    const style = page.getComputedStyle(parent);
    if (style.overflowY === 'visible' && style.overflowX === 'visible') continue;
    const clip = parent.getBoundingClientRect();
    top = Math.max(top, clip.top);
    bottom = Math.min(bottom, clip.bottom);
  }
  return bottom - top > 1 && box.width > 0;
}

async function expectNoHorizontalScroll(page: Page, where: string): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(sideways);
  expect(scrollWidth, `${where}: the document scrolls sideways`).toBeLessThanOrEqual(clientWidth);
}

/** Counts every row-like element of the page, whatever list, grid or listbox holds it. */
async function expectVirtualised(page: Page, where: string): Promise<void> {
  const rows = await page.locator('li, [role="listitem"], [role="option"], [role="row"]').count();
  expect(rows, `${where}: rows in the DOM with ${String(ROOM_COUNT)} rooms`).toBeLessThanOrEqual(
    MAX_DOM_ROWS,
  );
}

/**
 * Each row that shows (inside every scrolling box around it and the window) has an accessible
 * name, its own or a control's, holding a whole name: a name cut short on screen is still
 * read out in full.
 */
async function expectFullNames(
  rows: Locator,
  names: ReadonlySet<string>,
  where: string,
): Promise<void> {
  let visible = 0;
  for (const row of await rows.all()) {
    if (!(await row.evaluate(shows))) continue;
    visible += 1;
    const accessibleNames = namesIn(await row.ariaSnapshot());
    const full = accessibleNames.some((accessible) =>
      [...names].some((name) => accessible.includes(name)),
    );
    expect(full, `${where}: a visible row named ${JSON.stringify(accessibleNames)}`).toBe(true);
  }
  expect(visible, `${where}: visible rows`).toBeGreaterThan(0);
}

/** The accessible names in an ARIA snapshot: `- button "Invite …"` gives `Invite …`. */
function namesIn(snapshot: string): string[] {
  const names: string[] = [];
  for (const match of snapshot.matchAll(/^\s*- [a-z]+ ("(?:[^"\\]|\\.)*")/gm)) {
    const quoted = match[1];
    if (quoted !== undefined) names.push(JSON.parse(quoted) as string);
  }
  return names;
}

/**
 * The picker's minimum window size as main/app/electron/windows.ts sets it (minWidth,
 * minHeight), read from the source so the test follows when it changes, less the title bar.
 */
function pickerMinimumSize(): { width: number; height: number } {
  const source = readFileSync(WINDOWS_TS, 'utf8');
  return {
    width: sourceNumber(source, 'minWidth'),
    height: sourceNumber(source, 'minHeight') - TITLE_BAR,
  };
}

/**
 * The number a `key:` in the windows code is set to: a literal (`minWidth: 480`), a constant
 * (`minWidth: PICKER_MIN_WIDTH` with `const PICKER_MIN_WIDTH = 480`) or a constant's member
 * (`minWidth: PICKER_MIN.width` with `const PICKER_MIN = { width: 480, … }`).
 */
function sourceNumber(source: string, key: string): number {
  const values = [...source.matchAll(new RegExp(`\\b${key}\\s*:\\s*([\\w$.]+)`, 'g'))].map(
    (match) => resolveNumber(source, match[1] ?? ''),
  );
  const distinct = [...new Set(values)];
  if (distinct.length !== 1 || distinct[0] === null || distinct[0] === undefined) {
    throw new Error(
      `key-screens.spec.ts cannot read the picker's ${key} from ${WINDOWS_TS} (found ` +
        `${JSON.stringify(values)}): update pickerMinimumSize() to how windows.ts sets it now.`,
    );
  }
  return distinct[0];
}

function resolveNumber(source: string, expression: string): number | null {
  const literal = /^\d[\d_]*$/.exec(expression);
  if (literal !== null) return Number(expression.replaceAll('_', ''));
  const [constant, member] = expression.split('.');
  if (constant === undefined) return null;
  const declared = new RegExp(`\\bconst\\s+${constant}\\b[^=]*=\\s*([^;]+);`).exec(source)?.[1];
  if (declared === undefined) return null;
  if (member === undefined) return resolveNumber(source, declared.trim());
  const field = new RegExp(`\\b${member}\\s*:\\s*([\\w$.]+)`).exec(declared)?.[1];
  return field === undefined ? null : resolveNumber(source, field);
}

/** The simulator's clock, which the test moves on to end the calls that ring. */
class MovableClock {
  #offset = 0;
  readonly now = (): number => Date.now() + this.#offset;

  advance(ms: number): void {
    this.#offset += ms;
  }
}

function simOf(preview: SimPreview): NonNullable<SimPreview['sim']> {
  if (preview.sim === null) throw new Error('these screens run against the simulator');
  return preview.sim;
}

async function addRoom(
  preview: SimPreview,
  room: NonNullable<SimPreview['sim']>['rooms'][number],
): Promise<void> {
  await preview.services.favorites.add({
    kind: 'room',
    meetingRoomId: room.meeting_room_id,
    name: room.meeting_room_name,
    location: room.meeting_room_location,
  });
}

function fileIn(relative: string): string {
  return path.join(path.dirname(new URL(import.meta.url).pathname), '..', '..', relative);
}
