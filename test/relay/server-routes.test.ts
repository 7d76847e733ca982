/**
 * The relay's routes against the real simulator, through real HTTP: each maps to one Tencent
 * call made as the token's operator, with the contract's answers and errors.
 */
import { describe, expect, it } from 'vitest';
import type { RelayErrorBody } from '../../main/core/relay/contract';
import {
  SIM_COLLEAGUE_ID,
  SIM_CURRENT_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  SIM_UNKNOWN_MEETING_ID,
} from '../sim/data';
import { closeAfterEach } from '../helpers/close-after-each';
import { startRelayHarness } from './support/relay-harness';

const start = closeAfterEach(startRelayHarness);

async function errorOf(
  response: Response,
): Promise<RelayErrorBody['error'] & { category: string }> {
  const body = (await response.json()) as { error: RelayErrorBody['error'] & { category: string } };
  return body.error;
}

describe('relay routes', () => {
  it('answers health and sign-in config without a token, with a request id', async () => {
    const h = await start();
    const health = await h.call('/healthz');
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({
      status: 'ok',
      version: 'test',
      api: 1,
      storage: 'sqlite',
    });
    expect(health.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const config = await h.call('/v1/sign-in-config');
    expect(await config.json()).toEqual({ oidc: null, tokens: true });
  });

  it('advertises OIDC with the public client, and its secret only when one is configured', async () => {
    const oidc = {
      issuer: 'https://accounts.google.com',
      audience: 'desktop.apps.googleusercontent.com',
      clientId: 'desktop.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-not-confidential',
      operatorClaim: 'email',
      scopes: ['openid', 'email'],
    };
    const h = await start({ settings: { oidc, tokens: false } });
    expect(await (await h.call('/v1/sign-in-config')).json()).toEqual({
      oidc: {
        issuer: oidc.issuer,
        client_id: oidc.clientId,
        client_secret: oidc.clientSecret,
        scopes: oidc.scopes,
      },
      tokens: false,
    });
  });

  it("keeps a load balancer's plain X-Request-Id (in the answer and the audit), replaces others", async () => {
    const h = await start();
    const token = await h.token();
    const kept = await h.call('/v1/me', { token, headers: { 'X-Request-Id': 'lb-0123456789' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-0123456789');
    const [entry] = await h.storage.audit.query({});
    expect(entry?.requestId).toBe('lb-0123456789');
    const replaced = await h.call('/v1/me', { token, headers: { 'X-Request-Id': 'a b"<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('says who the token is for', async () => {
    const h = await start();
    const token = await h.token(SIM_COLLEAGUE_ID);
    const me = await h.call('/v1/me', { token });
    expect(await me.json()).toEqual({
      operator_id: SIM_COLLEAGUE_ID,
      via: 'token',
      expires_at: null,
    });
  });

  it('refuses a request without a credential, audited as denied, nothing sent', async () => {
    const h = await start();
    const before = h.sim.requests.length;
    const response = await h.call('/v1/meetings');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    const error = await errorOf(response);
    expect(error.reason).toBe('unauthenticated');
    expect(error.request_id).toBe(response.headers.get('x-request-id'));
    expect(h.sim.requests.length).toBe(before);
    const [entry] = await h.storage.audit.query({});
    expect(entry).toMatchObject({
      action: 'list-meetings',
      outcome: 'denied',
      operatorId: null,
      code: 'unauthenticated',
    });
  });

  it('lists rooms from one directory read, filtered like Tencent (substring, any case)', async () => {
    const h = await start();
    const token = await h.token();
    const all = (await (await h.call('/v1/rooms', { token })).json()) as {
      rooms: { meeting_room_name: string }[];
      fetched_at: string;
    };
    expect(all.rooms.length).toBe(h.sim.rooms.length);
    expect(Date.parse(all.fetched_at)).not.toBeNaN();
    const name = h.sim.rooms[5]?.meeting_room_name ?? '';
    const part = name.slice(1, 4).toUpperCase();
    const filtered = (await (
      await h.call(`/v1/rooms?name=${encodeURIComponent(part)}`, { token })
    ).json()) as typeof all;
    const expected = h.sim.rooms.filter((room) =>
      room.meeting_room_name.toLowerCase().includes(part.toLowerCase()),
    );
    expect(filtered.rooms.map((r) => r.meeting_room_name)).toEqual(
      expected.map((r) => r.meeting_room_name),
    );
    expect(filtered.rooms.length).toBeGreaterThan(0);
    // Two listings, one read of the directory from Tencent (2 pages of 50 for 60 rooms).
    expect(h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms').length).toBe(2);
  });

  it('reads a room, meetings by code and by id (null when none), and the operator’s meetings', async () => {
    const h = await start();
    const token = await h.token();
    const room = (await (await h.call(`/v1/rooms/${SIM_EXAMPLE_ROOM_ID}`, { token })).json()) as {
      room: { meeting_room_id: string };
    };
    expect(room.room.meeting_room_id).toBe(SIM_EXAMPLE_ROOM_ID);
    const byCode = (await (
      await h.call('/v1/meetings/by-code?meeting_code=806-146-667', { token })
    ).json()) as { meetings: { meeting_id: string }[] };
    expect(byCode.meetings.map((m) => m.meeting_id)).toEqual([SIM_CURRENT_MEETING.meeting_id]);
    const byId = (await (
      await h.call(`/v1/meetings/${SIM_CURRENT_MEETING.meeting_id}`, { token })
    ).json()) as { meeting: { meeting_code: string } };
    expect(byId.meeting.meeting_code).toBe(SIM_CURRENT_MEETING.meeting_code);
    const none = await (await h.call(`/v1/meetings/${SIM_UNKNOWN_MEETING_ID}`, { token })).json();
    expect(none).toEqual({ meeting: null });
    const mine = (await (await h.call('/v1/meetings', { token })).json()) as {
      meetings: { meeting_id: string }[];
    };
    expect(mine.meetings.map((m) => m.meeting_id)).toContain(SIM_CURRENT_MEETING.meeting_id);
  });

  it('calls a room, reads its status and cancels it, audited with target and meeting', async () => {
    const h = await start({ sim: { callTiming: { ringMs: 60_000 } } });
    const token = await h.token();
    const target = { kind: 'room', meetingRoomId: SIM_EXAMPLE_ROOM_ID };
    const meeting_id = SIM_CURRENT_MEETING.meeting_id;
    const call = await h.call('/v1/room-calls', { token, body: { meeting_id, target } });
    expect(call.status).toBe(200);
    const { invite_id } = (await call.json()) as { invite_id: string };
    const info = await h.call('/v1/room-calls/info', { token, body: { meeting_id, target } });
    expect(await info.json()).toMatchObject({ state: 'ringing', status: 4 });
    const cancel = await h.call('/v1/room-calls/cancel', {
      token,
      body: { meeting_id, target, invite_id },
    });
    expect(cancel.status).toBe(204);
    const entries = await h.storage.audit.query({});
    expect(entries.map((e) => [e.action, e.outcome, e.target, e.meetingId])).toEqual([
      ['cancel-room-call', 'ok', `room:${SIM_EXAMPLE_ROOM_ID}`, meeting_id],
      ['room-call-info', 'ok', `room:${SIM_EXAMPLE_ROOM_ID}`, meeting_id],
      ['room-call', 'ok', `room:${SIM_EXAMPLE_ROOM_ID}`, meeting_id],
    ]);
  });

  it('ignores an operator_id, userid or operator_id_type the client adds: Tencent sees the token’s', async () => {
    const h = await start({ sim: { callTiming: { ringMs: 60_000 } } });
    const token = await h.token(SIM_COLLEAGUE_ID);
    const forged = { operator_id: h.sim.operatorId, operator_id_type: 1, userid: h.sim.operatorId };
    await h.call(`/v1/meetings?userid=${h.sim.operatorId}&operator_id=${h.sim.operatorId}`, {
      token,
    });
    await h.call('/v1/room-calls/info', {
      token,
      body: {
        ...forged,
        meeting_id: SIM_CURRENT_MEETING.meeting_id,
        target: { kind: 'room', meetingRoomId: SIM_EXAMPLE_ROOM_ID, ...forged },
      },
    });
    const list = h.sim.requests.filter((r) => r.path === '/v1/meetings');
    expect(list.length).toBeGreaterThan(0);
    for (const r of list) expect(r.query['userid']).toBe(SIM_COLLEAGUE_ID);
    const [info] = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call-info');
    expect(JSON.parse(info?.body ?? '{}')).toMatchObject({
      operator_id: SIM_COLLEAGUE_ID,
      operator_id_type: 1,
    });
    expect(info?.body).not.toContain(`"${h.sim.operatorId}"`);
  });

  it('refuses bad input with 400 and sends nothing: a number meeting_id, a bad target, a bad code', async () => {
    const h = await start();
    const token = await h.token();
    const before = h.sim.requests.length;
    const target = { kind: 'room', meetingRoomId: SIM_EXAMPLE_ROOM_ID };
    const bodies = [
      `{"meeting_id": 7567173273889276131, "target": ${JSON.stringify(target)}}`,
      { meeting_id: '12a', target },
      { meeting_id: '1', target: { kind: 'mra', protocol: 'sip', dialString: 'not a uri' } },
      'not json',
    ];
    for (const body of bodies) {
      const response = await h.call('/v1/room-calls', { token, body });
      expect(response.status).toBe(400);
      expect((await errorOf(response)).reason).toBe('bad-request');
    }
    const code = await h.call('/v1/meetings/by-code?meeting_code=12', { token });
    expect(code.status).toBe(400);
    const big = await h.call('/v1/room-calls', {
      token,
      body: { meeting_id: '1', target, pad: 'x'.repeat(20_000) },
    });
    expect(big.status).toBe(413);
    expect(h.sim.requests.length).toBe(before);
    expect((await h.call('/v1/nothing', { token })).status).toBe(404);
    const wrong = await h.call('/v1/room-calls', { token });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });

  it("forwards Tencent's refusal in `tencent`, as upstream 502 with the core's category", async () => {
    const h = await start();
    // Calling an address needs the meeting's host (simulator, [room-call] permissions).
    const token = await h.token(SIM_COLLEAGUE_ID);
    const address = h.sim.mraWithOutcome('accepted');
    const response = await h.call('/v1/room-calls', {
      token,
      body: {
        meeting_id: SIM_CURRENT_MEETING.meeting_id,
        target: { kind: 'mra', protocol: 'sip', dialString: address.dial_string },
      },
    });
    expect(response.status).toBe(502);
    const error = await errorOf(response);
    expect(error.reason).toBe('upstream');
    expect(error.tencent).toMatchObject({ status: 400, error_code: 9042 });
    expect(error.category).toBe('permission');
    const [entry] = await h.storage.audit.query({});
    expect(entry).toMatchObject({
      outcome: 'error',
      code: '9042',
      target: `sip:${address.dial_string}`,
    });
  });

  it('says unconfirmed when room-call was sent and its reply lost', async () => {
    const h = await start({ sim: { callTiming: { ringMs: 60_000 } } });
    const token = await h.token();
    h.sim.faults.inject({ type: 'reset', path: '/v1/meeting-rooms/room-call', when: 'after' });
    const response = await h.call('/v1/room-calls', {
      token,
      body: {
        meeting_id: SIM_CURRENT_MEETING.meeting_id,
        target: { kind: 'room', meetingRoomId: SIM_EXAMPLE_ROOM_ID },
      },
    });
    expect(response.status).toBe(502);
    expect((await errorOf(response)).reason).toBe('unconfirmed');
    // Sent once, never again.
    expect(h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length).toBe(1);
    const [entry] = await h.storage.audit.query({});
    expect(entry?.outcome).toBe('unconfirmed');
  });
});
