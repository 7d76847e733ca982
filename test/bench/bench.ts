/**
 * `npm run bench`: prints figures, asserts nothing. Speed is measured here rather than in
 * timed tests because the machine is shared and noisy; each comparison is a ratio of two
 * things measured side by side in one run.
 */
import { benchCliStart } from './cli-start-bench';
import { benchClientOverhead, benchDirectorySync } from './client-bench';
import { benchStores } from './store-bench';
import { benchUi } from './ui-bench';
import { printTable } from './stats';

const rounds = Number(process.env.BENCH_ROUNDS ?? 400);
// At 30 ms a round trip, fewer rounds give as steady a median in reasonable time.
const slowRounds = Number(process.env.BENCH_SLOW_ROUNDS ?? 150);

printTable(
  'CLI start (node -e 0 vs roomcall, same Node, interleaved pairs; medians)',
  ['command', 'node -e 0', 'roomcall', 'ratio', 'target'],
  await benchCliStart(Number(process.env.BENCH_CLI_PAIRS ?? 15)),
);
// BENCH_ONLY=cli: the CLI's figures alone (`BENCH_ONLY=cli ./dev bench`), a quick check.
if (process.env.BENCH_ONLY === 'cli') process.exit(0);

printTable(
  'Client overhead per request (simulator; wall: medians of interleaved runs; CPU: means, process.cpuUsage)',
  ['request', 'bare fetch', 'client', 'ratio', 'bare CPU', 'client CPU', 'client adds', 'target'],
  [...(await benchClientOverhead(rounds)), ...(await benchClientOverhead(slowRounds, 30))],
);
printTable(
  'Directory sync',
  ['what', 'median of 5', 'target'],
  await benchDirectorySync(10_000, 5),
);
printTable(
  'Local stores at their limits (medians of 3)',
  ['what', 'time', 'notes'],
  await benchStores(3),
);
// BENCH_SKIP_UI=1 leaves out the Chromium measurements (no browser needed).
if (process.env.BENCH_SKIP_UI !== '1')
  printTable(
    'UI budgets (Chromium, web preview + simulator; medians)',
    ['what', 'measured', 'target'],
    await benchUi(Number(process.env.BENCH_UI_RUNS ?? 7)),
  );
