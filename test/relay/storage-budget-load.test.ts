import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRedisStores } from '../../main/relay/storage/redis';
import { defaultLeaseTiming } from '../../main/relay/storage/refresh-once';
import { backendsSkipReason, startBackends, type Backends } from './support/backends';
import { bundleWorker } from './support/backends-bundle';
import type { WorkerTally, WorkerTask } from './support/backends-budget-worker';

/**
 * Issue 17: several relay instances draw from ONE rate budget under load without exceeding it.
 * Three child processes, each with its own storage connection, take from the same bucket as
 * fast as they can; the total granted over the window must stay within what the bucket holds
 * plus what it refilled meanwhile: capacity + refillPerSecond * elapsed.
 */

const WORKERS = 3;
const rule = { capacity: 10, refillPerSecond: 20 };
const durationMs = 1_500;

let bundle = '';
beforeAll(async () => {
  bundle = await bundleWorker(path.join(import.meta.dirname, 'support/backends-budget-worker.ts'));
}, 60_000);
afterAll(async () => {
  if (bundle !== '') await rm(path.dirname(bundle), { recursive: true, force: true });
});

/** Starts the workers, lets them all go at once, and returns their tallies. */
async function runWorkers(
  task: WorkerTask,
  clock: () => Promise<number>,
): Promise<{
  readonly tallies: WorkerTally[];
  readonly elapsedMs: number;
}> {
  const children = Array.from({ length: WORKERS }, () =>
    spawn(process.execPath, [bundle, JSON.stringify(task)], { stdio: 'pipe' }),
  );
  try {
    const lines = children.map(lineReader);
    await Promise.all(
      lines.map(async (next) => {
        expect(await next()).toBe('ready');
      }),
    );
    // Measured before any worker may take, and after every one has stopped: the window
    // covers every take.
    const startMs = await clock();
    for (const child of children) child.stdin.write('go\n');
    const tallies = await Promise.all(
      lines.map(async (next) => JSON.parse(await next()) as WorkerTally),
    );
    const elapsedMs = (await clock()) - startMs;
    return { tallies, elapsedMs };
  } finally {
    for (const child of children) child.kill();
  }
}

function lineReader(child: ChildProcessWithoutNullStreams): () => Promise<string> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const iterator = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return async () => {
    const line = await iterator.next();
    if (line.done === true) throw new Error(`worker ended early: ${stderr}`);
    return line.value;
  };
}

function expectWithinBudget(run: { tallies: WorkerTally[]; elapsedMs: number }): void {
  const granted = run.tallies.reduce((sum, tally) => sum + tally.granted, 0);
  const refused = run.tallies.reduce((sum, tally) => sum + tally.refused, 0);
  const allowed = rule.capacity + (rule.refillPerSecond * run.elapsedMs) / 1000;
  expect(granted).toBeLessThanOrEqual(Math.floor(allowed));
  // The test can fail: the workers did drain the bucket and were turned away.
  expect(granted).toBeGreaterThanOrEqual(rule.capacity);
  expect(refused).toBeGreaterThan(0);
}

describe('one rate budget shared by three processes', () => {
  it('sqlite: processes sharing one file never exceed capacity + refill * elapsed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-load-'));
    try {
      const run = await runWorkers(
        {
          storage: { kind: 'sqlite', path: path.join(dir, 'relay.db') },
          key: 'company',
          rule,
          durationMs,
        },
        () => Promise.resolve(Date.now()),
      );
      expectWithinBudget(run);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

const skipBackends = backendsSkipReason();

describe.skipIf(skipBackends !== null)('one Redis rate budget shared by three instances', () => {
  let backends: Backends | undefined;
  beforeAll(async () => {
    backends = await startBackends();
  }, 60_000);
  afterAll(() => backends?.stop(), 30_000);

  it('postgres+redis: three processes never exceed capacity + refill * elapsed (Redis TIME)', async () => {
    if (backends === undefined) throw new Error('backends not started');
    // The window is measured on Redis's clock: the clock the Lua bucket refills by.
    const redis = await openRedisStores({ url: backends.redisUrl, lease: defaultLeaseTiming });
    try {
      const run = await runWorkers(
        {
          storage: {
            kind: 'postgres',
            databaseUrl: backends.databaseUrl,
            redisUrl: backends.redisUrl,
          },
          keyPrefix: `load:${Date.now()}:`,
          key: 'company',
          rule,
          durationMs,
        },
        () => redis.time(),
      );
      expectWithinBudget(run);
    } finally {
      await redis.close();
    }
  }, 30_000);
});
