/**
 * The leak test (issue 3; real processes since issue 15): a whole CLI session, from `auth login --stdin` through rooms,
 * invites, failures (190300 among them, and a server message that echoes the SecretId),
 * favourites, history and logout; then every file of the data folder and everything printed
 * is searched for the SecretKey and the SecretId, in every likely encoding. Zero hits.
 */
import { execFile, spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertNoSecrets } from '../helpers/assert-no-secrets';
import { buildCliBundle } from '../helpers/cli-bundle';
import { closeAfterEach } from '../helpers/close-after-each';
import {
  SIM_APP_ID,
  SIM_CURRENT_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  SIM_SECRET_ID,
  SIM_SECRET_KEY,
  startSimulator,
} from '../sim/index';
import {
  NO_MANAGED_CONFIG,
  ROOM_CALL,
  simulatorEnv,
  startCliHarness,
  type CliHarness,
} from './cli-harness';

const execFileAsync = promisify(execFile);

const harness = closeAfterEach(startCliHarness);

it('in process: a full session leaves neither the SecretKey nor the SecretId in any file or output', async () => {
  const h = await harness({ ringMs: 3_000 });
  const { sim, run } = h;
  const env = { WEMEET_BASE_URL: sim.baseUrl };
  const codes: number[] = [];
  const step = async (argv: string[], options: Parameters<CliHarness['run']>[1] = {}) => {
    const result = await run(argv, { env, ...options });
    codes.push(result.code);
    return result;
  };
  const login = JSON.stringify({
    appId: SIM_APP_ID,
    secretId: SIM_SECRET_ID,
    secretKey: SIM_SECRET_KEY,
    operatorId: sim.operatorId,
  });

  await step(['auth', 'login', '--stdin'], { stdin: login });
  await step(['auth', 'login'], {
    tty: true,
    answers: [SIM_APP_ID, '', SIM_SECRET_ID, SIM_SECRET_KEY, ''],
  });
  await step(['auth', 'status']);
  await step(['auth', 'status', '--json']);
  await step(['rooms']);
  await step(['rooms', '--json']);
  await step(['meetings']);
  await step(['invite', '--room', SIM_EXAMPLE_ROOM_ID, '--wait']);
  await step([
    'invite',
    '--meeting',
    SIM_CURRENT_MEETING.meeting_code,
    '--sip',
    'busy@vc.example.com',
    '--wait',
    '--json',
  ]);
  await step(['favorites', 'add', '--room', SIM_EXAMPLE_ROOM_ID]);
  await step(['favorites', 'add', '--sip', 'room@vc.example.com', '--label', 'Partner']);
  await step(['favorites', 'list']);
  await step(['favorites', 'export', '--output', `${h.dataDir}/export.json`]);
  await step(['invite', '--favorite', 'Partner', '--json']);
  // Failures: a skewed clock (190300), a refused room-call, a server message echoing the
  // SecretId, a wrong key from the environment, bad input.
  await step(['invite', '--room', SIM_EXAMPLE_ROOM_ID], { skewMs: 10 * 60_000 });
  await step(['auth', 'status'], { skewMs: -10 * 60_000 });
  sim.faults.inject({ type: 'http-500', path: ROOM_CALL, code: 10004 });
  // A target not called before: the example room is in the meeting by now, so calling it
  // again would only read its status (no second ring) and never reach the refusal.
  await step(['invite', '--sip', 'refused@vc.example.com']);
  sim.faults.inject({
    type: 'error',
    path: '/v1/meeting-rooms',
    status: 400,
    code: 190303,
    message: `unknown key ${SIM_SECRET_ID} (signed with ${SIM_SECRET_KEY})`,
  });
  await step(['rooms']);
  await step(['auth', 'login', '--stdin'], {
    stdin: JSON.stringify({ ...JSON.parse(login), appId: '1' }),
  });
  await step(['invite', '--meeting', '806-146-6670', '--room', SIM_EXAMPLE_ROOM_ID]);
  await step(['history']);
  await step(['history', '--json']);
  await step(['auth', 'logout']);

  expect(codes).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 0, 0, 0]);
  // The echoed secrets reached the CLI and were scrubbed on the way to the terminal.
  expect(h.transcript.join('')).toContain('[redacted]');
  const summary = await assertNoSecrets({ dirs: [h.dataDir], texts: h.transcript }, [
    SIM_SECRET_KEY,
    SIM_SECRET_ID,
  ]);
  expect(summary.filesScanned).toBeGreaterThanOrEqual(5);
  expect(summary.textsScanned).toBe(h.transcript.length);
});

