import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { SIM_OPERATOR_ID } from '../sim/index';
import { signedFetch } from '../sim/signed-fetch';

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

describe('npm run sim (test/sim/main.ts)', () => {
  it('prints the base URL and demo credentials, serves them, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [script, '--port', '0', '--rooms', '12', '--quiet'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    onTestFinished(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`no banner: ${output}`));
      }, 10_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ctrl-C')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        reject(new Error(`exited early: ${output}`));
      });
    });
    const env = Object.fromEntries(
      output
        .split('\n')
        .filter((line) => line.startsWith('WEMEET_'))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
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

    const exited = new Promise<number | null>((resolve) => {
      child.on('exit', (code) => {
        resolve(code);
      });
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
