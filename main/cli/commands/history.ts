import { InvalidArgumentError, type Command } from 'commander';
import type { ActionDefiner } from '../program-support';
import { MAX_HISTORY } from '../../shared/rules/history-limit';

/**
 * `roomcall history`: the recent invites the app and the CLI recorded, newest first. Its code is
 * in history-run.ts, loaded only when it runs.
 */

export function registerHistory(program: Command, define: ActionDefiner): void {
  const history = program
    .command('history')
    .summary('show recent invites, newest first')
    .option('-n, --limit <n>', `show at most N invites (1-${MAX_HISTORY})`, parseLimit)
    .option('--json', 'print one JSON array on stdout');
  define(history, (code) => code.runHistory, [
    'roomcall history',
    'roomcall history --limit 5 --json | jq -r ".[0].outcome"',
  ]);
}

function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > MAX_HISTORY) {
    throw new InvalidArgumentError(`Give a whole number from 1 to ${MAX_HISTORY}.`);
  }
  return n;
}
