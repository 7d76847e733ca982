/**
 * The built `roomcall` (the bundle people install) as separate processes on a managed desktop
 * pointed at a real relay: the managed file names the relay, the person's issued token comes
 * from ROOMCALL_RELAY_TOKEN (a script's way; no keychain here), and the enterprise's WEMEET_*
 * variables, set on purpose, do not apply. Rooms, invite --wait, cancel, history, status.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle } from '../helpers/cli-bundle';
import { runBuiltCli, type Finished } from '../helpers/run-process';
import { SIM_CURRENT_MEETING } from '../sim/data';
import { startRelayHarness, type RelayHarness } from './support/relay-harness';

let dir = '';
let script = '';
let h: RelayHarness;
let env: Record<string, string> = {};
const printed: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-built-'));
  script = await buildCliBundle(path.join(dir, 'cli'));
  h = await startRelayHarness({ sim: { callTiming: { ringMs: 300 } } });
  const managed = path.join(dir, 'managed.json');
  await writeFile(
    managed,
    JSON.stringify({ version: 1, settings: { relayUrl: h.relay.url }, locked: ['relayUrl'] }),
  );
  await chmod(managed, 0o644);
  env = {
    ROOMCALL_MANAGED_CONFIG: managed,
    ROOMCALL_RELAY_TOKEN: await h.token(),
    // The enterprise secret, where a careless script might leave it: ignored in relay mode.
    WEMEET_BASE_URL: h.sim.baseUrl,
    WEMEET_APP_ID: h.sim.credentials.appId,
    WEMEET_SECRET_ID: h.sim.credentials.secretId,
    WEMEET_SECRET_KEY: h.sim.credentials.secretKey,
    WEMEET_OPERATOR_ID: h.sim.operatorId,
  };
}, 60_000);

afterAll(async () => {
  const all = printed.join('\n');
  expect(all).not.toContain(h.sim.credentials.secretKey);
  expect(all).not.toContain(env['ROOMCALL_RELAY_TOKEN'] ?? '');
  await h.close();
  await rm(dir, { recursive: true, force: true });
});

async function roomcall(args: readonly string[]): Promise<Finished> {
  const result = await runBuiltCli(script, dir, args, { env, timeoutMs: 20_000 });
  printed.push(result.stdout, result.stderr);
  return result;
}

/**
 * Requests that reached Tencent signed by the CLI itself: the CLI sends X-TC-Version (its
 * version), the relay's client in this harness sends none. There must be none.
 */
function tencentRequestsFromClient(): number {
  return h.sim.requests.filter((r) =>
    r.rawHeaders.some((name) => name.toLowerCase() === 'x-tc-version'),
  ).length;
}

describe('the built roomcall through a relay', () => {
  it('auth status: relay mode, the sign-in from the environment, who the relay says', async () => {
    const status = await roomcall(['auth', 'status', '--json']);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({
      mode: 'relay',
      relay_url: h.relay.url,
      relay_url_source: 'organisation',
      source: 'environment',
      operator_id: h.sim.operatorId,
    });
  });

  it('rooms --json: every room, from the relay', async () => {
    const rooms = await roomcall(['rooms', '--json']);
    expect(rooms.code).toBe(0);
    const listed = JSON.parse(rooms.stdout) as { meeting_room_id: string }[];
    expect(listed).toHaveLength(h.sim.rooms.length);
  });

  it('invite --wait: accepted, one room-call; then cancel another; then history', async () => {
    const before = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    const room = h.sim.roomWithOutcome('accepted').meeting_room_id;
    const invite = await roomcall([
      'invite',
      '--meeting',
      '806-146-667',
      '--room',
      room,
      '--wait',
      '--json',
    ]);
    expect(invite.stderr).toBe('');
    expect(invite.code).toBe(0);
    expect(JSON.parse(invite.stdout)).toMatchObject({
      meeting_id: SIM_CURRENT_MEETING.meeting_id,
      state: 'accepted',
    });
    const after = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    expect(after - before).toBe(1);

    const sip = h.sim.mraWithOutcome('no-answer').dial_string;
    const ringing = await roomcall(['invite', '--meeting', '806146667', '--sip', sip, '--json']);
    expect(ringing.code).toBe(0);
    const inviteId = String((JSON.parse(ringing.stdout) as Record<string, unknown>)['invite_id']);
    const cancel = await roomcall([
      'cancel',
      '--meeting',
      '806146667',
      '--sip',
      sip,
      '--invite',
      inviteId,
    ]);
    expect(cancel.code).toBe(0);

    const history = await roomcall(['history', '--json']);
    expect(history.code).toBe(0);
    expect((JSON.parse(history.stdout) as unknown[]).length).toBe(2);
    expect(tencentRequestsFromClient()).toBe(0);
  });
});
