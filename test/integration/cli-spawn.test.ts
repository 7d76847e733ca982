/**
 * The built `roomcall` as a real process: bundled with scripts/build.mjs's own targets but into
 * a temporary folder, so `npm run build`'s wipe of out/ and this test never
 * race. The simulator runs in this process; the CLI reaches it through WEMEET_* variables.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../main/core/wemeet/api';
import {
  SIM_CURRENT_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  startSimulator,
  type Simulator,
} from '../sim/index';
import { buildCliBundle } from '../helpers/cli-bundle';
import { runBuiltCli, type Finished } from '../helpers/run-process';
import { CANCEL_ROOM_CALL, ROOM_CALL, simulatorEnv } from './cli-harness';

let dir = '';
let script = '';
let sim: Simulator | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-cli-spawn-'));
  script = await buildCliBundle(dir);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** Runs the bundle; `onStart` may signal the child (e.g. SIGINT once it is ringing). */
function roomcall(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  onStart?: (child: ChildProcess) => void,
): Promise<Finished> {
  return runBuiltCli(script, dir, args, {
    env,
    timeoutMs: 15_000,
    ...(onStart === undefined ? {} : { onStart }),
  });
}

async function simEnv(options: { rooms?: number; ringMs?: number } = {}) {
  sim = await startSimulator({
    rooms: options.rooms ?? 40,
    callTiming: { ringMs: options.ringMs ?? 200 },
  });
  return simulatorEnv(sim);
}

describe('the built roomcall', () => {
  it('--help and --version: exit 0 on stdout', async () => {
    const help = await roomcall(['--help'], {});
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: roomcall \[options\] \[command\]/);
    expect(help.stdout).toContain('Exit codes:');
    const inviteHelp = await roomcall(['invite', '--help'], {});
    expect(inviteHelp.code).toBe(0);
    expect(inviteHelp.stdout).toContain('Examples:');
    const version = await roomcall(['--version'], {});
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('rooms --json parses as JSON with every room (two pages)', async () => {
    const env = await simEnv({ rooms: 60 });
    const result = await roomcall(['rooms', '--json'], env);
    expect(result.code).toBe(0);
    const rooms = JSON.parse(result.stdout) as Room[];
    expect(rooms.map((r) => r.meeting_room_id)).toEqual(sim?.rooms.map((r) => r.meeting_room_id));
  });

  it('invite --json prints one JSON document; exit 0', async () => {
    const env = await simEnv();
    const result = await roomcall(
      [
        'invite',
        '--meeting',
        SIM_CURRENT_MEETING.meeting_id,
        '--room',
        SIM_EXAMPLE_ROOM_ID,
        '--json',
      ],
      env,
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(doc['meeting_id']).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(doc['invite_id']).toEqual(expect.any(String));
    expect(result.stderr).toBe('');
  });

  it('exit 1: a room-call the server refuses, sent once', async () => {
    const env = await simEnv();
    const offline = sim?.roomWithOutcome('offline').meeting_room_id ?? '';
    const result = await roomcall(['invite', '--meeting', '806-146-667', '--room', offline], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error 10004');
    expect(sim?.requests.filter((r) => r.path === ROOM_CALL)).toHaveLength(1);
  });

  it('exit 2: bad input, nothing sent', async () => {
    const env = await simEnv();
    const result = await roomcall(
      ['invite', '--meeting', '806-146-66', '--room', SIM_EXAMPLE_ROOM_ID],
      env,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("A meeting code has 9 digits; '806-146-66' has 8.");
    expect(sim?.requests).toEqual([]);
  });

  it('exit 3: --wait on a room that rejects', async () => {
    const env = await simEnv();
    const rejecting = sim?.roomWithOutcome('rejected').meeting_room_id ?? '';
    const result = await roomcall(
      ['invite', '--meeting', '806-146-667', '--room', rejecting, '--wait'],
      env,
    );
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Rejected:');
  });

  it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)(
    'exit 130: %s while ringing cancels the call once',
    async (signal) => {
      const env = await simEnv({ ringMs: 60_000 });
      const result = await roomcall(
        ['invite', '--meeting', '806-146-667', '--room', SIM_EXAMPLE_ROOM_ID, '--wait', '--json'],
        env,
        (child) => {
          const poll = setInterval(() => {
            if (sim?.requests.some((r) => r.path === ROOM_CALL && r.status === 200) === true) {
              clearInterval(poll);
              child.kill(signal);
            }
          }, 20);
          child.on('close', () => {
            clearInterval(poll);
          });
        },
      );
      expect(result.code).toBe(130);
      expect(sim?.requests.filter((r) => r.path === CANCEL_ROOM_CALL)).toHaveLength(1);
      expect((JSON.parse(result.stdout) as { state: string }).state).toBe('cancelled');
    },
  );

  it('a second Ctrl-C while room-call is in flight says it may ring and records it unconfirmed', async () => {
    const env = await simEnv({ ringMs: 60_000 });
    // room-call reaches the simulator and waits there 5 s: it is in flight for that long.
    sim?.faults.inject({ type: 'delay', path: ROOM_CALL, ms: 5_000 });
    const result = await roomcall(
      ['invite', '--meeting', '806-146-667', '--room', SIM_EXAMPLE_ROOM_ID, '--wait'],
      env,
      (child) => {
        const poll = setInterval(() => {
          if (sim?.requests.some((r) => r.path === ROOM_CALL) === true) {
            clearInterval(poll);
            child.kill('SIGINT');
            setTimeout(() => child.kill('SIGINT'), 100);
          }
        }, 20);
        child.on('close', () => {
          clearInterval(poll);
        });
      },
    );
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('Stopped while room-call was on its way: room ');
    expect(result.stderr).toContain('may be ringing in');
    expect(result.stderr).toContain(
      `Check it with: roomcall status --meeting ${SIM_CURRENT_MEETING.meeting_id} --room ${SIM_EXAMPLE_ROOM_ID}`,
    );
    const history = JSON.parse(await readFile(path.join(dir, 'data', 'history.json'), 'utf8')) as {
      entries: { outcome: string }[];
    };
    expect(history.entries[0]?.outcome).toBe('unconfirmed');
    expect(sim?.requests.filter((r) => r.path === ROOM_CALL)).toHaveLength(1);
  });

  it('exit 1 when the keychain cannot be used (keytar not loadable here); no fallback', async () => {
    const result = await roomcall(['auth', 'logout'], {});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('its keychain module (keytar) could not be loaded');
  });
});
