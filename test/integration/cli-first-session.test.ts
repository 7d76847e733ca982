/**
 * docs/cli.md's first session, run as written: the lines of its ```sh first-session block(s), in
 * one real shell (bash), one after the other, with the built `roomcall` and the built simulator.
 * Only the simulator's values change: it listens on a free port (ROOMCALL_SIM_PORT=0) instead
 * of 8787. Each line's exit code and key output are checked, and the list of lines must be
 * exactly the one below: a step added, removed or reworded in the docs fails here until the
 * test is brought along, and a step that stops working fails too.
 */
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBuildTargets, ESM_REQUIRE_BANNER } from '../../scripts/cli-build';
import { runProcess, type Finished } from '../helpers/run-process';
import { NO_MANAGED_CONFIG } from './cli-harness';

interface Step {
  /** The line exactly as docs/cli.md has it, without its trailing comment. */
  readonly line: string;
  readonly code: number;
  readonly stdout?: readonly RegExp[];
  readonly stderr?: readonly RegExp[];
}

// Times in the tables carry their zone: the session runs in Paris (CET, or CEST in summer).
const ZONED = /\d{4}-\d\d-\d\d \d\d:\d\d CES?T/;

const STEPS: readonly Step[] = [
  { line: './dev sim --exports-file sim.env > sim.log 2>&1 &', code: 0 },
  { line: 'until [ -f sim.env ]; do sleep 0.2; done', code: 0 },
  { line: '. ./sim.env', code: 0 },
  {
    line: 'roomcall auth status',
    code: 0,
    stdout: [/^Credentials: from the environment/m, /^Check:\s+OK: a signed request/m],
  },
  {
    line: 'roomcall meetings',
    code: 0,
    stdout: [
      new RegExp(`^\\*\\s+806-146-667\\s+产品周会 Weekly product sync\\s+${ZONED.source}`, 'm'),
    ],
  },
  { line: 'roomcall rooms', code: 0, stdout: [/^1234567890123456789\s+深圳·滨海大厦/m] },
  {
    line: 'roomcall invite --meeting 806-146-667 --room 1234567890123456789 --wait',
    code: 0,
    stdout: [
      /^Accepted: 深圳·滨海大厦 18F 1801 会议室 \(room 1234567890123456789\) is joining '产品周会 Weekly product sync' \(806-146-667\)\.$/m,
    ],
  },
  {
    line: 'roomcall favorites add --sip room@vc.example.com --label "Board room"',
    code: 0,
    stdout: [/Board room/],
  },
  {
    line: 'roomcall invite --favorite "Board room" --wait',
    code: 0,
    stdout: [
      /^Accepted: Board room \(SIP room@vc\.example\.com\) is joining '产品周会 Weekly product sync'/m,
    ],
  },
  {
    line: 'roomcall history',
    code: 0,
    stdout: [
      /^WHEN\s+MEETING\s+CALLED\s+OUTCOME\n/,
      new RegExp(`^${ZONED.source}\\s+806-146-667 .*SIP room@vc\\.example\\.com\\s+accepted$`, 'm'),
      new RegExp(`^${ZONED.source}\\s+806-146-667 .*1801 会议室\\s+accepted$`, 'm'),
    ],
  },
  { line: 'kill %1', code: 0 },
];

const FENCE = /^```sh first-session\n([\s\S]*?)^```$/gm;

