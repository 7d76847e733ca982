import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import {
  SIM_CURRENT_MEETING,
  SIM_ENDED_MEETING,
  SIM_INVITEE_MEETING,
  SIM_OPERATOR_ID,
  SIM_TWENTY_DIGIT_MEETING,
  SIM_UNKNOWN_MEETING_ID,
  startSimulator,
} from '../sim/index';
import type { SimRoom, Simulator } from '../sim/index';
import { signedFetch } from '../sim/signed-fetch';
import type { SignedResponse } from '../sim/signed-fetch';

const RING_MS = 1_500;
let now = 1_763_000_000_000;

const startSim = closeAfterEach(startSimulator);

/** A simulator on this file's virtual clock, set back to its start. */
function start(): Promise<Simulator> {
  now = 1_763_000_000_000;
  return startSim({ rooms: 40, clock: () => now, callTiming: { ringMs: RING_MS } });
}

type Target =
  { meeting_room_id: string } | { mra_address: { protocol: 1 | 2; dial_string: string } };

const operator = { operator_id: SIM_OPERATOR_ID, operator_id_type: 1 };

function roomTarget(room: SimRoom): Target {
  return { meeting_room_id: room.meeting_room_id };
}

async function call(
  s: Simulator,
  target: Target,
  meetingId = SIM_CURRENT_MEETING.meeting_id,
): Promise<SignedResponse> {
  return signedFetch(s, {
    method: 'PUT',
    uri: '/v1/meeting-rooms/room-call',
    body: { ...operator, ...target, meeting_id: meetingId },
    nowMs: now,
  });
}

async function info(
  s: Simulator,
  target: Target,
  meetingId = SIM_CURRENT_MEETING.meeting_id,
): Promise<{ status: number; response_time: string }> {
  const response = await signedFetch(s, {
    method: 'POST',
    uri: '/v1/meeting-rooms/room-call-info',
    body: { ...operator, ...target, meeting_id: meetingId, instance_id: 1 },
    nowMs: now,
  });
  expect(response.status).toBe(200);
  return response.json as { status: number; response_time: string };
}

async function cancel(s: Simulator, target: Target, inviteId: string): Promise<SignedResponse> {
  return signedFetch(s, {
    method: 'PUT',
    uri: '/v1/meeting-rooms/cancel-room-call',
    body: {
      ...operator,
      ...target,
      invite_id: inviteId,
      meeting_id: SIM_CURRENT_MEETING.meeting_id,
      instance_id: 1,
    },
    nowMs: now,
  });
}

function inviteId(response: SignedResponse): string {
  expect(response.status).toBe(200);
  const body = response.json as { invite_id: string; status: number };
  expect(body.status).toBe(2);
  return body.invite_id;
}

