/**
 * The cross-process lock test's children (bundled by bundleForNode, run with process.execPath).
 *
 *   node store-lock-child.mjs count <dir> <n>   prints "ready", waits for a line on stdin, then
 *                                               adds 1 to counter.json n times through
 *                                               json-document `update`; prints "done"
 *   node store-lock-child.mjs hold <file>       takes <file>'s process lock, prints "held",
 *                                               releases it when stdin ends; prints "released"
 */
import { writeSync } from 'node:fs';
import { openJsonDocument } from '../../main/core/store/json-document';
import { acquireProcessLock } from '../../main/core/store/process-lock';
import { counterSchema } from './store-lock-shared';

function stdinEvent(event: 'data' | 'end'): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once(event, () => {
      resolve();
    });
    process.stdin.resume();
  });
}

async function count(dir: string, n: number): Promise<void> {
  const doc = openJsonDocument(
    { name: 'counter', fileName: 'counter.json', version: 1, schema: counterSchema },
    {
      dir,
      onWarning: (warning) => writeSync(2, `WARNING ${warning.message}\n`),
    },
  );
  writeSync(1, 'ready\n');
  await stdinEvent('data');
  for (let i = 0; i < n; i += 1) {
    await doc.update((current) => ({ count: current.count + 1 }));
  }
  writeSync(1, 'done\n');
}

async function hold(file: string): Promise<void> {
  const lock = await acquireProcessLock(file);
  writeSync(1, 'held\n');
  await stdinEvent('end');
  await lock.release();
  writeSync(1, 'released\n');
}

async function main(): Promise<void> {
  const [mode, first, second] = process.argv.slice(2);
  if (mode === 'count' && first !== undefined) await count(first, Number(second ?? '100'));
  else if (mode === 'hold' && first !== undefined) await hold(first);
  else throw new Error('usage: count <dir> <n> | hold <file>');
  process.exit(0);
}

main().catch((error: unknown) => {
  writeSync(2, `child failed: ${String(error)}\n`);
  process.exit(1);
});
