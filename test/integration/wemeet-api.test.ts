/**
 * Every WemeetApi operation against the simulator over loopback HTTP: real signing, real
 * parsing, the simulator's gateway checking each request. No mocked fetch.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Room } from '../../main/core/wemeet/api';
import type { MeetingIdEncoding } from '../../main/core/wemeet/json';
import { WemeetApiError } from '../../main/core/wemeet/errors';
import {
  LISTED_STATES,
  SIM_CURRENT_MEETING,
  SIM_ENDED_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  SIM_TWENTY_DIGIT_MEETING,
  SIM_UNKNOWN_MEETING_CODE,
  SIM_UNKNOWN_MEETING_ID,
} from '../sim/data';
import { startSimulator } from '../sim/server';
import type { SimRoom, Simulator } from '../sim/types';
import { apiFor, rejectionOf, requestsTo } from './wemeet-helpers';

const listed = (room: SimRoom) => ({
  meeting_room_id: room.meeting_room_id,
  meeting_room_name: room.meeting_room_name,
  meeting_room_location: room.meeting_room_location,
  account_new_type: room.account_new_type,
  account_type: room.account_type,
  participant_number: room.participant_number,
  meeting_room_status: room.meeting_room_status,
  scheduled_status: room.scheduled_status,
  is_allow_call: room.is_allow_call,
});

describe('WemeetApi against the simulator', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ rooms: 123, callTiming: { ringMs: 60_000 } });
  });
  afterAll(async () => {
    await sim.close();
  });

  describe('rooms', () => {
    it('lists every room, in order, 50 a page, with progress', async () => {
      const progress: [number, number][] = [];
      const rooms = await apiFor(sim).listRooms({
        onProgress: (loaded, total) => progress.push([loaded, total]),
      });
      expect(rooms).toEqual(sim.rooms.map(listed));
      expect(progress.at(-1)).toEqual([123, 123]);
      expect(progress[0]).toEqual([50, 123]);
      const pages = requestsTo(sim, 'GET', '/v1/meeting-rooms').slice(-3);
      expect(pages.map((r) => r.query)).toEqual(
        [1, 2, 3].map((page) => ({
          operator_id: sim.operatorId,
          operator_id_type: '1',
          page: String(page),
          page_size: '50',
        })),
      );
    });

    it('passes the name filter, spaces and CJK included, as a signed query', async () => {
      const target = sim.rooms[5];
      if (target === undefined) throw new Error('no room 5');
      const rooms = await apiFor(sim).listRooms({ nameFilter: target.meeting_room_name });
      expect(rooms.map((r) => r.meeting_room_id)).toContain(target.meeting_room_id);
      for (const room of rooms) {
        expect(room.meeting_room_name.toLowerCase()).toContain(
          target.meeting_room_name.toLowerCase().split(/\s+/)[0],
        );
      }
      expect(requestsTo(sim, 'GET', '/v1/meeting-rooms').at(-1)?.query['meeting_room_name']).toBe(
        target.meeting_room_name,
      );
    });

    it('returns an empty list for a filter nothing matches', async () => {
      expect(await apiFor(sim).listRooms({ nameFilter: 'no such room zzz' })).toEqual([]);
    });

    it('gets one room’s details', async () => {
      const room = sim.rooms[0];
      if (room === undefined) throw new Error('no room 0');
      expect(await apiFor(sim).getRoom(SIM_EXAMPLE_ROOM_ID)).toEqual({
        meeting_room_id: SIM_EXAMPLE_ROOM_ID,
        meeting_room_name: room.meeting_room_name,
        city: room.city,
        building: room.building,
        floor: room.floor,
        participant_number: room.participant_number,
        meeting_room_status: room.meeting_room_status,
        is_allow_call: room.is_allow_call,
      });
      expect(
        requestsTo(sim, 'GET', `/v1/meeting-rooms/${SIM_EXAMPLE_ROOM_ID}`).at(-1)?.query,
      ).toEqual({ operator_id: sim.operatorId, operator_id_type: '1' });
    });

    it('turns an unknown room into a typed API error', async () => {
      const err = await rejectionOf(apiFor(sim).getRoom('1000000000000000000'));
      expect(err).toBeInstanceOf(WemeetApiError);
      expect((err as WemeetApiError).code).toBe(190004);
    });
  });

  describe('meetings', () => {
    it.each([SIM_CURRENT_MEETING, SIM_TWENTY_DIGIT_MEETING, SIM_ENDED_MEETING])(
      'finds $meeting_id by ID with every digit',
      async (known) => {
        const meeting = await apiFor(sim).meetingById(known.meeting_id);
        expect(meeting?.meeting_id).toBe(known.meeting_id);
        expect(meeting?.meeting_code).toBe(known.meeting_code);
        expect(meeting?.subject).toBe(known.subject);
        const record = requestsTo(sim, 'GET', `/v1/meetings/${known.meeting_id}`).at(-1);
        expect(record?.meetingIdRaw).toBe(known.meeting_id);
        expect(record?.query).toEqual({ userid: sim.operatorId, instanceid: '1' });
      },
    );

    it('answers null for a meeting that does not exist (9003)', async () => {
      expect(await apiFor(sim).meetingById(SIM_UNKNOWN_MEETING_ID)).toBeNull();
      expect(
        requestsTo(sim, 'GET', `/v1/meetings/${SIM_UNKNOWN_MEETING_ID}`).at(-1)?.errorCode,
      ).toBe(9003);
    });

    it('finds a meeting by code, typed with dashes or spaces', async () => {
      const [a, b] = [
        await apiFor(sim).meetingsByCode('806-146-667'),
        await apiFor(sim).meetingsByCode(' 806 146 667 '),
      ];
      expect(a.map((m) => m.meeting_id)).toEqual([SIM_CURRENT_MEETING.meeting_id]);
      expect(b).toEqual(a);
      expect(a[0]?.status).toBe('MEETING_STATE_STARTED');
      expect(a[0]?.join_meeting_role).toBe('creator');
      expect(a[0]?.start_time).toMatch(/^\d{10}$/);
      expect(requestsTo(sim, 'GET', '/v1/meetings').at(-1)?.query).toEqual({
        meeting_code: SIM_CURRENT_MEETING.meeting_code,
        userid: sim.operatorId,
        instanceid: '1',
      });
    });

    it('answers [] for a code no meeting holds', async () => {
      expect(await apiFor(sim).meetingsByCode(SIM_UNKNOWN_MEETING_CODE)).toEqual([]);
    });

    it("lists the operator's meetings across pages, de-duplicated", async () => {
      const before = requestsTo(sim, 'GET', '/v1/meetings').length;
      const meetings = await apiFor(sim).listOperatorMeetings();
      const expected = sim.meetings.filter(
        (m) =>
          LISTED_STATES.includes(m.status) &&
          (m.creator === sim.operatorId ||
            m.hosts.includes(sim.operatorId) ||
            m.participants.includes(sim.operatorId)),
      );
      expect(expected.length).toBeGreaterThan(20);
      expect(new Set(meetings.map((m) => m.meeting_id))).toEqual(
        new Set(expected.map((m) => m.meeting_id)),
      );
      expect(meetings).toHaveLength(expected.length);
      expect(meetings.map((m) => m.meeting_id)).toContain(SIM_TWENTY_DIGIT_MEETING.meeting_id);
      const calls = requestsTo(sim, 'GET', '/v1/meetings').slice(before);
      // Each page after the first repeats the meeting that ended the one before.
      expect(calls.length).toBe(1 + Math.ceil((expected.length - 20) / 19));
      expect(calls[0]?.query).toEqual({ userid: sim.operatorId, instanceid: '1' });
      // pos and cursory go back from next_pos and next_cursory (the Go SDK's paging).
      for (const call of calls.slice(1)) {
        expect(Object.keys(call.query).sort()).toEqual(['cursory', 'instanceid', 'pos', 'userid']);
      }
      const positions = calls.slice(1).map((call) => call.query['pos']);
      const cursors = calls.slice(1).map((call) => call.query['cursory']);
      // 40 meetings share a start time: the same pos twice, with a later cursor, is not the end.
      expect(new Set(positions).size).toBeLessThan(positions.length);
      expect(new Set(cursors).size).toBe(cursors.length);
    });
  });

  describe('room calls', () => {
    it.each<[MeetingIdEncoding, string]>([
      ['string', SIM_CURRENT_MEETING.meeting_id],
      ['number', SIM_CURRENT_MEETING.meeting_id],
      ['string', SIM_TWENTY_DIGIT_MEETING.meeting_id],
      ['number', SIM_TWENTY_DIGIT_MEETING.meeting_id],
    ])('calls, polls and cancels a room (%s meeting_id %s)', async (encoding, meetingId) => {
      const api = apiFor(sim, { meetingIdEncoding: encoding });
      const room = sim.roomWithOutcome('accepted');
      const target = { kind: 'room', meetingRoomId: room.meeting_room_id } as const;

      const call = await api.roomCall({ meetingId, target });
      expect(call.inviteId).not.toBe('');
      expect(call.status).toBe(2);
      const sent = requestsTo(sim, 'PUT', '/v1/meeting-rooms/room-call').at(-1);
      expect(sent?.meetingIdRaw).toBe(meetingId);
      expect(sent?.meetingIdEncoding).toBe(encoding);
      const quoted = encoding === 'string' ? `"${meetingId}"` : meetingId;
      expect(sent?.body).toBe(
        `{"operator_id":"${sim.operatorId}","operator_id_type":1,` +
          `"meeting_room_id":"${room.meeting_room_id}","meeting_id":${quoted}}`,
      );

      const info = await api.roomCallInfo({ meetingId, target });
      expect(info).toMatchObject({ state: 'ringing', status: 4 });
      expect(info.responseTime).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d$/);
      // cancel-room-call and room-call-info type meeting_id as a String, whatever the setting.
      const polled = requestsTo(sim, 'POST', '/v1/meeting-rooms/room-call-info').at(-1);
      expect(polled?.meetingIdEncoding).toBe('string');
      expect(polled?.meetingIdRaw).toBe(meetingId);

      await api.cancelRoomCall({ meetingId, target, inviteId: call.inviteId });
      const cancelled = requestsTo(sim, 'PUT', '/v1/meeting-rooms/cancel-room-call').at(-1);
      expect(JSON.parse(cancelled?.body ?? '{}')).toEqual({
        operator_id: sim.operatorId,
        operator_id_type: 1,
        meeting_room_id: room.meeting_room_id,
        invite_id: call.inviteId,
        meeting_id: meetingId,
        instance_id: 1,
      });
      expect(cancelled?.meetingIdEncoding).toBe('string');
      expect(await api.roomCallInfo({ meetingId, target })).toMatchObject({
        state: 'joined-or-cancelled',
        status: 5,
      });
    });

    it('calls a SIP address through mra_address', async () => {
      const mra = sim.mraWithOutcome('accepted', 1);
      const api = apiFor(sim);
      const target = { kind: 'mra', protocol: 'sip', dialString: mra.dial_string } as const;
      const call = await api.roomCall({ meetingId: SIM_CURRENT_MEETING.meeting_id, target });
      expect(call.status).toBe(2);
      const sent = requestsTo(sim, 'PUT', '/v1/meeting-rooms/room-call').at(-1);
      expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({
        mra_address: { protocol: 1, dial_string: mra.dial_string },
      });
      expect(sent?.body).not.toContain('meeting_room_id');
      const info = await api.roomCallInfo({ meetingId: SIM_CURRENT_MEETING.meeting_id, target });
      expect(info.state).toBe('ringing');
    });

    it('calls an H.323 address with protocol 2', async () => {
      const mra = sim.mraWithOutcome('accepted', 2);
      const target = { kind: 'mra', protocol: 'h323', dialString: mra.dial_string } as const;
      await apiFor(sim).roomCall({ meetingId: SIM_TWENTY_DIGIT_MEETING.meeting_id, target });
      const sent = requestsTo(sim, 'PUT', '/v1/meeting-rooms/room-call').at(-1);
      expect(JSON.parse(sent?.body ?? '{}')).toMatchObject({ mra_address: { protocol: 2 } });
    });

    it('reports a room that cannot be called as a room call failure (10004)', async () => {
      const room = sim.roomWithOutcome('offline');
      const err = await rejectionOf(
        apiFor(sim).roomCall({
          meetingId: SIM_CURRENT_MEETING.meeting_id,
          target: { kind: 'room', meetingRoomId: room.meeting_room_id },
        }),
      );
      expect(err).toBeInstanceOf(WemeetApiError);
      expect(err).toMatchObject({ status: 500, code: 10004 });
      expect((err as WemeetApiError).hint).toMatch(/online and idle/);
    });

    it('says "room not called" for a target never called', async () => {
      // No other test calls a rejecting room.
      const room = sim.roomWithOutcome('rejected');
      const info = await apiFor(sim).roomCallInfo({
        meetingId: SIM_TWENTY_DIGIT_MEETING.meeting_id,
        target: { kind: 'room', meetingRoomId: room.meeting_room_id },
      });
      expect(info).toEqual({ state: 'not-called', status: 1, responseTime: '' });
    });

    it('refuses a meeting ID that is not digits before sending anything', async () => {
      const before = sim.requests.length;
      await expect(
        apiFor(sim).roomCall({
          meetingId: '7567173273889276131 ',
          target: { kind: 'room', meetingRoomId: SIM_EXAMPLE_ROOM_ID },
        }),
      ).rejects.toThrow(RangeError);
      expect(sim.requests.length).toBe(before);
    });
  });
});

describe('listRooms at scale', () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ rooms: 10_000, seed: 7 });
  });
  afterAll(async () => {
    await sim.close();
  });

  it('returns all 10,000 rooms (200 pages) in order', async () => {
    const started = performance.now();
    let last: [number, number] = [0, 0];
    const rooms = await apiFor(sim).listRooms({
      onProgress: (loaded, total) => (last = [loaded, total]),
    });
    const elapsed = performance.now() - started;
    expect(rooms).toHaveLength(10_000);
    expect(rooms.map((r) => r.meeting_room_id)).toEqual(sim.rooms.map((r) => r.meeting_room_id));
    expect(rooms[9_999]).toEqual(listed(sim.rooms[9_999] as SimRoom));
    expect(last).toEqual([10_000, 10_000]);
    expect(requestsTo(sim, 'GET', '/v1/meeting-rooms')).toHaveLength(200);
    // Loopback, 4 pages at a time: a generous bound that still catches serial or quadratic work.
    expect(elapsed).toBeLessThan(10_000);
  });

  it('stops at the first failing page and leaves no request in flight', async () => {
    const before = sim.requests.length;
    let injected = false;
    const err = await rejectionOf(
      apiFor(sim).listRooms({
        onProgress: () => {
          // Fail whichever page is asked for next, once the first has arrived.
          if (!injected) {
            injected = true;
            sim.faults.inject({
              type: 'error',
              path: '/v1/meeting-rooms',
              status: 400,
              code: 190004,
            });
          }
        },
      }),
    );
    expect(err).toBeInstanceOf(WemeetApiError);
    expect(err).toMatchObject({ kind: 'api', code: 190004 });
    const sent = sim.requests.length - before;
    expect(sent).toBeLessThan(10);
    // Every request was answered or abandoned before listRooms settled: nothing trickles in.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.requests.length - before).toBe(sent);
  });

  it('aborts on the caller’s signal', async () => {
    const controller = new AbortController();
    const pending = apiFor(sim).listRooms({
      signal: controller.signal,
      onProgress: (loaded) => {
        if (loaded >= 500) controller.abort(new Error('user closed the window'));
      },
    });
    await expect(pending).rejects.toThrow('user closed the window');
  });
});

/**
 * The simulator's sparse mode answers as a Go service with json omitempty does (as the SDK's
 * models are written): every 0, false, "" and [] left out. The same calls must mean the same.
 */