// ── real processes: the built bundle, a real throwaway HOME ──────────────────────────────────

const SECRETS = [SIM_SECRET_KEY, SIM_SECRET_ID];
let work = '';
let bundle = '';
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'roomcall-leak-'));
  bundle = await buildCliBundle(path.join(work, 'bundle'));
}, 60_000);
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

interface Step {
  readonly argv: readonly string[];
  readonly stdin?: string;
}
interface StepResult {
  readonly argv: readonly string[];
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The same session, with the credentials from wherever the variant keeps them. */
function session(first: readonly Step[]): Step[] {
  return [
    ...first,
    { argv: ['auth', 'status'] },
    { argv: ['auth', 'status', '--json'] },
    // The simulator answers this one with a message that echoes both secrets (190303).
    { argv: ['rooms'] },
    { argv: ['rooms', '--json'] },
    { argv: ['meetings', '--json'] },
    { argv: ['invite', '--room', SIM_EXAMPLE_ROOM_ID, '--wait'] },
    { argv: ['invite', '--sip', 'busy@vc.example.com', '--wait', '--json'] },
    { argv: ['favorites', 'add', '--sip', 'room@vc.example.com', '--label', 'Partner'] },
    { argv: ['favorites', 'list', '--json'] },
    { argv: ['favorites', 'export', '--output', '$HOME/export.json'] },
    { argv: ['history', '--json'] },
    { argv: ['invite', '--meeting', '806-146-6670', '--room', SIM_EXAMPLE_ROOM_ID] },
  ];
}

const ECHO_FAULT = {
  type: 'error',
  path: '/v1/meeting-rooms',
  status: 400,
  code: 190303,
  message: `unknown key ${SIM_SECRET_ID} (signed with ${SIM_SECRET_KEY})`,
} as const;

async function scanAll(home: string, results: readonly StepResult[]) {
  const texts = Object.fromEntries(
    results.flatMap((result, index) => [
      [`${index + 1} ${result.argv.join(' ')} stdout`, result.stdout],
      [`${index + 1} ${result.argv.join(' ')} stderr`, result.stderr],
    ]),
  );
  return assertNoSecrets({ dirs: [home], texts }, SECRETS);
}

/** One `roomcall` run; resolves when it exits (killed after 30 s). */
function runProcess(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<Omit<StepResult, 'argv'>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** What `session` does, checked by step: the scrubbed echo, working reads, refused bad input. */
function expectSession(results: readonly StepResult[]): void {
  const codeOf = (words: string) => results.find((r) => r.argv.join(' ').startsWith(words))?.code;
  expect(results.every((result) => result.code !== null)).toBe(true);
  expect(codeOf('auth status')).toBe(0);
  expect(codeOf('rooms')).toBe(1);
  expect(results.find((r) => r.argv.join(' ') === 'rooms')?.stderr).toContain('[redacted]');
  expect(codeOf('rooms --json')).toBe(0);
  expect(codeOf('meetings --json')).toBe(0);
  expect(codeOf('favorites add')).toBe(0);
  expect(codeOf('favorites export')).toBe(0);
  expect(codeOf('history --json')).toBe(0);
  expect(codeOf('invite --meeting 806-146-6670')).toBe(2);
}

function hasSecretService(): boolean {
  const found = spawnSync('sh', [
    '-c',
    'command -v dbus-run-session && command -v gnome-keyring-daemon',
  ]);
  return found.status === 0;
}

describe('real roomcall processes', () => {
  it('environment credentials (WEMEET_*, no Secret Service): no secret in any output or any file under HOME', async () => {
    const sim = await startSimulator({ rooms: 40, callTiming: { ringMs: 200 } });
    try {
      const home = path.join(work, 'env-home');
      await mkdir(home, { recursive: true });
      // No ROOMCALL_DATA_DIR: the data folder is the real default one, under this HOME.
      const env = {
        PATH: process.env['PATH'] ?? '',
        HOME: home,
        XDG_CONFIG_HOME: path.join(home, '.config'),
        ...simulatorEnv(sim),
      };
      sim.faults.inject(ECHO_FAULT);
      const results: StepResult[] = [];
      for (const step of session([])) {
        const argv = step.argv.map((arg) => arg.replaceAll('$HOME', home));
        // Asynchronously: the simulator answers from this very process.
        const run = await runProcess([bundle, ...argv], env);
        results.push({ argv, ...run });
      }
      // The session did what it says: status and listings worked, the echo was scrubbed.
      expectSession(results);
      const summary = await scanAll(home, results);
      // settings, favourites, history, the room cache, the export (at least).
      expect(summary.filesScanned).toBeGreaterThanOrEqual(4);
    } finally {
      await sim.close();
    }
  }, 120_000);

  it.runIf(hasSecretService())(
    'the real keychain (gnome-keyring under scripts/with-keyring.sh): login to logout leaves no secret in any output or any file under HOME',
    async () => {
      const sim = await startSimulator({ rooms: 40, callTiming: { ringMs: 200 } });
      try {
        const out = path.join(work, 'keyring-out');
        await mkdir(out, { recursive: true });
        const login = JSON.stringify({
          appId: SIM_APP_ID,
          secretId: SIM_SECRET_ID,
          secretKey: SIM_SECRET_KEY,
          operatorId: sim.operatorId,
        });
        const steps: Step[] = [
          { argv: ['auth', 'login', '--stdin'], stdin: login },
          ...session([]),
          { argv: ['auth', 'logout'] },
          { argv: ['auth', 'status'] },
        ];
        const stepsFile = path.join(out, 'steps.json');
        await writeFile(stepsFile, JSON.stringify(steps));
        sim.faults.inject(ECHO_FAULT);
        // Only the base URL: the credentials must come from the keychain login saved them in.
        await execFileAsync(
          'bash',
          [
            'scripts/with-keyring.sh',
            process.execPath,
            'test/helpers/cli-leak-driver.mjs',
            bundle,
            stepsFile,
            out,
          ],
          {
            env: {
              PATH: process.env['PATH'] ?? '',
              ...NO_MANAGED_CONFIG,
              WEMEET_BASE_URL: sim.baseUrl,
              // keytar is external to the bundle: resolved from the checkout's node_modules.
              NODE_PATH: path.resolve('node_modules'),
            },
            timeout: 100_000,
          },
        );
        const { results } = JSON.parse(await readFile(path.join(out, 'results.json'), 'utf8')) as {
          results: StepResult[];
        };
        expect(results[0]).toMatchObject({ code: 0 });
        expect(results[0]?.stdout).toContain("Saved in the keychain (profile 'default')");
        expect(results[1]?.stdout).toContain("Credentials: from the keychain (profile 'default')");
        expectSession(results.slice(1, -2));
        expect(results.at(-2)?.stdout).toContain('Removed the credentials of profile');
        expect(results.at(-1)).toMatchObject({ code: 2 });
        // The keyring file itself is encrypted: the secrets are not in it in any encoding.
        const summary = await scanAll(path.join(out, 'home'), results);
        expect(summary.filesScanned).toBeGreaterThanOrEqual(5);
      } finally {
        await sim.close();
      }
    },
    120_000,
  );
});
