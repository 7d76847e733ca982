/**
 * The leak test (issue 3): a whole CLI session, from `auth login --stdin` through rooms,
 * invites, failures (190300 among them, and a server message that echoes the SecretId),
 * favourites, history and logout; then every file of the data folder and everything printed
 * is searched for the SecretKey and the SecretId, in every likely encoding. Zero hits.
 */
import { expect, it } from 'vitest';
import { assertNoSecrets } from '../helpers/assert-no-secrets';
import { closeAfterEach } from '../helpers/close-after-each';
import {
  SIM_APP_ID,
  SIM_CURRENT_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  SIM_SECRET_ID,
  SIM_SECRET_KEY,
} from '../sim/index';
import { ROOM_CALL, startCliHarness, type CliHarness } from './cli-harness';

const harness = closeAfterEach(startCliHarness);

it('a full session leaves neither the SecretKey nor the SecretId in any file or output', async () => {
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
