import { parse, isLosslessNumber } from 'lossless-json';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import {
  MEETINGS_PAGE_SIZE,
  SIM_COLLEAGUE_ID,
  SIM_CURRENT_MEETING,
  SIM_ENDED_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  SIM_INVITEE_MEETING,
  SIM_OPERATOR_ID,
  SIM_TWENTY_DIGIT_MEETING,
  SIM_UNKNOWN_MEETING_CODE,
  SIM_UNKNOWN_MEETING_ID,
  startSimulator,
} from '../sim/index';
import type { Simulator } from '../sim/index';
import { signedFetch } from '../sim/signed-fetch';

const start = closeAfterEach(startSimulator);

interface RoomPage {
  total_count: number;
  total_page: number;
  current_page: number;
  current_size: number;
  meeting_room_list: {
    meeting_room_id: string;
    meeting_room_name: string;
    is_allow_call: boolean;
  }[];
}

const op = `operator_id=${SIM_OPERATOR_ID}&operator_id_type=1`;

async function roomPage(s: Simulator, query: string): Promise<RoomPage> {
  const response = await signedFetch(s, { method: 'GET', uri: `/v1/meeting-rooms?${op}${query}` });
  expect(response.status).toBe(200);
  return response.json as RoomPage;
}

interface MeetingList {
  meeting_number: number;
  meeting_info_list: Record<string, unknown>[];
  remaining?: number;
  next_pos?: number;
}

