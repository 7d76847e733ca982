/**
 * How long the `roomcall` command takes to start, as a ratio to a bare `node -e 0` of the same
 * Node, measured in interleaved pairs (A B A B …) so the machine's drift hits both alike.
 * Runs the built CLI (out/cli/, `npm run bench` builds it first) with its compile cache warm:
 * the first, unmeasured run fills it, as a person's first run does.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { median } from './stats';

const CLI = 'out/cli/roomcall.mjs';

function wallMs(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${String(result.status)}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

export function benchCliStart(pairs: number): string[][] {
  const home = mkdtempSync(path.join(tmpdir(), 'roomcall-bench-cli-'));
  const env = {
    ...process.env,
    HOME: home,
    XDG_CACHE_HOME: path.join(home, 'cache'),
    ROOMCALL_DATA_DIR: path.join(home, 'data'),
    ROOMCALL_MANAGED_CONFIG: path.join(home, 'no-managed.json'),
  };
  try {
    const rows: string[][] = [];
    for (const command of [['--version'], ['--help']]) {
      wallMs([CLI, ...command], env); // fills the compile cache
      const cli: number[] = [];
      const bare: number[] = [];
      const ratios: number[] = [];
      for (let i = 0; i < pairs; i += 1) {
        const a = wallMs([CLI, ...command], env);
        const b = wallMs(['-e', '0'], env);
        cli.push(a);
        bare.push(b);
        ratios.push(a / b);
      }
      rows.push([
        `roomcall ${command.join(' ')}`,
        `${median(bare).toFixed(1)} ms`,
        `${median(cli).toFixed(1)} ms`,
        `${median(ratios).toFixed(2)}x`,
        '<= 2.0x',
      ]);
    }
    return rows;
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
