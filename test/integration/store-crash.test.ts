import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openFavorites } from '../../main/core/store/favorites';
import { favoritesFileSchema } from '../../main/shared/model/favorites-schema';
import { openHistory } from '../../main/core/store/history';
import { openJsonDocument } from '../../main/core/store/json-document';
import { type StoreWarning } from '../../main/core/store/store-warning';
import { STORE_FILES } from '../../main/core/store/paths';
import { openSettings } from '../../main/core/store/settings';
import { bundleForNode } from '../helpers/bundle-for-node';
import { blobFor, crashDocSchema, FAVORITES_KEPT } from '../helpers/store-crash-shared';

/**
 * A child process writes four stores (a 0-200 KB document, the settings, the history, the
 * favourites) as fast as it can and is SIGKILLed at a random moment, at least 200 times, in the
 * same folder. After every
 * kill each file must parse and hold exactly the state of the last completed round or of the
 * one in flight, never a mix and never a "corrupt" file; temporary files a kill leaves behind
 * must be gone once the stores are opened again (the next start). A kill mostly lands while a
 * store holds its lock between processes (`<file>.lock`): the next child must take that stale
 * lock over at once (a child that waited for it in vain would fail with "busy" on stderr).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
/** At least this many kills, and on until the children have completed this many writes. */
const MIN_KILLS = 200;
const MIN_WRITES = 600;
/** Per folder (the test runs two): a bound, should rounds never complete. */
const MAX_RUNS = 300;
const FILES = ['crash.json', STORE_FILES.settings, STORE_FILES.history, STORE_FILES.favorites];

let work: string;
let child: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'roomcall-crash-'));
  child = await bundleForNode(path.join(here, '../helpers/store-crash-child.ts'), work);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A small seeded generator, so a failing run can be replayed from its printed seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Run {
  /** The last round the child reported complete; null when it completed none. */
  readonly acked: number | null;
  readonly stderr: string;
  readonly signal: NodeJS.Signals | null;
}

/** Starts the child, kills it `delayMs` after it is ready (unless it finished first). */
function runChild(dir: string, first: number, rounds: number, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, dir, String(first), String(rounds)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acked: number | null = null;
    let stdout = '';
    let stderr = '';
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const lines = stdout.split('\n');
      stdout = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => proc.kill('SIGKILL'), delayMs);
        else if (/^\d+$/.test(line)) acked = Number(line);
      }
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    proc.on('error', reject);
    proc.on('close', (_code, signal) => {
      resolve({ acked, stderr, signal });
    });
  });
}

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, 'utf8')) as unknown;
}

/**
 * The seq each file holds, read raw (JSON.parse must succeed) and checked for integrity. With
 * one writer the history is also checked for order; two processes interleave their entries.
 */
async function fileStates(dir: string, oneWriter = true): Promise<Record<string, number>> {
  const names = await readdir(dir);
  const states: Record<string, number> = {};
  if (names.includes('crash.json')) {
    const doc = crashDocSchema.parse(await readJson(path.join(dir, 'crash.json')));
    // The blob belongs to the seq: a torn or mixed write would not match.
    expect(doc.blob).toBe(blobFor(doc.seq));
    states['crash.json'] = doc.seq;
  }
  if (names.includes(STORE_FILES.settings)) {
    const settings = (await readJson(path.join(dir, STORE_FILES.settings))) as {
      operatorId: string;
      pollIntervalMs: number;
    };
    const seq = Number(settings.operatorId.slice(3));
    expect(settings.pollIntervalMs).toBe(500 + (seq % 1000));
    states[STORE_FILES.settings] = seq;
  }
  if (names.includes(STORE_FILES.history)) {
    const history = (await readJson(path.join(dir, STORE_FILES.history))) as {
      entries: { target: { meetingRoomId: string } }[];
    };
    const ids = history.entries.map((entry) => Number(entry.target.meetingRoomId));
    expect(ids.length).toBeLessThanOrEqual(100);
    // Newest first, each invite once.
    if (oneWriter) expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    states[STORE_FILES.history] = (ids[0] ?? 0) - 1;
  }
  if (names.includes(STORE_FILES.favorites)) {
    // Every entry valid (the schema of the file, strictly), each a whole write of its round.
    const raw = (await readJson(path.join(dir, STORE_FILES.favorites))) as { items: unknown };
    const { items } = favoritesFileSchema.parse(raw);
    expect(items.length).toBe((raw.items as unknown[]).length);
    // Each child trims to FAVORITES_KEPT - 1, then adds one: two steps, each atomic under the
    // file's lock, not together. With two writers both may trim before either adds (CI saw 21).
    expect(items.length).toBeLessThanOrEqual(oneWriter ? FAVORITES_KEPT : FAVORITES_KEPT + 1);
    const seqs = items.map((item) => {
      const seq = Number(item.label?.slice(4));
      expect(item).toMatchObject({ kind: 'mra', dialString: `r${seq}@vc.example.com` });
      return seq;
    });
    if (oneWriter) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    states[STORE_FILES.favorites] = Math.max(...seqs);
  }
  return states;
}

