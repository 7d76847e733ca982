/**
 * How long the `roomcall` command takes to start, as a ratio to a bare `node -e 0` of the same
 * Node, measured in interleaved pairs (A B A B …) so the machine's drift hits both alike.
 * Runs the built CLI (out/cli/, `npm run bench` builds it first) with its compile cache warm:
 * the first, unmeasured run fills it, as a person's first run does.
 *
 * `invite` is timed from the moment this process starts it to the moment its room-call request
 * reaches the simulator (in this process, on loopback): what a person waits for the room to
 * ring, the requests before it (the meeting code's lookup) included.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startSimulator, type RecordedRequest, type Simulator } from '../sim/index';
import { median } from './stats';

const CLI = 'out/cli/roomcall.mjs';
const ROOM_CALL = '/v1/meeting-rooms/room-call';
/** Meeting code of the simulator's meeting in progress (SIM_CURRENT_MEETING), as typed. */
const MEETING_CODE = '806-146-667';

function wallMs(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited ${String(result.status)}`);
  return performance.now() - started;
}

/** A measured command beside `node -e 0`, as one row of the table. */
interface Measured {
  readonly label: string;
  readonly target: string;
  /** One run of the command, in ms. */
  readonly run: () => Promise<number>;
}

async function pairs(measured: Measured, count: number, env: NodeJS.ProcessEnv) {
  await measured.run(); // fills the compile cache
  const cli: number[] = [];
  const bare: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const a = await measured.run();
    const b = wallMs(['-e', '0'], env);
    cli.push(a);
    bare.push(b);
    ratios.push(a / b);
  }
  return [
    measured.label,
    `${median(bare).toFixed(1)} ms`,
    `${median(cli).toFixed(1)} ms`,
    `${median(ratios).toFixed(2)}x`,
    measured.target,
  ];
}

/**
 * `roomcall invite --meeting <code> --room <id>` against `sim`: ms from spawning it to its
 * room-call's arrival. Each run calls another room (a room already called would be checked
 * first instead of called again), and the process is awaited to its successful end.
 */
function inviteRunner(sim: Simulator, arrivals: ArrivalClock, env: NodeJS.ProcessEnv) {
  const callable = sim.rooms.filter(
    (room) =>
      room.is_allow_call && (room.meeting_room_status === 2 || room.meeting_room_status === 3),
  );
  let next = 0;
  return async (): Promise<number> => {
    const room = callable[next % callable.length];
    next += 1;
    if (room === undefined) throw new Error('the simulator has no callable room');
    const args = [CLI, 'invite', '--meeting', MEETING_CODE, '--room', room.meeting_room_id];
    const arrived = arrivals.next();
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', resolve);
    });
    const [at, status] = await Promise.all([arrived, exited]);
    if (status !== 0) throw new Error(`roomcall invite exited ${String(status)}`);
    return at - started;
  };
}

/** When the next room-call request arrives at the simulator (its onRequest hook). */
class ArrivalClock {
  #waiting: ((at: number) => void) | null = null;

  next(): Promise<number> {
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  observe(request: RecordedRequest): void {
    if (request.method !== 'PUT' || request.path !== ROOM_CALL) return;
    this.#waiting?.(performance.now());
    this.#waiting = null;
  }
}

export async function benchCliStart(count: number): Promise<string[][]> {
  const home = mkdtempSync(path.join(tmpdir(), 'roomcall-bench-cli-'));
  const env = {
    ...process.env,
    HOME: home,
    XDG_CACHE_HOME: path.join(home, 'cache'),
    ROOMCALL_DATA_DIR: path.join(home, 'data'),
    ROOMCALL_MANAGED_CONFIG: path.join(home, 'no-managed.json'),
  };
  const arrivals = new ArrivalClock();
  const sim = await startSimulator({
    rooms: 200,
    onRequest: (request) => {
      arrivals.observe(request);
    },
  });
  const inviteEnv = {
    ...env,
    WEMEET_BASE_URL: sim.baseUrl,
    WEMEET_APP_ID: sim.credentials.appId,
    WEMEET_SECRET_ID: sim.credentials.secretId,
    WEMEET_SECRET_KEY: sim.credentials.secretKey,
    WEMEET_OPERATOR_ID: sim.operatorId,
  };
  const command = (args: readonly string[]): Measured => ({
    label: `roomcall ${args.join(' ')}`,
    target: '<= 2.0x',
    run: () => Promise.resolve(wallMs([CLI, ...args], env)),
  });
  try {
    const rows: string[][] = [];
    for (const measured of [
      command(['--version']),
      command(['--help']),
      {
        label: 'roomcall invite: start → room-call sent',
        target: 'reported',
        run: inviteRunner(sim, arrivals, inviteEnv),
      },
    ]) {
      rows.push(await pairs(measured, count, env));
    }
    return rows;
  } finally {
    await sim.close();
    rmSync(home, { recursive: true, force: true });
  }
}