describe('simulator data', () => {
  it('is deterministic per seed and different across seeds', async () => {
    const a = await startSimulator({ rooms: 200, seed: 7 });
    const b = await startSimulator({ rooms: 200, seed: 7 });
    const c = await startSimulator({ rooms: 200, seed: 8 });
    try {
      expect(JSON.stringify(a.rooms)).toBe(JSON.stringify(b.rooms));
      expect(JSON.stringify(a.rooms)).not.toBe(JSON.stringify(c.rooms));
      expect(a.meetings.map((m) => m.meeting_id)).toEqual(b.meetings.map((m) => m.meeting_id));
      expect(new Set(a.rooms.map((r) => r.meeting_room_id)).size).toBe(200);
      expect(new Set(a.rooms.map((r) => r.meeting_room_name)).size).toBe(200);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('has Chinese and English rooms, every status, and rooms that refuse calls', async () => {
    const s = await start({ rooms: 500 });
    expect(s.rooms[0]?.meeting_room_id).toBe(SIM_EXAMPLE_ROOM_ID);
    expect(s.rooms[0]?.meeting_room_name).toBe('深圳·滨海大厦 18F 1801 会议室');
    expect(s.rooms[1]?.meeting_room_name).toBe('北京·银科大厦 5F 长城厅');
    expect(s.rooms.some((r) => /^[A-Za-z]/.test(r.meeting_room_name))).toBe(true);
    expect(new Set(s.rooms.map((r) => r.meeting_room_status))).toEqual(new Set([0, 1, 2, 3, 4, 5]));
    expect(s.rooms.some((r) => !r.is_allow_call)).toBe(true);
    for (const room of s.rooms) expect(room.meeting_room_id).toMatch(/^\d{19}$/);
  });

  it('pages rooms like the API: total_page, current_size, the last partial page, past the end', async () => {
    const s = await start({ rooms: 123 });
    const first = await roomPage(s, '&page=1&page_size=50');
    expect(first).toMatchObject({
      total_count: 123,
      total_page: 3,
      current_page: 1,
      current_size: 50,
    });
    const last = await roomPage(s, '&page=3&page_size=50');
    expect(last).toMatchObject({ current_page: 3, current_size: 23 });
    expect(last.meeting_room_list.at(-1)?.meeting_room_id).toBe(s.rooms[122]?.meeting_room_id);
    const past = await roomPage(s, '&page=4&page_size=50');
    expect(past).toMatchObject({ current_size: 0, meeting_room_list: [] });
    const defaults = await roomPage(s, '');
    expect(defaults).toMatchObject({ current_page: 1, current_size: 20, total_page: 7 });
    const all = new Set<string>();
    for (let page = 1; page <= 3; page++) {
      for (const room of (await roomPage(s, `&page=${page}&page_size=50`)).meeting_room_list) {
        all.add(room.meeting_room_id);
      }
    }
    expect(all.size).toBe(123);
  });

  it.each(['&page_size=51', '&page_size=0', '&page=0', '&page=x', '&page_size=-1'])(
    'rejects %s with 190004',
    async (query) => {
      const s = await start();
      const response = await signedFetch(s, {
        method: 'GET',
        uri: `/v1/meeting-rooms?${op}${query}`,
      });
      expect([response.status, response.errorCode]).toEqual([400, 190004]);
    },
  );

  it('requires operator_id_type=1', async () => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=2`,
    });
    expect(response.errorCode).toBe(190004);
  });

  it('filters by meeting_room_name, fuzzily', async () => {
    const s = await start({ rooms: 300 });
    const query = encodeURIComponent('滨海');
    const page = await roomPage(s, `&page_size=50&meeting_room_name=${query}`);
    const expected = s.rooms.filter((r) => r.meeting_room_name.includes('滨海'));
    expect(page.total_count).toBe(expected.length);
    expect(page.total_count).toBeGreaterThan(0);
    for (const room of page.meeting_room_list) expect(room.meeting_room_name).toContain('滨海');
    const english = await roomPage(s, '&meeting_room_name=boardroom');
    expect(english.meeting_room_list[0]?.meeting_room_name).toContain('Boardroom');
  });

  it('serves room details', async () => {
    const s = await start();
    const room = s.roomWithOutcome('offline');
    const response = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meeting-rooms/${room.meeting_room_id}?${op}`,
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      basic_info: {
        meeting_room_name: room.meeting_room_name,
        city: room.city,
        building: room.building,
        floor: room.floor,
        participant_number: room.participant_number,
      },
      hardware_info: { meeting_room_status: 4 },
      is_allow_call: true,
    });
    const unknown = await signedFetch(s, { method: 'GET', uri: `/v1/meeting-rooms/42?${op}` });
    expect(unknown.errorCode).toBe(190004);
  });

  it('generates 10,000 rooms fast and serves all 200 pages quickly', async () => {
    const started = performance.now();
    const s = await start({ rooms: 10_000 });
    const generated = performance.now() - started;
    expect(generated).toBeLessThan(1_000);
    const fetchStart = performance.now();
    const ids = new Set<string>();
    const pages = Array.from({ length: 200 }, (_, i) => i + 1);
    const workers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = w; i < pages.length; i += 4) {
        const page = await roomPage(s, `&page=${pages[i] ?? 0}&page_size=50`);
        for (const room of page.meeting_room_list) ids.add(room.meeting_room_id);
      }
    });
    await Promise.all(workers);
    const fetched = performance.now() - fetchStart;
    expect(ids.size).toBe(10_000);
    expect(fetched).toBeLessThan(2_000);
  });
});

