/**
 * Sparse mode: the same answers as a Go service with `json:",omitempty"` fields would send
 * (wemeet-openapi-sdk-go, service/meeting_room/model.go and service/meetings/model.go). Each
 * answer is compared with the full answer of a twin simulator (same seed, same clock), so
 * "exactly those fields" is checked field by field, not against the simulator's own helper.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SIM_CURRENT_MEETING, SIM_OPERATOR_ID, startSimulator } from '../sim/index';
import type { Simulator, SimulatorOptions } from '../sim/index';
import { signedFetch } from '../sim/signed-fetch';
import { omitEmpty } from '../sim/sparse';
import type { SignedRequest } from '../sim/signed-fetch';

let now = 1_763_000_000_000;
const RING_MS = 1_000;
const running: Simulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

async function twins(): Promise<{ dense: Simulator; sparse: Simulator }> {
  now = 1_763_000_000_000;
  const options: SimulatorOptions = {
    rooms: 40,
    clock: () => now,
    callTiming: { ringMs: RING_MS },
  };
  const dense = await startSimulator(options);
  running.push(dense);
  const sparse = await startSimulator({ ...options, sparse: true });
  running.push(sparse);
  return { dense, sparse };
}

/** The same request to both; both must answer 200. */
async function both(
  pair: { dense: Simulator; sparse: Simulator },
  request: SignedRequest,
): Promise<{ full: unknown; sparse: unknown; sparseText: string }> {
  const full = await signedFetch(pair.dense, { ...request, nowMs: now });
  const sparse = await signedFetch(pair.sparse, { ...request, nowMs: now });
  expect(full.status).toBe(200);
  expect(sparse.status).toBe(200);
  return { full: full.json, sparse: sparse.json, sparseText: sparse.text };
}

