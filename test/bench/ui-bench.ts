import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright';
import { startSimPreview } from '../preview/sim-preview';
import { benchPopover, bridgeCall, mark } from './popover-bench';
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

/**
 * Gzipped size of a page's JavaScript: its entry (a file, or the script inside the page, as
 * the build leaves the popover's) and every chunk it imports statically.
 */
export function pageScriptGzipBytes(page: string): number {
  const html = readFileSync(path.join(RENDERER, `${page}.html`), 'utf8');
  const pending = [...html.matchAll(/<script[^>]+src="\.\/([^"]+)"/g)].map((m) => m[1] ?? '');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]+?)<\/script>/g)].map(
    (m) => m[1] ?? '',
  );
  const seen = new Set<string>();
  let total = 0;
  const count = (source: string, from: string) => {
    total += gzipSync(source, { level: 9 }).byteLength;
    // Static imports only (`import"./x.js"`, `from"./x.js"`); dynamic import() loads later.
    for (const match of source.matchAll(/(?:from|import)\s*"(\.[^"]+\.js)"/g)) {
      pending.push(path.join(from, match[1] ?? ''));
    }
  };
  for (const source of inline) count(source, '.');
  while (pending.length > 0) {
    const file = path.normalize(pending.pop() ?? '');
    if (file === '' || seen.has(file)) continue;
    seen.add(file);
    count(readFileSync(path.join(RENDERER, file), 'utf8'), path.dirname(file));
  }
  return total;
}

export interface UiBenchOptions {
  /** false: the popover's rows only (`node out/bench/bench-ui.mjs --popover`). */
  readonly picker?: boolean;
}

export async function benchUi(runs: number, options: UiBenchOptions = {}): Promise<string[][]> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const rows: string[][] = [];
  const popoverKb = pageScriptGzipBytes('popover') / 1024;
  rows.push(['popover JavaScript, gzipped', `${popoverKb.toFixed(1)} KB`, '< 25 KB']);
  const picker = pageScriptGzipBytes('picker') / 1024;
  rows.push(['picker first JavaScript, gzipped (info)', `${picker.toFixed(1)} KB`, '-']);
  try {
    rows.push(...(await benchPopover(browser, runs)));
    if (options.picker !== false) rows.push(...(await benchPicker(browser)));
  } finally {
    await browser.close();
  }
  return rows;
}

/** The picker's search over 10,000 rooms, keystroke by keystroke, and its rows in the DOM. */
async function benchPicker(browser: Browser): Promise<string[][]> {
  const rows: string[][] = [];
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
  return rows;
}