describe('simulator meetings', () => {
  it('finds the current meeting by code, with its 19-digit ID intact on the wire', async () => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meetings?meeting_code=${SIM_CURRENT_MEETING.meeting_code}&userid=${SIM_OPERATOR_ID}&instanceid=1`,
    });
    expect(response.status).toBe(200);
    expect(response.text).toContain(`"meeting_id":"${SIM_CURRENT_MEETING.meeting_id}"`);
    expect(BigInt(SIM_CURRENT_MEETING.meeting_id)).toBeGreaterThan(2n ** 53n);
    const body = response.json as MeetingList;
    expect(body.meeting_number).toBe(1);
    expect(body.meeting_info_list[0]).toMatchObject({
      subject: SIM_CURRENT_MEETING.subject,
      meeting_id: SIM_CURRENT_MEETING.meeting_id,
      meeting_code: SIM_CURRENT_MEETING.meeting_code,
      status: 'MEETING_STATE_STARTED',
      join_meeting_role: 'creator',
      hosts: [{ userid: SIM_OPERATOR_ID }],
    });
    const meeting = body.meeting_info_list[0] ?? {};
    expect(meeting['start_time']).toMatch(/^\d{10}$/);
    expect(meeting['end_time']).toMatch(/^\d{10}$/);
    expect(meeting['join_url']).toMatch(/^https:\/\/meeting\.tencent\.com\/dm\/\w+$/);
  });

  it('finds a 20-digit meeting by ID, recording the ID as it arrived', async () => {
    const s = await start();
    const id = SIM_TWENTY_DIGIT_MEETING.meeting_id;
    expect(id).toHaveLength(20);
    const response = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meetings/${id}?userid=${SIM_OPERATOR_ID}&instanceid=1`,
    });
    expect(response.status).toBe(200);
    const lossless = parse(response.text) as { meeting_info_list: { meeting_id: unknown }[] };
    expect(lossless.meeting_info_list[0]?.meeting_id).toBe(id);
    expect(isLosslessNumber(lossless.meeting_info_list[0]?.meeting_id)).toBe(false);
    expect(s.requests.at(-1)?.meetingIdRaw).toBe(id);
  });

  it('answers 9003 for an unknown meeting ID or code, and 190004 for a malformed code', async () => {
    const s = await start();
    const byId = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meetings/${SIM_UNKNOWN_MEETING_ID}?userid=${SIM_OPERATOR_ID}&instanceid=1`,
    });
    expect([byId.status, byId.errorCode]).toEqual([500, 9003]);
    const byCode = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meetings?meeting_code=${SIM_UNKNOWN_MEETING_CODE}&userid=${SIM_OPERATOR_ID}&instanceid=1`,
    });
    expect([byCode.status, byCode.errorCode]).toEqual([500, 9003]);
    const dashed = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meetings?meeting_code=806-146-667&userid=${SIM_OPERATOR_ID}&instanceid=1`,
    });
    expect(dashed.errorCode).toBe(190004);
    const noInstance = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meetings?meeting_code=${SIM_CURRENT_MEETING.meeting_code}&userid=${SIM_OPERATOR_ID}`,
    });
    expect(noInstance.errorCode).toBe(190004);
  });

  it('still finds an ended meeting by ID, with its status', async () => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: `/v1/meetings/${SIM_ENDED_MEETING.meeting_id}?userid=${SIM_OPERATOR_ID}&instanceid=1`,
    });
    expect((response.json as MeetingList).meeting_info_list[0]?.['status']).toBe(
      'MEETING_STATE_ENDED',
    );
  });

  it("lists the operator's in-progress and upcoming meetings over 2 pages (pos, remaining)", async () => {
    const s = await start();
    const base = `/v1/meetings?userid=${SIM_OPERATOR_ID}&instanceid=1`;
    const first = (await signedFetch(s, { method: 'GET', uri: base })).json as MeetingList;
    expect(first.meeting_number).toBe(MEETINGS_PAGE_SIZE);
    expect(first.remaining).toBeGreaterThan(0);
    const second = (
      await signedFetch(s, { method: 'GET', uri: `${base}&pos=${first.next_pos ?? 0}` })
    ).json as MeetingList;
    expect(second.remaining).toBe(0);
    const all = [...first.meeting_info_list, ...second.meeting_info_list];
    expect(all.length).toBeGreaterThanOrEqual(25);
    expect(new Set(all.map((m) => m['meeting_id'])).size).toBe(all.length);
    const statuses = new Set(all.map((m) => m['status']));
    expect(statuses).toEqual(new Set(['MEETING_STATE_STARTED', 'MEETING_STATE_INIT']));
    expect(all.filter((m) => m['status'] === 'MEETING_STATE_STARTED')).toHaveLength(1);
    const ids = all.map((m) => m['meeting_id']);
    expect(ids).toContain(SIM_TWENTY_DIGIT_MEETING.meeting_id);
    expect(ids).not.toContain(SIM_ENDED_MEETING.meeting_id);
    const invitee = all.find((m) => m['meeting_id'] === SIM_INVITEE_MEETING.meeting_id);
    expect(invitee).toMatchObject({
      join_meeting_role: 'invitee',
      hosts: [{ userid: SIM_COLLEAGUE_ID }],
    });
    for (const meeting of all) expect(meeting['meeting_code']).toMatch(/^\d{9}$/);
  });
});