/** Opening the stores is what the next start does: it must warn about nothing. */
async function restart(dir: string): Promise<StoreWarning[]> {
  const warnings: StoreWarning[] = [];
  const onWarning = (warning: StoreWarning) => warnings.push(warning);
  await openJsonDocument(
    { name: 'crash test', fileName: 'crash.json', version: 1, schema: crashDocSchema },
    { dir, onWarning },
  ).load();
  await openSettings({ dir, onWarning }).load();
  await openHistory({ dir, onWarning }).load();
  await openFavorites({ dir, onWarning }).load();
  return warnings;
}

interface ChainStats {
  runs: number;
  kills: number;
  completedRounds: number;
  leftovers: number;
  staleLocks: number;
}

/**
 * One folder, one child at a time, killed over and over: at least `minKills` kills, and on until
 * the children have completed `minWrites` writes. Most kills come 0-40 ms after the child is
 * ready (mid-write, while it holds locks); one run in four lives 100-300 ms, so rounds complete
 * and the files move on.
 */
async function killChain(seed: number, minKills: number, minWrites: number): Promise<ChainStats> {
  const next = random(seed);
  const dir = await mkdtemp(path.join(work, 'data-'));
  let first = 0;
  let before: Record<string, number> = {};
  const stats: ChainStats = { runs: 0, kills: 0, completedRounds: 0, leftovers: 0, staleLocks: 0 };

  for (; stats.runs < MAX_RUNS; stats.runs += 1) {
    const round = stats.runs;
    if (stats.kills >= minKills && stats.completedRounds * FILES.length >= minWrites) break;
    const delay = next() < 0.25 ? 100 + Math.floor(next() * 200) : Math.floor(next() * 40);
    const run = await runChild(dir, first, 500, delay);
    expect(run.stderr, `run ${round} (seed ${seed})`).toBe('');
    if (run.signal === 'SIGKILL') stats.kills += 1;
    stats.completedRounds += run.acked === null ? 0 : run.acked - first + 1;

    const names = await readdir(dir);
    expect(
      names.filter((name) => name.includes('.corrupt-') || name.includes('.rejected-')),
    ).toEqual([]);
    stats.leftovers += names.filter((name) => name.endsWith('.tmp')).length;
    // Left by the kill; the next run's first update of that file takes it over.
    stats.staleLocks += names.filter((name) => name.endsWith('.lock')).length;

    const states = await fileStates(dir);
    for (const file of FILES) {
      const state = states[file];
      // Completed rounds are on disk; the round in flight may or may not be.
      const old = run.acked ?? before[file];
      const inFlight = run.acked === null ? first : run.acked + 1;
      const allowed = [old, inFlight].filter((value) => value !== undefined);
      if (state === undefined) expect(old, `${file} vanished in round ${round}`).toBeUndefined();
      else expect(allowed, `${file} in round ${round} (seed ${seed})`).toContain(state);
    }

    expect(await restart(dir)).toEqual([]);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    before = states;
    first = Math.max(first, ...Object.values(states)) + 1;
  }
  return stats;
}

describe('stores killed mid-write', () => {
  it('every file always parses and holds the old or the new content; leftovers are cleaned up', async () => {
    const seed = Date.now() % 1_000_000;
    console.log(`store crash test seeds: ${seed}, ${seed + 1}`);
    // Two folders side by side, one child each at a time: 200 kills in about half the time.
    const chains = await Promise.all(
      [seed, seed + 1].map((chainSeed) => killChain(chainSeed, MIN_KILLS / 2, MIN_WRITES / 2)),
    );
    const total = (key: keyof ChainStats) => chains.reduce((sum, chain) => sum + chain[key], 0);
    console.log(
      `store crash test: ${total('runs')} runs, ${total('kills')} killed, ${total('completedRounds')} completed rounds of ${FILES.length} writes, ${total('leftovers')} temporary files left by kills and cleaned up, ${total('staleLocks')} stale locks left by kills and taken over`,
    );
    expect(total('kills')).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(total('staleLocks')).toBeGreaterThan(0);
    expect(total('completedRounds') * FILES.length).toBeGreaterThanOrEqual(MIN_WRITES);
  }, 180_000);

  it('two writers at once (the app and the CLI), both killed: still no damaged file', async () => {
    const dir = await mkdtemp(path.join(work, 'pair-'));
    for (let round = 0; round < 8; round += 1) {
      const runs = await Promise.all([
        runChild(dir, round * 100_000, 500, 50 + round * 20),
        runChild(dir, round * 100_000 + 50_000, 500, 80 + round * 15),
      ]);
      for (const run of runs) expect(run.stderr).toBe('');
      await fileStates(dir, false);
      expect(await restart(dir)).toEqual([]);
      const names = await readdir(dir);
      expect(names.filter((name) => name.includes('.corrupt-') || name.endsWith('.tmp'))).toEqual(
        [],
      );
    }
  }, 120_000);
});
