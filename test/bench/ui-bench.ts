import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright';
import { startSimPreview, type SimPreview } from '../preview/sim-preview';
import { median } from './stats';

/**
 * The UI budgets of the renderer, measured in a real Chromium (Debian's, or CHROMIUM_PATH)
 * against the web preview and the simulator. The pages leave User Timing marks
 * (renderer/src/lib/perf-marks.ts) that this reads.
 */

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
];
const RENDERER = 'out/renderer';

/** "43 ms (38–61)": the median, then the fastest and slowest run. */
function spread(measured: readonly number[]): string {
  const values = measured.filter((value) => !Number.isNaN(value));
  if (values.length === 0) return 'n/a';
  const low = Math.min(...values);
  const high = Math.max(...values);
  return `${median(values).toFixed(0)} ms (${low.toFixed(0)}–${high.toFixed(0)})`;
}

/** Gzipped size of a page's JavaScript: its entry and every chunk it imports statically. */
export function pageScriptGzipBytes(page: string): number {
  const html = readFileSync(path.join(RENDERER, `${page}.html`), 'utf8');
  const pending = [...html.matchAll(/<script[^>]+src="\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  let total = 0;
  while (pending.length > 0) {
    const file = path.normalize(pending.pop() ?? '');
    if (file === '' || seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(path.join(RENDERER, file));
    total += gzipSync(source, { level: 9 }).byteLength;
    // Static imports only (`import"./x.js"`, `from"./x.js"`); dynamic import() loads later.
    for (const match of source.toString('utf8').matchAll(/(?:from|import)\s*"(\.[^"]+\.js)"/g)) {
      pending.push(path.join(path.dirname(file), match[1] ?? ''));
    }
  }
  return total;
}

async function mark(page: Page, name: string): Promise<number> {
  await page.waitForFunction(
    (n) => performance.getEntriesByName(n).length > 0,
    `roomcall:${name}`,
    { timeout: 15_000 },
  );
  return page.evaluate(
    (n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN,
    `roomcall:${name}`,
  );
}

/** When the first frame with content reached the screen (Paint Timing); NaN if none came. */
async function firstContentfulPaint(page: Page): Promise<number> {
  const paint = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
  await page.waitForFunction(paint, undefined, { timeout: 5_000 }).catch(() => undefined);
  return (await page.evaluate(paint)) ?? Number.NaN;
}

async function addFavorites(preview: SimPreview, count: number): Promise<void> {
  const rooms = preview.sim?.rooms ?? [];
  for (const room of rooms.slice(0, count)) {
    await bridgeCall(preview, 'addFavorite', {
      kind: 'room',
      meetingRoomId: room.meeting_room_id,
      name: room.meeting_room_name,
      location: room.meeting_room_location,
    });
  }
}

async function bridgeCall(preview: SimPreview, verb: string, request?: unknown): Promise<unknown> {
  const response = await fetch(new URL(`/ipc/${verb}`, preview.pageUrl('popover')), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-RoomCall-Token': preview.token },
    body: request === undefined ? '' : JSON.stringify(request),
  });
  return response.json();
}

/**
 * The popover's start-up verbs answered from memory, as fast as Electron's IPC (well under a
 * millisecond): the answers are the real handler table's, recorded through the bridge first,
 * once the operator's meeting has been looked up, so the header shows it as a person sees it
 * (recorded straight away it would still say "looking for your meeting"). Each answer is kept
 * as JSON text.
 */
async function recordedAnswers(preview: SimPreview): Promise<Record<string, string>> {
  await bridgeCall(preview, 'refreshCurrentMeeting');
  const verbs = [
    'getAppState',
    'getSettings',
    'getCurrentMeeting',
    'getDirectory',
    'listFavorites',
    'listCalls',
    'listHistory',
  ];
  const answers: Record<string, string> = {};
  for (const verb of verbs) answers[verb] = JSON.stringify(await bridgeCall(preview, verb));
  return answers;
}

/**
 * Stands in for Electron's preload. Each call parses its answer from the recorded text, as IPC
 * deserialises every answer; carrying the text costs the page about 0.1 ms as it starts
 * (measured), so the bench charges nothing Electron is spared.
 */
function installInPageBridge(answers: Record<string, string>): void {
  const notRecorded = JSON.stringify({
    ok: false,
    error: { kind: 'internal', message: 'not recorded', code: null, hint: null },
  });
  const bridge = new Proxy(
    {},
    {
      get: (_target, verb: string) =>
        verb === 'on'
          ? () => () => undefined
          : () => Promise.resolve(JSON.parse(answers[verb] ?? notRecorded) as unknown),
    },
  );
  // Defined before any script of the page runs, as the preload's is.
  Object.defineProperty(globalThis, 'roomcall', { value: bridge });
}

/** The popover window's size (POPOVER_SIZE, main/app/electron/windows.ts). */
const POPOVER_VIEWPORT = { width: 360, height: 520 };

interface PopoverLoad {
  /** roomcall:popover-rendered: the first screen of favourites committed. */
  readonly rendered: number;
  /** roomcall:popover-list-complete: every row in the DOM. */
  readonly allRows: number;
  /** first-contentful-paint: when that first screen reached the display. */
  readonly painted: number;
}

/** A small document of the same origin (the preview answers 404): see loadPopover. */
function betweenLoads(preview: SimPreview): string {
  return `${preview.url}/bench-between-loads`;
}

/**
 * Loads the popover once and reads its marks. The page comes from, and goes back to, a small
 * document of the same origin: the renderer stays warm; the load does not pay for tearing
 * down a previous popover of 100 rows, which Electron never does (it loads the popover once,
 * hidden, at start); and the popover's work after its first paint (the other rows, the
 * directory, history) does not run into the next load, in this page or the other.
 */
async function loadPopover(page: Page, preview: SimPreview): Promise<PopoverLoad> {
  await page.goto(betweenLoads(preview));
  await page.goto(preview.pageUrl('popover'));
  const rendered = await mark(page, 'popover-rendered');
  const allRows = await mark(page, 'popover-list-complete');
  const painted = await firstContentfulPaint(page);
  await page.goto(betweenLoads(preview));
  return { rendered, allRows, painted };
}

export interface UiFigures {
  readonly rows: string[][];
}

export async function benchUi(runs: number): Promise<string[][]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const rows: string[][] = [];
  const popoverKb = pageScriptGzipBytes('popover') / 1024;
  rows.push(['popover JavaScript, gzipped', `${popoverKb.toFixed(1)} KB`, '< 25 KB']);
  const picker = pageScriptGzipBytes('picker') / 1024;
  rows.push(['picker first JavaScript, gzipped (info)', `${picker.toFixed(1)} KB`, '-']);
  try {
    const preview = await startSimPreview({ sim: { rooms: 200 } });
    // The same pages served as built, without the preview's bridge <script>: in Electron the
    // preload provides window.roomcall, and the page makes no request for it.
    const asBuilt = await startSimPreview({ sim: { rooms: 0 }, injectBridge: false });
    try {
      await addFavorites(preview, 100);
      const answers = await recordedAnswers(preview);
      const fast = await browser.newPage({ viewport: POPOVER_VIEWPORT });
      await fast.addInitScript(installInPageBridge, answers);
      const viaHttp = await browser.newPage({ viewport: POPOVER_VIEWPORT });
      const inPage: PopoverLoad[] = [];
      const overHttp: PopoverLoad[] = [];
      // Interleaved, so a busy moment of the shared machine spreads over both.
      for (let i = 0; i < runs; i++) {
        inPage.push(await loadPopover(fast, asBuilt));
        overHttp.push(await loadPopover(viaHttp, preview));
      }
      rows.push([
        'popover with 100 favourites, first screen rendered after navigation start (IPC-speed bridge)',
        spread(inPage.map((load) => load.rendered)),
        '< 50 ms',
      ]);
      rows.push([
        'the same: first contentful paint (info: style, layout and paint of that frame)',
        spread(inPage.map((load) => load.painted)),
        '-',
      ]);
      rows.push([
        'the same: all 100 rows in the DOM (info: the rest follow the first paint)',
        spread(inPage.map((load) => load.allRows)),
        '-',
      ]);
      rows.push([
        'the same over the preview HTTP bridge (info: HTTP round trips included)',
        spread(overHttp.map((load) => load.rendered)),
        '-',
      ]);
    } finally {
      await asBuilt.close();
      await preview.close();
    }

    const big = await startSimPreview({ sim: { rooms: 10_000 } });
    try {
      await bridgeCall(big, 'refreshDirectory');
      for (let i = 0; i < 200; i++) {
        const status = (await bridgeCall(big, 'getDirectory')) as {
          data?: { roomCount: number; syncing: boolean };
        };
        if (status.data !== undefined && !status.data.syncing && status.data.roomCount >= 10_000)
          break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const page = await browser.newPage();
      await page.goto(big.pageUrl('picker'));
      await mark(page, 'picker-rendered');
      const search = page.getByRole('searchbox').first();
      await search.waitFor();
      // Pinyin keys fill in after first paint: let them, as a person would.
      await page.waitForTimeout(1500);
      const durations: number[] = [];
      for (const query of ['北京', 'beijing', 'sz', '18F', 'boardroom', '长城']) {
        await search.fill('');
        // One input event per character, as typing (or an IME commit) gives them.
        await search.pressSequentially(query);
        await page.waitForTimeout(50);
        const measures = await page.evaluate(() =>
          performance.getEntriesByName('roomcall:picker-search').map((entry) => entry.duration),
        );
        durations.push(...measures.slice(durations.length));
      }
      const sorted = [...durations].sort((a, b) => a - b);
      const p95 = sorted[Math.floor(sorted.length * 0.95)] ?? Number.NaN;
      rows.push([
        `picker search over 10,000 rooms, per keystroke (${String(durations.length)} keys)`,
        `median ${median(durations).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`,
        '< 16 ms',
      ]);
      await search.fill('');
      await page.waitForTimeout(100);
      const domRows = await page.getByRole('listitem').count();
      rows.push(['picker room rows in the DOM (10,000 rooms)', String(domRows), '< 100']);
    } finally {
      await big.close();
    }
  } finally {
    await browser.close();
  }
  return rows;
}
