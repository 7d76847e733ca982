import { z } from 'zod';
import type { Meeting, Room, RoomStatus } from './api';
import type { CallState } from './types';

/**
 * The shape of every response RoomCall reads. Strict on the fields we use, lenient on the
 * rest: z.object drops unknown keys, so new server fields neither break parsing nor leak into
 * our types. The input is what json.ts produced: unsafe integers already arrive as digit
 * strings, so an ID is either a digit string or a safe integer, and always leaves as a string.
 */

const DIGITS = /^\d+$/;

/** meeting_id, meeting_room_id, meeting_code, start_time, end_time: digit strings out. */
export const idSchema = z
  .union([z.string().regex(DIGITS, 'expected a decimal ID'), z.int().nonnegative()])
  .transform((value) => (typeof value === 'string' ? value : String(value)));

/** An opaque token the server made (invite_id): any non-empty string, or an integer. */
const tokenSchema = z
  .union([z.string().min(1), z.int()])
  .transform((value) => (typeof value === 'string' ? value : String(value)));

const countSchema = z.int().nonnegative();

/** Empty lists are sometimes left out or null; both mean "none". */
function listOf<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((list) => list ?? []);
}

export const roomSchema = z.object({
  meeting_room_id: idSchema,
  meeting_room_name: z.string(),
  meeting_room_location: z.string().default(''),
  account_new_type: z.int().optional(),
  account_type: z.int().optional(),
  participant_number: z.int().optional(),
  meeting_room_status: z.int(),
  scheduled_status: z.int().optional(),
  is_allow_call: z.boolean(),
}) satisfies z.ZodType<Room>;

export const roomsPageSchema = z.object({
  total_count: countSchema,
  total_page: countSchema,
  current_page: countSchema,
  current_size: countSchema,
  meeting_room_list: listOf(roomSchema),
});
export type RoomsPage = z.output<typeof roomsPageSchema>;

export const roomDetailsSchema = z.object({
  basic_info: z.object({
    meeting_room_id: idSchema.optional(),
    meeting_room_name: z.string(),
    city: z.string().default(''),
    building: z.string().default(''),
    floor: z.string().default(''),
    participant_number: z.int().optional(),
  }),
  hardware_info: z.object({ meeting_room_status: z.int().optional() }).optional(),
  is_allow_call: z.boolean().optional(),
});
export type RoomDetailsBody = z.output<typeof roomDetailsSchema>;

export const roomCallSchema = z.object({
  invite_id: tokenSchema,
  status: z.int().optional(),
});

/** Cancel answers `{}`; anything object-shaped is accepted. */
export const cancelRoomCallSchema = z.object({});

export const roomCallInfoSchema = z.object({
  status: z.int(),
  response_time: z.string().optional(),
});

export const meetingSchema = z
  .object({
    subject: z.string(),
    meeting_id: idSchema,
    meeting_code: idSchema,
    start_time: idSchema,
    end_time: idSchema,
    status: z.string(),
    join_url: z.string().optional(),
    join_meeting_role: z.string().optional(),
  })
  .transform((m): Meeting => ({
    meeting_id: m.meeting_id,
    meeting_code: m.meeting_code,
    subject: m.subject,
    start_time: m.start_time,
    end_time: m.end_time,
    status: m.status,
    join_url: m.join_url ?? null,
    join_meeting_role: m.join_meeting_role ?? null,
  }));

export const meetingsSchema = z.object({
  meeting_number: countSchema,
  meeting_info_list: listOf(meetingSchema),
  remaining: countSchema.optional(),
  /**
   * The `pos` and `cursory` of the next page (Go SDK, wemeet_openapi/service/meetings/model.go,
   * V1MeetingsGet200Response: NextPos, NextCursory *int64): a start time in Unix seconds and a
   * last-modified time in Unix ms, kept as digits.
   */
  next_pos: idSchema.optional(),
  next_cursory: idSchema.optional(),
});
export type MeetingsPage = z.output<typeof meetingsSchema>;

/** Error codes sometimes arrive quoted; either way they become numbers (all are small). */
const codeSchema = z.union([
  z.int(),
  z
    .string()
    .regex(/^-?\d{1,15}$/)
    .transform(Number),
]);

export const errorBodySchema = z.object({
  error_info: z.object({
    error_code: codeSchema,
    new_error_code: codeSchema.optional(),
    message: z.string().optional(),
  }),
});
export type ErrorBody = z.output<typeof errorBodySchema>;

const CALL_STATES: readonly CallState[] = [
  'no-answer',
  'not-called',
  'accepted',
  'rejected',
  'ringing',
  'joined-or-cancelled',
  'left',
];

/** room-call-info's `status` integer → CallState ('unknown' for anything undocumented). */
export function callStateFromStatus(status: number): CallState {
  return CALL_STATES[status] ?? 'unknown';
}

const ROOM_STATUSES: readonly RoomStatus[] = [
  'not-activated',
  'not-bound',
  'idle',
  'in-use',
  'offline',
  'not-logged-in',
];

/** meeting_room_status integer → RoomStatus ('unknown' for anything undocumented). */
export function roomStatusFromCode(code: number): RoomStatus {
  return ROOM_STATUSES[code] ?? 'unknown';
}
