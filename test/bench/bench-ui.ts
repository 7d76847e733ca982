/**
 * The UI part of `npm run bench` alone: `./dev npm run build && ./dev node out/bench/bench-ui.mjs`
 * (add `--popover` for the popover's rows only). BENCH_UI_RUNS sets the popover's loads.
 */
import { printTable } from './stats';
import { benchUi } from './ui-bench';

printTable(
  'UI budgets (Chromium, web preview + simulator; medians)',
  ['what', 'measured', 'target'],
  await benchUi(Number(process.env.BENCH_UI_RUNS ?? 7), {
    picker: !process.argv.includes('--popover'),
  }),
);