describe('simulator room calls', () => {
  it.each([
    ['accepted', 2],
    ['rejected', 3],
    ['no-answer', 0],
  ] as const)('a room that ends %s rings for ringMs, then answers %i', async (outcome, final) => {
    const s = await start();
    const target = roomTarget(s.roomWithOutcome(outcome));
    expect((await info(s, target)).status).toBe(1); // not called yet
    inviteId(await call(s, target));
    const ringing = await info(s, target);
    expect(ringing.status).toBe(4);
    expect(ringing.response_time).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    now += RING_MS - 1;
    expect((await info(s, target)).status).toBe(4);
    now += 1;
    expect((await info(s, target)).status).toBe(final);
    now += 60_000;
    expect((await info(s, target)).status).toBe(final);
  });

  it('reports response_time in China time (UTC+8)', async () => {
    const s = await start();
    now = Date.UTC(2022, 10, 22, 6, 35, 26); // 14:35:26 in Shenzhen
    const target = roomTarget(s.roomWithOutcome('accepted'));
    inviteId(await call(s, target));
    expect((await info(s, target)).response_time).toBe('2022/11/22 14:35:26');
  });

  it.each(['offline', 'not-callable'] as const)(
    'fails room-call itself for a room that is %s (500/10004)',
    async (outcome) => {
      const s = await start();
      const response = await call(s, roomTarget(s.roomWithOutcome(outcome)));
      expect([response.status, response.errorCode]).toEqual([500, 10004]);
    },
  );

  it('cancelling while ringing reads 5 from then on; cancelling later changes nothing', async () => {
    const s = await start();
    const target = roomTarget(s.roomWithOutcome('accepted'));
    const id = inviteId(await call(s, target));
    now += 500;
    expect((await cancel(s, target, id)).json).toEqual({});
    expect((await info(s, target)).status).toBe(5);
    now += 10_000;
    expect((await info(s, target)).status).toBe(5);

    const other = roomTarget(s.roomWithOutcome('rejected'));
    const second = inviteId(await call(s, other));
    now += RING_MS;
    expect((await cancel(s, other, second)).status).toBe(200);
    expect((await info(s, other)).status).toBe(3);
  });

  it('rejects a cancel with an unknown invite_id (190004)', async () => {
    const s = await start();
    const target = roomTarget(s.roomWithOutcome('accepted'));
    inviteId(await call(s, target));
    const response = await cancel(s, target, '00000000-0000-4000-8000-000000000000');
    expect([response.status, response.errorCode]).toEqual([400, 190004]);
  });

  it('refuses to call a room that is already in the meeting; recalling after a rejection works', async () => {
    const s = await start();
    const accepted = roomTarget(s.roomWithOutcome('accepted'));
    inviteId(await call(s, accepted));
    now += RING_MS;
    expect((await call(s, accepted)).errorCode).toBe(10004);
    const rejected = roomTarget(s.roomWithOutcome('rejected'));
    const first = inviteId(await call(s, rejected));
    now += RING_MS;
    const second = inviteId(await call(s, rejected));
    expect(second).not.toBe(first);
    expect((await info(s, rejected)).status).toBe(4);
  });

  it('calls SIP and H.323 addresses: busy → 3, noanswer → 0, unreachable → 10004, else 2', async () => {
    const s = await start();
    for (const protocol of [1, 2] as const) {
      for (const [outcome, final] of [
        ['accepted', 2],
        ['rejected', 3],
        ['no-answer', 0],
      ] as const) {
        const target = { mra_address: s.mraWithOutcome(outcome, protocol) };
        inviteId(await call(s, target));
        expect((await info(s, target)).status).toBe(4);
        now += RING_MS;
        expect((await info(s, target)).status).toBe(final);
      }
      const unreachable = await call(s, { mra_address: s.mraWithOutcome('unreachable', protocol) });
      expect([unreachable.status, unreachable.errorCode]).toEqual([500, 10004]);
    }
    const e164 = { mra_address: { protocol: 2 as const, dial_string: '+8675586013388' } };
    inviteId(await call(s, e164));
    const sipUri = {
      mra_address: { protocol: 1 as const, dial_string: 'sip:room1@vc.example.com' },
    };
    inviteId(await call(s, sipUri));
  });

  it('needs the host to call an MRA address (9042), while a participant may call rooms', async () => {
    const s = await start();
    const mra = await call(
      s,
      { mra_address: s.mraWithOutcome('accepted') },
      SIM_INVITEE_MEETING.meeting_id,
    );
    expect([mra.status, mra.errorCode]).toEqual([400, 9042]);
    const room = await call(
      s,
      roomTarget(s.roomWithOutcome('accepted')),
      SIM_INVITEE_MEETING.meeting_id,
    );
    expect(room.status).toBe(200);
  });

  it.each([
    [
      'both targets',
      { meeting_room_id: '1', mra_address: { protocol: 1, dial_string: '10.0.0.1' } },
    ],
    ['no target', {}],
    ['an unknown room', { meeting_room_id: '1000000000000000000' }],
    ['protocol 3', { mra_address: { protocol: 3, dial_string: '10.0.0.1' } }],
    ['a bad SIP address', { mra_address: { protocol: 1, dial_string: 'not an address' } }],
    ['letters for H.323', { mra_address: { protocol: 2, dial_string: 'boardroom' } }],
  ])('rejects %s with 190004', async (_name, target) => {
    const s = await start();
    const response = await call(s, target as Target);
    expect([response.status, response.errorCode]).toEqual([400, 190004]);
  });

  it('answers 9003 for an unknown meeting and 10004 for an ended one', async () => {
    const s = await start();
    const target = roomTarget(s.roomWithOutcome('accepted'));
    const unknown = await call(s, target, SIM_UNKNOWN_MEETING_ID);
    expect([unknown.status, unknown.errorCode]).toEqual([500, 9003]);
    const ended = await call(s, target, SIM_ENDED_MEETING.meeting_id);
    expect([ended.status, ended.errorCode]).toEqual([500, 10004]);
  });

  it('checks operator fields and types', async () => {
    const s = await start();
    const target = roomTarget(s.roomWithOutcome('accepted'));
    const base = { ...target, meeting_id: SIM_CURRENT_MEETING.meeting_id };
    const send = (body: unknown): Promise<SignedResponse> =>
      signedFetch(s, { method: 'PUT', uri: '/v1/meeting-rooms/room-call', body, nowMs: now });
    expect((await send({ ...base, operator_id_type: 1 })).errorCode).toBe(190004);
    expect((await send({ ...base, operator_id: 'nobody', operator_id_type: 1 })).errorCode).toBe(
      190001,
    );
    expect((await send({ ...base, ...operator, operator_id_type: '1' })).errorCode).toBe(20000);
    expect((await send('{"operator_id": "tester1",')).errorCode).toBe(190004);
  });

  it('types meeting_id as a string in cancel-room-call and room-call-info', async () => {
    const s = await start();
    const room = s.roomWithOutcome('accepted');
    const body = `{"operator_id":"tester1","operator_id_type":1,"meeting_room_id":"${room.meeting_room_id}","meeting_id":${SIM_CURRENT_MEETING.meeting_id},"instance_id":1}`;
    const response = await signedFetch(s, {
      method: 'POST',
      uri: '/v1/meeting-rooms/room-call-info',
      body,
      nowMs: now,
    });
    expect([response.status, response.errorCode]).toEqual([500, 20000]);
    expect(s.requests.at(-1)?.meetingIdRaw).toBe(SIM_CURRENT_MEETING.meeting_id);
  });

  it.each([
    ['a quoted string', SIM_CURRENT_MEETING.meeting_id, true],
    ['a bare integer', SIM_CURRENT_MEETING.meeting_id, false],
    ['a quoted string', SIM_TWENTY_DIGIT_MEETING.meeting_id, true],
    ['a bare integer', SIM_TWENTY_DIGIT_MEETING.meeting_id, false],
  ])('takes meeting_id as %s and records %s exactly', async (_how, id, quoted) => {
    const s = await start();
    const room = s.roomWithOutcome('accepted');
    const encoded = quoted ? `"${id}"` : id;
    const body = `{"operator_id":"tester1","operator_id_type":1,"meeting_room_id":"${room.meeting_room_id}","meeting_id":${encoded}}`;
    const response = await signedFetch(s, {
      method: 'PUT',
      uri: '/v1/meeting-rooms/room-call',
      body,
      nowMs: now,
    });
    expect(response.status).toBe(200);
    const recorded = s.requests.at(-1);
    expect(recorded?.meetingIdRaw).toBe(id);
    expect(recorded?.meetingIdEncoding).toBe(quoted ? 'string' : 'number');
    expect(recorded?.body).toBe(body);
    // The call was placed into that very meeting (no digit lost on the way).
    expect((await info(s, roomTarget(room), id)).status).toBe(4);
  });

  it('a lossy meeting_id (what JSON.parse would make of it) is an unknown meeting', async () => {
    const s = await start();
    const lossy = String(Number(SIM_CURRENT_MEETING.meeting_id));
    expect(lossy).not.toBe(SIM_CURRENT_MEETING.meeting_id);
    const response = await call(s, roomTarget(s.roomWithOutcome('accepted')), lossy);
    expect(response.errorCode).toBe(9003);
  });

  it('progresses on the real clock too (short ring time)', async () => {
    const s = await startSim({ rooms: 10, callTiming: { ringMs: 80 } });
    const target = roomTarget(s.roomWithOutcome('accepted'));
    const response = await signedFetch(s, {
      method: 'PUT',
      uri: '/v1/meeting-rooms/room-call',
      body: { ...operator, ...target, meeting_id: SIM_CURRENT_MEETING.meeting_id },
    });
    expect(response.status).toBe(200);
    const read = async (): Promise<number> =>
      (
        (
          await signedFetch(s, {
            method: 'POST',
            uri: '/v1/meeting-rooms/room-call-info',
            body: {
              ...operator,
              ...target,
              meeting_id: SIM_CURRENT_MEETING.meeting_id,
              instance_id: 1,
            },
          })
        ).json as { status: number }
      ).status;
    expect(await read()).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await read()).toBe(2);
  });
});

describe('MRA outcome helpers', () => {
  it('give dial strings that the core itself accepts, for every outcome and protocol', async () => {
    const { parseDialString } = await import('../../main/core/input/dial-string');
    const simulator = await start();
    for (const protocol of [1, 2] as const) {
      for (const outcome of ['accepted', 'rejected', 'no-answer', 'unreachable'] as const) {
        const { dial_string } = simulator.mraWithOutcome(outcome, protocol);
        const parsed = parseDialString(protocol === 1 ? 'sip' : 'h323', dial_string);
        expect(parsed, `${outcome} over protocol ${String(protocol)}`).toEqual({
          ok: true,
          value: dial_string,
        });
      }
    }
  });
});
