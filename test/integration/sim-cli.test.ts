import { execFile, spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import { access, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SIM_OPERATOR_ID } from '../sim/index';
import { signedFetch } from '../sim/signed-fetch';

const run = promisify(execFile);
let dir = '';
let script = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roomcall-sim-cli-'));
  script = join(dir, 'sim.mjs');
  await build({
    entryPoints: ['test/sim/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'warning',
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

type Sim = ChildProcessByStdio<null, Readable, Readable> & { out: string; err: string };

/** Starts main.ts; resolves once its stdout holds the last export line. */
async function startSim(args: string[]): Promise<Sim> {
  const child = spawn(process.execPath, [script, '--port', '0', '--rooms', '12', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as Sim;
  child.out = '';
  child.err = '';
  onTestFinished(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    child.err += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no export lines: ${child.out} ${child.err}`));
    }, 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      child.out += chunk.toString();
      if (child.out.includes('WEMEET_OPERATOR_ID')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited early: ${child.out} ${child.err}`));
    });
  });
  return child;
}

async function stopSim(child: Sim): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  child.kill('SIGTERM');
  return exited;
}

/** What a real shell sees after `source FILE` (bash, as in the README). */
async function sourced(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('bash', ['-c', 'source "$1" && env', 'bash', file], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin' },
  });
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.startsWith('WEMEET_'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('./dev sim (test/sim/main.ts)', () => {
  it('prints only export lines on stdout, which a shell takes, and serves them', async () => {
    const child = await startSim(['--quiet']);
    await expect.poll(() => child.err).toContain('Ctrl-C');
    const lines = child.out.trim().split('\n');
    expect(lines.every((line) => /^export WEMEET_[A-Z_]+='[^']*'$/.test(line))).toBe(true);

    const stdoutFile = join(dir, 'stdout.env');
    await writeFile(stdoutFile, child.out);
    const env = await sourced(stdoutFile);
    expect(Object.keys(env).sort()).toEqual([
      'WEMEET_APP_ID',
      'WEMEET_BASE_URL',
      'WEMEET_OPERATOR_ID',
      'WEMEET_SECRET_ID',
      'WEMEET_SECRET_KEY',
    ]);
    expect(env['WEMEET_BASE_URL']).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(env['WEMEET_OPERATOR_ID']).toBe(SIM_OPERATOR_ID);

    const response = await signedFetch(
      {
        baseUrl: env['WEMEET_BASE_URL'] ?? '',
        credentials: {
          appId: env['WEMEET_APP_ID'] ?? '',
          secretId: env['WEMEET_SECRET_ID'] ?? '',
          secretKey: env['WEMEET_SECRET_KEY'] ?? '',
        },
      },
      {
        method: 'GET',
        uri: `/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=1`,
      },
    );
    expect(response.status).toBe(200);
    expect((response.json as { total_count: number }).total_count).toBe(12);
    expect(await stopSim(child)).toBe(0);
  });

  it('--exports-file writes the exports for `source`, owner-only, and removes them on stop', async () => {
    const file = join(dir, 'sim.env');
    const child = await startSim(['--exports-file', file, '--sdk-id', '28370276', '--quiet']);
    const env = await sourced(file);
    expect(env['WEMEET_SDK_ID']).toBe('28370276');
    expect(child.out).toBe(await readFile(file, 'utf8'));
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await stopSim(child)).toBe(0);
    await expect(access(file)).rejects.toThrow();
  });

  it('--env prints the export lines and nothing else; --sparse and --latency-ms are taken', async () => {
    const child = await startSim(['--env', '--sparse', '--latency-ms', '50']);
    const env: Record<string, string> = {};
    for (const line of child.out.trim().split('\n')) {
      const match = /^export (\w+)='([^']*)'$/.exec(line);
      expect(match, line).not.toBeNull();
      env[match?.[1] ?? ''] = match?.[2] ?? '';
    }
    const response = await signedFetch(
      {
        baseUrl: env['WEMEET_BASE_URL'] ?? '',
        credentials: {
          appId: env['WEMEET_APP_ID'] ?? '',
          secretId: env['WEMEET_SECRET_ID'] ?? '',
          secretKey: env['WEMEET_SECRET_KEY'] ?? '',
        },
      },
      {
        method: 'GET',
        uri: `/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=1&page=9`,
      },
    );
    // Sparse: a page past the end sends no empty list and no current_size of 0.
    expect(response.json).toEqual({ total_count: 12, current_page: 9, total_page: 1 });
    expect(await stopSim(child)).toBe(0);
    expect(child.err).toBe('');
  });
});
