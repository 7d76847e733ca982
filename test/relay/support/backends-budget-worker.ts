/**
 * One relay instance in its own process for the rate-budget load test
 * (storage-budget-load.test.ts), bundled by backends-bundle.ts and run with process.execPath:
 *
 *   node backends-budget-worker.mjs '<json WorkerTask>'
 *
 * Opens its own storage (its own SQLite connection, or its own pg pool and Redis client),
 * prints "ready", waits for a line on stdin, then takes from the bucket as fast as it can for
 * `durationMs` and prints the JSON WorkerTally.
 */
import { writeSync } from 'node:fs';
import { openRelayStorage, type RelayStorageOptions } from '../../../main/relay/storage/index';
import type { BucketRule } from '../../../main/relay/ports';

export interface WorkerTask {
  readonly storage: RelayStorageOptions;
  readonly keyPrefix?: string;
  readonly key: string;
  readonly rule: BucketRule;
  readonly durationMs: number;
}

export interface WorkerTally {
  readonly granted: number;
  readonly refused: number;
}

async function main(): Promise<void> {
  const task = JSON.parse(process.argv[2] ?? '') as WorkerTask;
  const storage = await openRelayStorage(
    task.storage,
    task.keyPrefix === undefined ? {} : { keyPrefix: task.keyPrefix },
  );
  writeSync(1, 'ready\n');
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => {
      resolve();
    });
  });
  process.stdin.pause();
  let granted = 0;
  let refused = 0;
  const until = Date.now() + task.durationMs;
  // Several requests in flight at once, as a relay serving many people would have.
  const lane = async (): Promise<void> => {
    while (Date.now() < until) {
      const result = await storage.budget.take(task.key, task.rule);
      if (result.ok) granted += 1;
      else refused += 1;
    }
  };
  await Promise.all([lane(), lane(), lane(), lane()]);
  await storage.close();
  const tally: WorkerTally = { granted, refused };
  writeSync(1, `${JSON.stringify(tally)}\n`);
}

main().catch((error: unknown) => {
  writeSync(2, `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