/** The commands of every ```sh first-session block, comments and blank lines left out. */
function firstSessionLines(markdown: string): string[] {
  const lines: string[] = [];
  for (const [, body = ''] of markdown.matchAll(FENCE)) {
    for (const raw of body.split('\n')) {
      // A comment starts at " #" outside quotes; the docs' commands have no # of their own.
      const line = raw.replace(/\s+#.*$/, '').trim();
      if (line !== '' && !line.startsWith('#')) lines.push(line);
    }
  }
  return lines;
}

const MARK = '@@roomcall-first-session';

/**
 * One bash script: each line, then a marker with its exit code on stdout and stderr, so the
 * output splits into steps. Job control (for `kill %1`) as a person's shell has it.
 */
function script(lines: readonly string[]): string {
  const body = lines.map((line, i) =>
    [line, `__rc=$?; echo "${MARK} ${i} $__rc"; echo "${MARK} ${i} $__rc" >&2`].join('\n'),
  );
  // Whatever happens, no simulator is left running.
  return ['set -m', "trap 'kill $(jobs -p) 2>/dev/null' EXIT", ...body, ''].join('\n');
}

interface StepOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

function splitSteps(stdout: string, stderr: string, count: number): StepOutput[] {
  const steps: StepOutput[] = Array.from({ length: count }, () => ({
    code: null,
    stdout: '',
    stderr: '',
  }));
  for (const [text, key] of [
    [stdout, 'stdout'],
    [stderr, 'stderr'],
  ] as const) {
    let index = 0;
    for (const line of text.split('\n')) {
      const mark = line.startsWith(MARK) ? line.slice(MARK.length).trim().split(' ') : null;
      const step = steps[index];
      if (mark !== null) {
        if (step !== undefined) step.code = Number(mark[1]);
        index = Number(mark[0]) + 1;
      } else if (step !== undefined) {
        step[key] += `${line}\n`;
      }
    }
  }
  return steps;
}

let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-first-session-'));
  const built = path.join(dir, 'built');
  await Promise.all([
    ...cliBuildTargets(built).map((target) => build(target)),
    // The simulator as scripts/build.mjs bundles it for `./dev sim`.
    build({
      bundle: true,
      platform: 'node',
      target: 'node22',
      external: ['electron', 'keytar'],
      logLevel: 'warning',
      entryPoints: { sim: 'test/sim/main.ts' },
      outdir: built,
      format: 'esm',
      outExtension: { '.js': '.mjs' },
      banner: { js: ESM_REQUIRE_BANNER },
    }),
  ]);
  // The clone's `./dev sim` (minus its rebuild, done above) and an installed `roomcall`.
  const clone = path.join(dir, 'clone');
  const bin = path.join(dir, 'bin');
  await mkdir(clone);
  await mkdir(bin);
  const node = JSON.stringify(process.execPath);
  await writeFile(
    path.join(clone, 'dev'),
    `#!/bin/sh\n[ "$1" = sim ] || exit 64\nshift\nexec ${node} ${JSON.stringify(path.join(built, 'sim.mjs'))} "$@"\n`,
  );
  await writeFile(
    path.join(bin, 'roomcall'),
    `#!/bin/sh\nexec ${node} ${JSON.stringify(path.join(built, 'roomcall.mjs'))} "$@"\n`,
  );
  await chmod(path.join(clone, 'dev'), 0o755);
  await chmod(path.join(bin, 'roomcall'), 0o755);
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runBash(source: string, cwd: string): Promise<Finished> {
  return runProcess('bash', ['-c', source], {
    cwd,
    // A newcomer's clean shell: a throwaway home (data folder, no keychain entry), Paris time.
    env: {
      PATH: `${path.join(dir, 'bin')}:${process.env['PATH'] ?? ''}`,
      HOME: path.join(dir, 'home'),
      TZ: 'Europe/Paris',
      LANG: 'C.UTF-8',
      ROOMCALL_SIM_PORT: '0',
      ...NO_MANAGED_CONFIG,
    },
    timeoutMs: 90_000,
    what: 'the first session',
  });
}

describe("docs/cli.md's first session", () => {
  it('lists exactly the steps this test checks', async () => {
    const lines = firstSessionLines(await readFile('docs/cli.md', 'utf8'));
    expect(lines).toEqual(STEPS.map((step) => step.line));
  });

  it('runs as written against the simulator: each step exits as expected and says so', async () => {
    const lines = firstSessionLines(await readFile('docs/cli.md', 'utf8'));
    const clone = path.join(dir, 'clone');
    await mkdir(path.join(dir, 'home'), { recursive: true });
    const { stdout, stderr } = await runBash(script(lines), clone);
    const outputs = splitSteps(stdout, stderr, lines.length);
    lines.forEach((line, i) => {
      const step = STEPS.find((s) => s.line === line);
      const out = outputs[i];
      const context = `step ${i + 1}: ${line}\n--- stdout\n${out?.stdout ?? ''}--- stderr\n${out?.stderr ?? ''}`;
      expect(step, context).toBeDefined();
      expect(out?.code, context).toBe(step?.code);
      for (const pattern of step?.stdout ?? []) expect(out?.stdout, context).toMatch(pattern);
      for (const pattern of step?.stderr ?? []) expect(out?.stderr, context).toMatch(pattern);
    });
    // Nothing on stderr but what a person should see: no failure, no warning.
    expect(stderr).not.toMatch(/roomcall: /);
  }, 100_000);
});
