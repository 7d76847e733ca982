import { describe, expect, it } from 'vitest';
import { parseJsonLossless } from '../../main/core/wemeet/json';
import {
  callStateFromStatus,
  cancelRoomCallSchema,
  errorBodySchema,
  idSchema,
  meetingsSchema,
  roomCallInfoSchema,
  roomCallSchema,
  roomDetailsSchema,
  roomStatusFromCode,
  roomsPageSchema,
} from '../../main/core/wemeet/schemas';

const room = {
  meeting_room_id: '1234567890123456789',
  meeting_room_name: 'Everest',
  meeting_room_location: 'Floor 3',
  account_new_type: 1,
  account_type: 0,
  participant_number: 8,
  meeting_room_status: 2,
  scheduled_status: 0,
  is_allow_call: true,
};

describe('idSchema', () => {
  it.each([
    ['123', '123'],
    [123, '123'],
    [0, '0'],
    ['18446744073709551615', '18446744073709551615'],
    [Number.MAX_SAFE_INTEGER, '9007199254740991'],
  ])('%o → %o', (input, output) => {
    expect(idSchema.parse(input)).toBe(output);
  });

  it.each([
    ['unsafe number', 2 ** 53 + 2],
    ['fraction', 1.5],
    ['negative', -1],
    ['letters', '12a'],
    ['empty', ''],
    ['null', null],
    ['boolean', true],
  ])('refuses %s', (_name, input) => {
    expect(idSchema.safeParse(input).success).toBe(false);
  });
});

describe('roomsPageSchema', () => {
  const page = {
    total_count: 2,
    total_page: 1,
    current_page: 1,
    current_size: 2,
    meeting_room_list: [room, { ...room, meeting_room_id: 42 }],
  };

  it('parses a page, IDs as strings', () => {
    const parsed = roomsPageSchema.parse(page);
    expect(parsed.meeting_room_list.map((r) => r.meeting_room_id)).toEqual([
      '1234567890123456789',
      '42',
    ]);
    expect(parsed.meeting_room_list[0]).toEqual(room);
  });

  it('drops unknown fields at every level', () => {
    const parsed = roomsPageSchema.parse({
      ...page,
      extra: 1,
      meeting_room_list: [{ ...room, active_code: 'x', device: 'Rooms' }],
    });
    expect(parsed).not.toHaveProperty('extra');
    expect(parsed.meeting_room_list[0]).toEqual(room);
  });

  it('takes a missing or null list as empty, and fills a missing location', () => {
    const empty = { total_count: 0, total_page: 0, current_page: 1, current_size: 0 };
    expect(roomsPageSchema.parse(empty).meeting_room_list).toEqual([]);
    expect(roomsPageSchema.parse({ ...empty, meeting_room_list: null }).meeting_room_list).toEqual(
      [],
    );
    const noLocation: Record<string, unknown> = { ...room };
    delete noLocation.meeting_room_location;
    const parsed = roomsPageSchema.parse({ ...page, meeting_room_list: [noLocation] });
    expect(parsed.meeting_room_list[0]?.meeting_room_location).toBe('');
  });

  it.each([
    ['is_allow_call a string', { ...room, is_allow_call: 'true' }],
    ['status a string', { ...room, meeting_room_status: '2' }],
    ['id with letters', { ...room, meeting_room_id: 'abc' }],
    ['a negative count', { ...room }, { total_count: -1 }],
  ])('refuses a room with %s', (_name, bad, pageFields?: Record<string, number>) => {
    const body = { ...page, ...pageFields, meeting_room_list: [bad] };
    expect(roomsPageSchema.safeParse(body).success).toBe(false);
  });

  // What a Go service with json omitempty sends (the SDK's models): every 0, false, "" and
  // empty list left out.
  it('reads a sparse room as its zero values: status 0, not callable, empty texts', () => {
    const parsed = roomsPageSchema.parse({
      total_count: 1,
      total_page: 1,
      current_page: 1,
      current_size: 1,
      meeting_room_list: [{ meeting_room_id: '1234567890123456789' }],
    });
    expect(parsed.meeting_room_list).toEqual([
      {
        meeting_room_id: '1234567890123456789',
        meeting_room_name: '',
        meeting_room_location: '',
        meeting_room_status: 0,
        is_allow_call: false,
      },
    ]);
  });

  it('reads an empty sparse page ({}) as no rooms and zero totals', () => {
    expect(roomsPageSchema.parse({})).toEqual({
      total_count: 0,
      total_page: 0,
      current_page: 0,
      current_size: 0,
      meeting_room_list: [],
    });
    expect(roomsPageSchema.parse({ total_count: null, meeting_room_list: null })).toMatchObject({
      total_count: 0,
      meeting_room_list: [],
    });
  });

  it('leaves out a room without meeting_room_id (it cannot be called), keeps the others', () => {
    const noId: Record<string, unknown> = { ...room };
    delete noId.meeting_room_id;
    const parsed = roomsPageSchema.parse({ ...page, meeting_room_list: [noId, room] });
    expect(parsed.meeting_room_list).toEqual([room]);
  });
});

