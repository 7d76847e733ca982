/**
 * The CLI's main journeys in relay mode, in this process against the real relay and the
 * simulator: sign in with an issued token, status (who the relay says you are), rooms,
 * meetings, invite --wait, cancel, history, a Tencent refusal in words with its code, a
 * revoked sign-in, sign out. The Tencent credential store is never touched, and no Tencent
 * secret reaches the output.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIM_CURRENT_MEETING } from '../sim/data';
import { startRelayHarness, type RelayHarness } from './support/relay-harness';
import { startCliJourneys, type CliJourneys } from './support/journeys-cli';

let h: RelayHarness;
let cli: CliJourneys;
let token = '';
const transcript: string[] = [];

async function run(
  argv: readonly string[],
  options?: { env?: Record<string, string>; stdin?: string },
) {
  const result = await cli.run(argv, options);
  transcript.push(result.stdout, result.stderr);
  return result;
}

beforeAll(async () => {
  h = await startRelayHarness({ sim: { callTiming: { ringMs: 300 } } });
  cli = await startCliJourneys();
  token = await h.token();
});

afterAll(async () => {
  // No Tencent secret and no relay token in anything the CLI printed.
  const all = transcript.join('\n');
  expect(all).not.toContain(h.sim.credentials.secretKey);
  expect(all).not.toContain(h.sim.credentials.secretId);
  expect(all).not.toContain(token);
  expect(cli.credentialCalls).toEqual([]);
  await cli.close();
  await h.close();
});

const roomId = () => h.sim.rooms.find((r) => r.is_allow_call)?.meeting_room_id ?? '';

describe('roomcall through a relay', () => {
  it('signs in with an issued token from stdin, checked with the relay first', async () => {
    const login = await run(['auth', 'login', '--relay', `${h.relay.url}/`, '--stdin'], {
      stdin: `${token}\n`,
    });
    expect(login.stderr).toBe('');
    expect(login.code).toBe(0);
    expect(login.stdout).toContain(`Signed in to the relay ${h.relay.url} as ${h.sim.operatorId}`);
    expect(await cli.relayTokens.get('default')).toMatchObject({ relayUrl: h.relay.url });
    const settings = await readFile(path.join(cli.dataDir, 'settings.json'), 'utf8');
    expect(settings).toContain(h.relay.url);
    expect(settings).not.toContain(token);
  });

  it('refuses a token the relay does not know, and saves nothing', async () => {
    const before = await cli.relayTokens.get('default');
    const bad = await run([
      'auth',
      'login',
      '--relay',
      h.relay.url,
      '--token',
      'rc_unknown-000000',
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('The sign-in was not saved');
    expect(bad.stderr).toMatch(/sign in/i);
    expect(await cli.relayTokens.get('default')).toEqual(before);
  });

  it('auth status shows relay mode and who the relay says you are', async () => {
    const status = await run(['auth', 'status']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain(`Relay:       ${h.relay.url}`);
    expect(status.stdout).toContain(`Operator:    ${h.sim.operatorId}`);
    expect(status.stdout).toContain('Check:       OK');
    const json = await run(['auth', 'status', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({
      mode: 'relay',
      configured: true,
      relay_url: h.relay.url,
      source: 'keychain',
      operator_id: h.sim.operatorId,
      via: 'token',
      check: { ok: true },
    });
  });

  it('lists rooms and meetings', async () => {
    const rooms = await run(['rooms', '--json']);
    expect(rooms.code).toBe(0);
    const listed = JSON.parse(rooms.stdout) as { meeting_room_id: string }[];
    expect(listed.map((r) => r.meeting_room_id)).toEqual(h.sim.rooms.map((r) => r.meeting_room_id));
    const meetings = await run(['meetings', '--json']);
    expect(meetings.code).toBe(0);
    expect(meetings.stdout).toContain(SIM_CURRENT_MEETING.meeting_id);
  });

  it('invites a room and waits until it answers; one room-call reached Tencent', async () => {
    const before = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    const invite = await run([
      'invite',
      '--meeting',
      '806-146-667',
      '--room',
      roomId(),
      '--wait',
      '--json',
    ]);
    expect(invite.code).toBe(0);
    const doc = JSON.parse(invite.stdout) as Record<string, unknown>;
    expect(doc['meeting_id']).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(doc['state']).toBe('accepted');
    const after = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    expect(after - before).toBe(1);
  });

  it('a reply lost behind the relay: said as lost, the status read, no second ring', async () => {
    // An address nobody called yet (a room called earlier would already be in the meeting).
    const sip = h.sim.mraWithOutcome('accepted').dial_string;
    const before = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    h.sim.faults.inject({ type: 'reset', path: '/v1/meeting-rooms/room-call', when: 'after' });
    const invite = await run(['invite', '--meeting', '806-146-667', '--sip', sip]);
    expect(invite.code).toBe(0);
    expect(invite.stdout).toMatch(
      /^The reply to room-call was lost, but the call's status shows .+ ringing in '.+' \(806-146-667\)\.\n$/,
    );
    const after = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    expect(after - before).toBe(1);
  });

  it('cancels a ringing call by its invite ID', async () => {
    const target = h.sim.mraWithOutcome('no-answer').dial_string;
    const invite = await run(['invite', '--meeting', '806146667', '--sip', target, '--json']);
    expect(invite.code).toBe(0);
    const inviteId = String((JSON.parse(invite.stdout) as Record<string, unknown>)['invite_id']);
    const cancel = await run([
      'cancel',
      '--meeting',
      '806146667',
      '--sip',
      target,
      '--invite',
      inviteId,
    ]);
    expect(cancel.stderr).toBe('');
    expect(cancel.code).toBe(0);
    expect(
      h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/cancel-room-call'),
    ).toHaveLength(1);
  });

  it('keeps the history of what was called', async () => {
    const history = await run(['history', '--json']);
    expect(history.code).toBe(0);
    const entries = JSON.parse(history.stdout) as unknown[];
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(history.stdout).toContain(SIM_CURRENT_MEETING.meeting_id);
  });

  it("words Tencent's refusal through the relay with Tencent's code", async () => {
    const offline = h.sim.roomWithOutcome('offline').meeting_room_id;
    const refused = await run(['invite', '--meeting', '806-146-667', '--room', offline]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error 10004');
  });

  it('a revoked sign-in: exit 1 and "sign in again", nothing sent to Tencent', async () => {
    const revoked = await h.token();
    const [record] = (await h.storage.tokens.list()).slice(-1);
    if (record === undefined) throw new Error('no token');
    await h.storage.tokens.revoke(record.id, Date.now());
    const before = h.sim.requests.length;
    const result = await run(['rooms'], { env: { ROOMCALL_RELAY_TOKEN: revoked } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('revoked');
    expect(result.stderr).toMatch(/Sign in to the relay again/);
    expect(h.sim.requests.length).toBe(before);
  });

  it('signs out: the sign-in leaves the keychain, and the relay it was chosen for', async () => {
    const logout = await run(['auth', 'logout']);
    expect(logout.code).toBe(0);
    expect(await cli.relayTokens.get('default')).toBeNull();
    const settings = JSON.parse(
      await readFile(path.join(cli.dataDir, 'settings.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(settings['relayUrl']).toBeNull();
  });
});