/** Go's omitempty, written out here on its own: false, 0, "", [], null are the empty ones. */
function goEmpty(value: unknown): boolean {
  return (
    value === false ||
    value === 0 ||
    value === '' ||
    value === null ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Walks the full answer beside the sparse one: every empty field must be gone, every other field
 * present with the same value (objects recursively; array elements one by one, none dropped).
 * Returns the paths that were left out.
 */
function compare(full: unknown, sparse: unknown, path = '$'): string[] {
  if (Array.isArray(full)) {
    expect(Array.isArray(sparse), path).toBe(true);
    const items = sparse as unknown[];
    expect(items.length, `${path} length`).toBe(full.length);
    return full.flatMap((item, i) => compare(item, items[i], `${path}[${i}]`));
  }
  if (typeof full !== 'object' || full === null) {
    expect(sparse, path).toStrictEqual(full);
    return [];
  }
  expect(typeof sparse === 'object' && sparse !== null && !Array.isArray(sparse), path).toBe(true);
  const fields = sparse as Record<string, unknown>;
  const omitted: string[] = [];
  for (const [key, value] of Object.entries(full)) {
    if (goEmpty(value)) {
      expect(Object.hasOwn(fields, key), `${path}.${key} left out`).toBe(false);
      omitted.push(`${path}.${key}`);
    } else {
      expect(Object.hasOwn(fields, key), `${path}.${key} kept`).toBe(true);
      omitted.push(...compare(value, fields[key], `${path}.${key}`));
    }
  }
  expect(
    Object.keys(fields).filter((key) => !Object.hasOwn(full, key)),
    `${path} extra`,
  ).toEqual([]);
  return omitted;
}

const operator = { operator_id: SIM_OPERATOR_ID, operator_id_type: 1 };

describe('simulator sparse mode (Go omitempty)', () => {
  it('a room list page leaves out false, 0 and empty fields and keeps the rest', async () => {
    const pair = await twins();
    const page = await both(pair, {
      method: 'GET',
      uri: `/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=1&page=1&page_size=20`,
    });
    const omitted = compare(page.full, page.sparse);
    // Room 4 does not allow calls, room 6 is not activated (status 0): both fields gone.
    expect(omitted).toContain('$.meeting_room_list[4].is_allow_call');
    expect(omitted).toContain('$.meeting_room_list[6].meeting_room_status');
    const rooms = (page.sparse as { meeting_room_list: Record<string, unknown>[] })
      .meeting_room_list;
    expect(rooms[0]).toMatchObject({ is_allow_call: true, meeting_room_status: 2 });
    // 19-digit IDs still go as strings, never as numbers.
    expect(page.sparseText).toContain(
      `"meeting_room_id":"${pair.sparse.rooms[0]?.meeting_room_id}"`,
    );
  });

  it('a page past the end has no list and no current_size', async () => {
    const pair = await twins();
    const page = await both(pair, {
      method: 'GET',
      uri: `/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=1&page=9&page_size=20`,
    });
    expect(compare(page.full, page.sparse)).toEqual(['$.current_size', '$.meeting_room_list']);
    expect(page.sparse).toEqual({ total_count: 40, current_page: 9, total_page: 2 });
  });

  it('the meeting list leaves out empty fields; nested objects and "0"-like strings stay', async () => {
    const pair = await twins();
    const uri = `/v1/meetings?userid=${SIM_OPERATOR_ID}&instanceid=1`;
    const first = await both(pair, { method: 'GET', uri });
    const omitted = compare(first.full, first.sparse);
    expect(omitted).toContain('$.meeting_info_list[0].password');
    expect(omitted).toContain('$.meeting_info_list[0].settings.mute_all');
    const meeting = (first.sparse as { meeting_info_list: Record<string, unknown>[] })
      .meeting_info_list[0];
    expect(meeting?.['settings']).toMatchObject({ mute_enable_join: true });
    expect(first.sparseText).toContain(`"meeting_id":"${SIM_CURRENT_MEETING.meeting_id}"`);
    // Follow the pages to the last: there remaining is 0, so it is not sent at all.
    let next = (first.full as { next_pos?: number }).next_pos ?? 0;
    for (let guard = 0; guard < 10; guard += 1) {
      const page = await both(pair, { method: 'GET', uri: `${uri}&pos=${next}` });
      compare(page.full, page.sparse);
      const full = page.full as { remaining?: number; next_pos?: number };
      if (full.remaining === 0) {
        expect(page.sparse).not.toHaveProperty('remaining');
        return;
      }
      next = full.next_pos ?? 0;
    }
    throw new Error('the meeting list never reached remaining 0');
  });

  it('room-call keeps invite_id and status; room-call-info with status 0 sends neither 0 nor ""', async () => {
    const pair = await twins();
    const room = pair.sparse.roomWithOutcome('no-answer');
    const target = { ...operator, meeting_room_id: room.meeting_room_id };
    const meeting_id = SIM_CURRENT_MEETING.meeting_id;

    const never = await both(pair, {
      method: 'POST',
      uri: '/v1/meeting-rooms/room-call-info',
      body: { ...target, meeting_id, instance_id: 1 },
    });
    expect(compare(never.full, never.sparse)).toEqual(['$.response_time']);
    expect(never.sparse).toEqual({ status: 1 });

    const called = await both(pair, {
      method: 'PUT',
      uri: '/v1/meeting-rooms/room-call',
      body: { ...target, meeting_id },
    });
    expect(compare(called.full, called.sparse)).toEqual([]);
    expect(called.sparse).toMatchObject({ status: 2, invite_id: expect.any(String) as unknown });

    now += RING_MS;
    const unanswered = await both(pair, {
      method: 'POST',
      uri: '/v1/meeting-rooms/room-call-info',
      body: { ...target, meeting_id, instance_id: 1 },
    });
    expect((unanswered.full as { status: number }).status).toBe(0);
    expect(compare(unanswered.full, unanswered.sparse)).toEqual(['$.status']);
    expect(unanswered.sparse).toEqual({
      response_time: (unanswered.full as { response_time: string }).response_time,
    });
  });

  it('cancel-room-call still answers {} (an object is never left out)', async () => {
    const pair = await twins();
    const room = pair.sparse.roomWithOutcome('accepted');
    const target = { ...operator, meeting_room_id: room.meeting_room_id };
    const meeting_id = SIM_CURRENT_MEETING.meeting_id;
    const call = await signedFetch(pair.sparse, {
      method: 'PUT',
      uri: '/v1/meeting-rooms/room-call',
      body: { ...target, meeting_id },
      nowMs: now,
    });
    const { invite_id } = call.json as { invite_id: string };
    const cancelled = await signedFetch(pair.sparse, {
      method: 'PUT',
      uri: '/v1/meeting-rooms/cancel-room-call',
      body: { ...target, meeting_id, invite_id, instance_id: 1 },
      nowMs: now,
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.text).toBe('{}');
  });

  it('leaves in what omitempty leaves in: objects, "0" strings, array elements, true, 1', () => {
    expect(
      omitEmpty({
        zero: 0,
        no: false,
        text: '',
        list: [],
        none: null,
        one: 1,
        yes: true,
        zeroText: '0',
        nested: { inner: 0 },
        empty: {},
        items: [0, '', false, { gone: '' }],
      }),
    ).toStrictEqual({
      one: 1,
      yes: true,
      zeroText: '0',
      nested: {},
      empty: {},
      items: [0, '', false, {}],
    });
  });

  it('errors keep their error_info in sparse mode', async () => {
    const pair = await twins();
    const response = await signedFetch(pair.sparse, {
      method: 'GET',
      uri: `/v1/meeting-rooms?operator_id=nobody&operator_id_type=1`,
      nowMs: now,
    });
    expect(response.status).toBe(400);
    expect(response.errorCode).toBe(190001);
  });
});