describe('roomDetailsSchema', () => {
  it('parses basic and hardware info', () => {
    const parsed = roomDetailsSchema.parse({
      basic_info: {
        meeting_room_name: 'Everest',
        city: 'Shenzhen',
        building: 'T1',
        floor: '3',
        participant_number: 8,
        desc: 'ignored',
      },
      hardware_info: { meeting_room_status: 4, device_model: 'x' },
      is_allow_call: false,
    });
    expect(parsed.basic_info).toEqual({
      meeting_room_name: 'Everest',
      city: 'Shenzhen',
      building: 'T1',
      floor: '3',
      participant_number: 8,
    });
    expect(parsed.hardware_info?.meeting_room_status).toBe(4);
    expect(parsed.is_allow_call).toBe(false);
  });

  it('reads absent fields, basic_info included, as their zero values', () => {
    expect(roomDetailsSchema.parse({ hardware_info: {} })).toEqual({
      basic_info: { meeting_room_name: '', city: '', building: '', floor: '' },
      hardware_info: { meeting_room_status: 0 },
      is_allow_call: false,
    });
    expect(roomDetailsSchema.parse({ basic_info: { city: 'x' } }).basic_info.city).toBe('x');
    expect(roomDetailsSchema.safeParse({ is_allow_call: 'yes' }).success).toBe(false);
  });
});

describe('room call schemas', () => {
  it('room-call: invite_id required, status optional', () => {
    expect(roomCallSchema.parse({ invite_id: 'inv-1', status: 2, x: 1 })).toEqual({
      invite_id: 'inv-1',
      status: 2,
    });
    expect(roomCallSchema.parse({ invite_id: 77 })).toEqual({ invite_id: '77' });
    // Without an invite_id the call can be neither cancelled nor told apart: unusable.
    expect(roomCallSchema.safeParse({ status: 2 }).success).toBe(false);
    expect(roomCallSchema.safeParse({}).success).toBe(false);
    expect(roomCallSchema.safeParse({ invite_id: '' }).success).toBe(false);
  });

  it('cancel: any object', () => {
    expect(cancelRoomCallSchema.parse({})).toEqual({});
    expect(cancelRoomCallSchema.parse({ anything: 1 })).toEqual({});
    expect(cancelRoomCallSchema.safeParse([]).success).toBe(false);
  });

  it('room-call-info: an absent status is 0, no answer', () => {
    expect(
      roomCallInfoSchema.parse({ status: 4, response_time: '2022/11/22 14:35:26', extra: 1 }),
    ).toEqual({ status: 4, response_time: '2022/11/22 14:35:26' });
    expect(roomCallInfoSchema.parse({ response_time: '2022/11/22 14:36:26' })).toEqual({
      status: 0,
      response_time: '2022/11/22 14:36:26',
    });
    expect(roomCallInfoSchema.parse({})).toEqual({ status: 0 });
    expect(callStateFromStatus(roomCallInfoSchema.parse({}).status)).toBe('no-answer');
    expect(roomCallInfoSchema.safeParse({ status: '4' }).success).toBe(false);
  });
});

describe('meetingsSchema', () => {
  const meetingText = (id: string, bare: boolean) =>
    `{"subject":"Weekly","meeting_id":${bare ? id : `"${id}"`},"meeting_code":"806146667",` +
    `"start_time":"1700000000","end_time":1700003600,"status":"MEETING_STATE_STARTED",` +
    `"join_url":"https://meeting.tencent.com/dm/abc","hosts":[{"userid":"x"}],"type":0}`;

  it.each([
    ['quoted 19 digits', '7567173273889276131', false],
    ['bare 19 digits', '7567173273889276131', true],
    ['bare 20 digits', '18446744073709551615', true],
  ])('keeps every digit of a %s meeting_id', (_name, id, bare) => {
    const text = `{"meeting_number":1,"meeting_info_list":[${meetingText(id, bare)}],"remaining":0}`;
    const parsed = meetingsSchema.parse(parseJsonLossless(text));
    expect(parsed.meeting_info_list).toEqual([
      {
        meeting_id: id,
        meeting_code: '806146667',
        subject: 'Weekly',
        start_time: '1700000000',
        end_time: '1700003600',
        status: 'MEETING_STATE_STARTED',
        join_url: 'https://meeting.tencent.com/dm/abc',
        join_meeting_role: null,
      },
    ]);
    expect(parsed.remaining).toBe(0);
  });

  it('keeps next_pos as digits', () => {
    const parsed = meetingsSchema.parse({ meeting_number: 0, remaining: 3, next_pos: 1700000000 });
    expect(parsed.next_pos).toBe('1700000000');
    expect(parsed.meeting_info_list).toEqual([]);
  });

  it('refuses a meeting_id that lost its integrity', () => {
    const broken = { meeting_number: 1, meeting_info_list: [{ meeting_id: 7.5e18 }] };
    expect(meetingsSchema.safeParse(broken).success).toBe(false);
  });
});

describe('errorBodySchema', () => {
  it('parses the error body, codes as numbers even when quoted', () => {
    expect(
      errorBodySchema.parse({
        error_info: { error_code: 190303, new_error_code: '200190303', message: 'bad' },
      }),
    ).toEqual({ error_info: { error_code: 190303, new_error_code: 200190303, message: 'bad' } });
    expect(errorBodySchema.safeParse({ error_info: {} }).success).toBe(false);
    expect(errorBodySchema.safeParse({}).success).toBe(false);
  });
});

describe('status mappings', () => {
  it.each([
    [0, 'no-answer'],
    [1, 'not-called'],
    [2, 'accepted'],
    [3, 'rejected'],
    [4, 'ringing'],
    [5, 'joined-or-cancelled'],
    [6, 'left'],
    [7, 'unknown'],
    [-1, 'unknown'],
  ] as const)('call status %i → %s', (status, state) => {
    expect(callStateFromStatus(status)).toBe(state);
  });

  it.each([
    [0, 'not-activated'],
    [1, 'not-bound'],
    [2, 'idle'],
    [3, 'in-use'],
    [4, 'offline'],
    [5, 'not-logged-in'],
    [9, 'unknown'],
  ] as const)('room status %i → %s', (code, status) => {
    expect(roomStatusFromCode(code)).toBe(status);
  });
});