describe('with sparse answers (zero fields left out)', () => {
  let sparse: Simulator;
  let full: Simulator;
  beforeAll(async () => {
    const options = { rooms: 123, seed: 3, callTiming: { ringMs: 1 } };
    sparse = await startSimulator({ ...options, sparse: true });
    full = await startSimulator(options);
  });
  afterAll(async () => {
    await sparse.close();
    await full.close();
  });

  it('lists every room, reading absent statuses as 0 and absent is_allow_call as false', async () => {
    const rooms = await apiFor(sparse).listRooms();
    const reference = await apiFor(full).listRooms();
    const essentials = (list: readonly Room[]) =>
      list.map((r) => [
        r.meeting_room_id,
        r.meeting_room_name,
        r.meeting_room_location,
        r.meeting_room_status,
        r.is_allow_call,
        r.participant_number ?? 0,
        r.account_type ?? 0,
      ]);
    expect(rooms).toHaveLength(123);
    expect(essentials(rooms)).toEqual(essentials(reference));
    // The answers did leave fields out: some room is not activated (0) and not callable.
    expect(rooms.some((r) => r.meeting_room_status === 0 && !r.is_allow_call)).toBe(true);
    const notActivated = sparse.rooms.find((r) => r.meeting_room_status === 0);
    if (notActivated === undefined) throw new Error('the simulator has no status-0 room');
    const details = await apiFor(sparse).getRoom(notActivated.meeting_room_id);
    expect(details).toMatchObject({ meeting_room_status: 0, is_allow_call: false });
  });

  it('reports a call nobody answers (status 0, left out) as no answer', async () => {
    const api = apiFor(sparse);
    const target = {
      kind: 'room',
      meetingRoomId: sparse.roomWithOutcome('no-answer').meeting_room_id,
    } as const;
    const meetingId = SIM_CURRENT_MEETING.meeting_id;
    const call = await api.roomCall({ meetingId, target });
    expect(call.inviteId).not.toBe('');
    // ringMs is 1: the outcome is settled by the next poll.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const info = await api.roomCallInfo({ meetingId, target });
    expect(info).toMatchObject({ state: 'no-answer', status: 0 });
    expect(info.responseTime).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d$/);
  });

  it('says "not called" for a target never called, without a response time', async () => {
    const info = await apiFor(sparse).roomCallInfo({
      meetingId: SIM_TWENTY_DIGIT_MEETING.meeting_id,
      target: { kind: 'room', meetingRoomId: sparse.roomWithOutcome('rejected').meeting_room_id },
    });
    expect(info).toEqual({ state: 'not-called', status: 1, responseTime: '' });
  });

  it('reads an account with no rooms ({}) as an empty list', async () => {
    const empty = await startSimulator({ rooms: 0, sparse: true });
    try {
      expect(await apiFor(empty).listRooms()).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
