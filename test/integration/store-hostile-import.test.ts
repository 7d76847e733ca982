/**
 * A hostile favourites file against the real `roomcall` process (bundled like the build does):
 * favourites files are passed between colleagues, so `favorites import` must bound what a file
 * can cost. Each run's peak memory is read in the child itself (process.resourceUsage().maxRSS,
 * written at exit by a preloaded script); its output is measured here. No time is asserted:
 * the figures go to the log and to README's "Reliability" section (and `./dev bench`).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ENTRIES,
  MAX_REPORTED_SKIPS,
} from '../../main/core/store/favorites-import';
import { buildCliBundle } from '../helpers/cli-bundle';
import { hostileImportFile } from '../helpers/hostile-favorites';

const MAX_OUTPUT = 64 * 1024;
const MAX_RSS_BYTES = 300 * 1024 * 1024;

let dir = '';
let script = '';
let reporter = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-hostile-'));
  script = await buildCliBundle(dir);
  reporter = path.join(dir, 'report-rss.mjs');
  await writeFile(
    reporter,
    [
      "import { writeFileSync } from 'node:fs';",
      "process.on('exit', () => writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS * 1024)));",
    ].join('\n'),
  );
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Peak resident memory of the child, in bytes. */
  readonly peakRss: number;
  readonly ms: number;
}

function importFile(file: string, data: string, json: boolean): Promise<Run> {
  const rssOut = path.join(dir, `rss-${path.basename(file)}.txt`);
  const args = ['--import', pathToFileURL(reporter).href, script, 'favorites', 'import', file];
  if (json) args.push('--json');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { PATH: process.env['PATH'] ?? '', HOME: dir, ROOMCALL_DATA_DIR: data, RSS_OUT: rssOut },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      readFile(rssOut, 'utf8').then((text) => {
        resolve({ code, stdout, stderr, peakRss: Number(text), ms });
      }, reject);
    });
  });
}

function log(name: string, run: Run, fileBytes: number): void {
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  console.log(
    `hostile import (${name}, ${mb(fileBytes)} MB): exit ${run.code}, ${Math.round(run.ms)} ms, peak RSS ${mb(run.peakRss)} MB, output ${run.stdout.length + run.stderr.length} characters`,
  );
}

describe('favorites import of a hostile file', () => {
  it('5 MB of 2.6 million bogus entries: refused by its size before it is read, in words; nothing saved', async () => {
    const file = path.join(dir, 'huge.json');
    const text = hostileImportFile(2_600_000);
    expect(Buffer.byteLength(text)).toBeGreaterThan(5_000_000);
    await writeFile(file, text);
    const data = path.join(dir, 'data-huge');
    for (const json of [false, true]) {
      const run = await importFile(file, data, json);
      log(json ? 'size cap, --json' : 'size cap', run, text.length);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('is larger than 2 MB: not a favourites file');
      expect(run.stdout.length + run.stderr.length).toBeLessThan(MAX_OUTPUT);
      expect(run.peakRss).toBeLessThan(MAX_RSS_BYTES);
    }
    expect(await readdir(data).catch(() => [])).not.toContain('favorites.json');
  }, 60_000);

  it('just under the size cap, a million bogus entries: refused by their number before any is checked', async () => {
    const file = path.join(dir, 'many.json');
    const count = Math.floor((MAX_IMPORT_BYTES - 100) / 2);
    const text = hostileImportFile(count);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    await writeFile(file, text);
    const run = await importFile(file, path.join(dir, 'data-many'), true);
    log('entry cap', run, text.length);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `lists ${count} entries; RoomCall imports at most ${MAX_IMPORT_ENTRIES} from one file`,
    );
    expect(run.stdout.length + run.stderr.length).toBeLessThan(MAX_OUTPUT);
    expect(run.peakRss).toBeLessThan(MAX_RSS_BYTES);
  }, 60_000);

  it('the most entries a file may list, nearly all bogus: the valid ones added, the report bounded', async () => {
    const file = path.join(dir, 'bogus.json');
    const valid = { kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com', label: 'VC' };
    // Long bogus labels: a report quoting them all would be megabytes.
    const bogus = { kind: 'mra', protocol: 'sip', dialString: 'x@y', label: 'L'.repeat(900) };
    const favorites = [valid, ...Array.from({ length: MAX_IMPORT_ENTRIES - 1 }, () => bogus)];
    const text = JSON.stringify({ format: 'roomcall-favorites', version: 1, favorites });
    await writeFile(file, text);
    const data = path.join(dir, 'data-bogus');
    const run = await importFile(file, data, true);
    log('bounded report, --json', run, text.length);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeLessThan(MAX_OUTPUT);
    const report = JSON.parse(run.stdout) as {
      added: unknown[];
      skipped: { position: number; reason: string }[];
      skippedCount: number;
    };
    expect(report.added).toHaveLength(1);
    expect(report.skippedCount).toBe(MAX_IMPORT_ENTRIES - 1);
    expect(report.skipped).toHaveLength(MAX_REPORTED_SKIPS);
    expect(report.skipped[0]).toMatchObject({
      position: 2,
      reason: 'a label has at most 100 characters',
    });

    const words = await importFile(file, path.join(dir, 'data-bogus-words'), false);
    expect(words.code).toBe(0);
    expect(words.stdout).toContain(
      `Imported 1 favourite; skipped ${MAX_IMPORT_ENTRIES - 1} (the first ${MAX_REPORTED_SKIPS} below):`,
    );
    expect(words.stdout).toContain(`  … and ${MAX_IMPORT_ENTRIES - 1 - MAX_REPORTED_SKIPS} more.`);
    expect(words.stdout.length + words.stderr.length).toBeLessThan(MAX_OUTPUT);
  }, 60_000);
});
