/**
 * RelayApi (main/core/relay/relay-api.ts) against a REAL relay (main/relay, SQLite storage) on
 * loopback in front of the real simulator, with a per-person token: every answer equals what
 * the direct client gets from the same simulator, IDs stay digit strings, and the operator is
 * the one the token was issued for, whatever the client might send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRelayApi, type RelayApi } from '../../main/core/relay/relay-api';
import { createWemeetApi } from '../../main/core/wemeet/api-impl';
import type { WemeetApi } from '../../main/core/wemeet/api';
import {
  SIM_COLLEAGUE_ID,
  SIM_CURRENT_MEETING,
  SIM_TWENTY_DIGIT_MEETING,
  SIM_UNKNOWN_MEETING_CODE,
  SIM_UNKNOWN_MEETING_ID,
} from '../sim/data';
import { startRelayHarness, type RelayHarness } from './support/relay-harness';

let h: RelayHarness;
let relayApi: RelayApi;
let direct: WemeetApi;
let token = '';

beforeAll(async () => {
  h = await startRelayHarness({ sim: { callTiming: { ringMs: 300 } } });
  token = await h.token();
  relayApi = createRelayApi({ relayUrl: h.relay.url, bearer: () => Promise.resolve(token) });
  direct = createWemeetApi({
    baseUrl: h.sim.baseUrl,
    credentials: h.sim.credentials,
    operatorId: h.sim.operatorId,
  });
});

afterAll(async () => {
  await h.close();
});

const room = () => {
  const callable = h.sim.rooms.find((r) => r.is_allow_call);
  if (callable === undefined) throw new Error('the simulator has no callable room');
  return { kind: 'room' as const, meetingRoomId: callable.meeting_room_id };
};

describe('RelayApi reads, as the direct client reads them', () => {
  it('lists every room of the directory, and by name', async () => {
    const progress: [number, number][] = [];
    const rooms = await relayApi.listRooms({ onProgress: (a, b) => progress.push([a, b]) });
    expect(rooms).toEqual(await direct.listRooms());
    expect(rooms).toHaveLength(60);
    expect(progress.at(-1)).toEqual([60, 60]);
    const name = rooms[3]?.meeting_room_name ?? '';
    expect(await relayApi.listRooms({ nameFilter: name })).toEqual(
      await direct.listRooms({ nameFilter: name }),
    );
  });

  it('reads one room', async () => {
    const id = room().meetingRoomId;
    expect(await relayApi.getRoom(id)).toEqual(await direct.getRoom(id));
  });

  it("lists the token's operator's meetings, and finds them by code and by ID", async () => {
    expect(await relayApi.listOperatorMeetings()).toEqual(await direct.listOperatorMeetings());
    const byCode = await relayApi.meetingsByCode(SIM_CURRENT_MEETING.meeting_code);
    expect(byCode).toEqual(await direct.meetingsByCode(SIM_CURRENT_MEETING.meeting_code));
    expect(byCode[0]?.meeting_id).toBe(SIM_CURRENT_MEETING.meeting_id);
    // Typed with dashes and spaces, as people do.
    const typed = SIM_CURRENT_MEETING.meeting_code.replace(/(\d{3})(\d{3})(\d{3})/, '$1-$2 $3');
    expect(await relayApi.meetingsByCode(typed)).toEqual(byCode);
  });

  it('keeps a 20-digit meeting ID a string, every digit', async () => {
    const meeting = await relayApi.meetingById(SIM_TWENTY_DIGIT_MEETING.meeting_id);
    expect(meeting?.meeting_id).toBe(SIM_TWENTY_DIGIT_MEETING.meeting_id);
    expect(typeof meeting?.meeting_id).toBe('string');
    expect(meeting).toEqual(await direct.meetingById(SIM_TWENTY_DIGIT_MEETING.meeting_id));
  });

  it('says "none" for an unknown code or ID, as the direct client does', async () => {
    expect(await relayApi.meetingsByCode(SIM_UNKNOWN_MEETING_CODE)).toEqual([]);
    expect(await relayApi.meetingById(SIM_UNKNOWN_MEETING_ID)).toBeNull();
  });

  it('refuses a meeting ID or code that is not digits before sending anything', async () => {
    const before = h.sim.requests.length;
    await expect(relayApi.meetingById('12 OR 1=1')).rejects.toThrow(RangeError);
    await expect(relayApi.meetingsByCode('abc')).rejects.toThrow(RangeError);
    expect(h.sim.requests.length).toBe(before);
  });

  it('acts as the operator the token belongs to, and says so on /v1/me', async () => {
    const colleague = await h.token(SIM_COLLEAGUE_ID);
    const asColleague = createRelayApi({
      relayUrl: h.relay.url,
      bearer: () => Promise.resolve(colleague),
    });
    expect(await asColleague.whoAmI()).toEqual({
      operator_id: SIM_COLLEAGUE_ID,
      via: 'token',
      expires_at: null,
    });
    await asColleague.listOperatorMeetings();
    const last = h.sim.requests.filter((r) => r.path === '/v1/meetings').at(-1);
    expect(last?.query['userid']).toBe(SIM_COLLEAGUE_ID);
  });
});

describe('before signing in', () => {
  it('reads the sign-in configuration without sending any token', async () => {
    const sent: (string | null)[] = [];
    const anonymous = createRelayApi({
      relayUrl: h.relay.url,
      bearer: () => Promise.reject(new Error('no token should be asked for')),
      fetch: (input, init) => {
        sent.push(
          new Headers(init?.headers ?? (input instanceof Request ? input.headers : {})).get(
            'authorization',
          ),
        );
        return globalThis.fetch(input, init);
      },
    });
    expect(await anonymous.signInConfig()).toEqual({ oidc: null, tokens: true });
    expect(sent).toEqual([null]);
  });
});

describe('RelayApi calls, once each', () => {
  it('calls a room, reads its status until it answers, and sends room-call exactly once', async () => {
    const target = room();
    const meetingId = SIM_CURRENT_MEETING.meeting_id;
    const before = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call').length;
    const placed = await relayApi.roomCall({ meetingId, target });
    expect(placed.inviteId).toMatch(/\S/);
    const info = await relayApi.roomCallInfo({ meetingId, target });
    expect(['ringing', 'accepted', 'rejected', 'no-answer']).toContain(info.state);
    expect(typeof info.status).toBe('number');
    const calls = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call');
    expect(calls.length - before).toBe(1);
    // meeting_id arrived at Tencent with every digit.
    expect(calls.at(-1)?.meetingIdRaw).toBe(meetingId);
  });

  it('cancels a ringing call', async () => {
    const target = h.sim.mraWithOutcome('no-answer');
    const mra = { kind: 'mra' as const, protocol: 'sip' as const, dialString: target.dial_string };
    const meetingId = SIM_CURRENT_MEETING.meeting_id;
    const placed = await relayApi.roomCall({ meetingId, target: mra });
    await relayApi.cancelRoomCall({ meetingId, target: mra, inviteId: placed.inviteId });
    const cancels = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/cancel-room-call');
    expect(cancels.at(-1)?.status).toBe(200);
  });
});
