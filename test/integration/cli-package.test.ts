/**
 * The CLI as a person installs it on its own: `npm run pack:cli`'s package, installed
 * globally into a throwaway prefix with npm (keytar built for this Node, from npm's cache where
 * it can), then run as `roomcall` through its bin link against the simulator.
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBuildTargets } from '../../scripts/cli-build';
import { startSimulator, type Simulator } from '../sim/index';
import { simulatorEnv } from './cli-harness';

const INSTALL_TIMEOUT_MS = 240_000;

let dir = '';
let prefix = '';
let sim: Simulator | undefined;
// This Node first on PATH, so the bin's `#!/usr/bin/env node` finds it rather than an older one.
const pathWithThisNode = `${path.dirname(process.execPath)}${path.delimiter}${process.env['PATH'] ?? ''}`;

function sh(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = dir) {
  return spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, PATH: pathWithThisNode, ...env },
    timeout: INSTALL_TIMEOUT_MS,
  });
}

/** Like sh, but without blocking this process, whose simulator must answer the child. */
function shAsync(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'stderr'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: dir,
      env: { ...process.env, PATH: pathWithThisNode, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      resolve({ status, stdout, stderr });
    });
  });
}

function explain(result: Pick<SpawnSyncReturns<string>, 'status' | 'stdout' | 'stderr'>): string {
  return `exit ${String(result.status)}\n${result.stdout}\n${result.stderr}`;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-cli-package-'));
  const cliDir = path.join(dir, 'cli');
  await Promise.all(cliBuildTargets(cliDir).map((target) => build(target)));
  const packed = sh(
    process.execPath,
    ['scripts/pack-cli.mjs', '--from', cliDir, '--to', path.join(dir, 'dist')],
    {},
    process.cwd(),
  );
  if (packed.status !== 0) throw new Error(`pack-cli failed: ${explain(packed)}`);
  const [tarball] = (await readdir(path.join(dir, 'dist'))).filter((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('pack-cli made no package');
  prefix = path.join(dir, 'prefix');
  const installed = sh('npm', [
    'install',
    '--global',
    '--prefix',
    prefix,
    '--allow-scripts=keytar',
    '--prefer-offline',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
    path.join(dir, 'dist', tarball),
  ]);
  if (installed.status !== 0) throw new Error(`npm install -g failed: ${explain(installed)}`);
}, INSTALL_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await sim?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the roomcall npm package, installed with npm install -g', () => {
  it('puts a working roomcall on PATH', async () => {
    const { default: pkg } = (await import('../../package.json', { with: { type: 'json' } })) as {
      default: { version: string };
    };
    const result = sh(path.join(prefix, 'bin', 'roomcall'), ['--version']);
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(pkg.version);
    expect(result.status).toBe(0);
  });

  it('lists the rooms of the simulator', async () => {
    sim = await startSimulator({ rooms: 12 });
    const result = await shAsync(path.join(prefix, 'bin', 'roomcall'), ['rooms', '--json'], {
      ...simulatorEnv(sim),
      HOME: dir,
      ROOMCALL_DATA_DIR: path.join(dir, 'data'),
    });
    expect(result.status, explain(result)).toBe(0);
    const rooms = JSON.parse(result.stdout) as unknown[];
    expect(rooms).toHaveLength(12);
  });

  it('brings keytar, built for this Node, that loads', () => {
    const packageDir = path.join(prefix, 'lib', 'node_modules', 'roomcall');
    const result = sh(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const k = await import('keytar'); console.log(typeof k.default.getPassword);",
      ],
      {},
      packageDir,
    );
    expect(result.status, explain(result)).toBe(0);
    expect(result.stdout.trim()).toBe('function');
  });
});
