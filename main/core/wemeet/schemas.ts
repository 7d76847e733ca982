import { z } from 'zod';
import type { Meeting, Room } from './api';
import { ROOM_STATUSES, type RoomStatus } from '../../shared/rules/room-status';
import type { CallState } from './types';

/**
 * The shape of every response RoomCall reads, as liberal as Tencent's own SDKs: their models
 * (wemeet-openapi-sdk-go, service/meeting_room/model.go) make every response field an
 * optional pointer with `json:",omitempty"`, so a Go service leaves out every 0, false, "" and
 * empty list. An absent number therefore reads as 0, an absent boolean as false, an absent
 * string as "" and an absent list as []. Unknown fields are dropped (z.object strips them), so
 * new server fields neither break parsing nor leak into our types. Only what leaves nothing to
 * work with is refused: a room-call without invite_id, a meeting without meeting_id.
 *
 * The input is what json.ts produced: unsafe integers already arrive as digit strings, so an
 * ID is either a digit string or a safe integer, and always leaves as a string.
 */

const DIGITS = /^\d+$/;

/** meeting_id, meeting_room_id, meeting_code, start_time, end_time: digit strings out. */
export const idSchema = z
  .union([z.string().regex(DIGITS, 'expected a decimal ID'), z.int().nonnegative()])
  .transform((value) => (typeof value === 'string' ? value : String(value)));

/** An opaque token the server made (invite_id): any non-empty string, or an integer. */
export const tokenSchema = z
  .union([z.string().min(1), z.int()])
  .transform((value) => (typeof value === 'string' ? value : String(value)));

/** A count or page number; absent (omitempty's 0) or null is 0. */
const countSchema = z
  .int()
  .nonnegative()
  .nullish()
  .transform((n) => n ?? 0);
/** Any integer field whose zero value was left out. */
const intOrZero = z
  .int()
  .nullish()
  .transform((n) => n ?? 0);
const boolOrFalse = z
  .boolean()
  .nullish()
  .transform((b) => b ?? false);
export const textOrEmpty = z
  .string()
  .nullish()
  .transform((t) => t ?? '');

/** Empty lists are left out (omitempty) or sent as null; both mean "none". */
function listOf<T extends z.ZodType>(item: T) {
  return z
    .array(item)
    .nullish()
    .transform((list) => list ?? []);
}

/** A room of GET /v1/meeting-rooms; also what the directory cache stores. */
export const roomSchema = z.object({
  meeting_room_id: idSchema,
  meeting_room_name: textOrEmpty,
  meeting_room_location: textOrEmpty,
  account_new_type: z.int().optional(),
  account_type: z.int().optional(),
  participant_number: z.int().optional(),
  meeting_room_status: intOrZero,
  scheduled_status: z.int().optional(),
  is_allow_call: boolOrFalse,
}) satisfies z.ZodType<Room>;

/**
 * A list entry may lack meeting_room_id like any other field (the SDK's model has it
 * optional); such a room cannot be called or remembered, so it is left out of the list rather
 * than failing the whole listing.
 */
const roomEntrySchema = roomSchema.extend({ meeting_room_id: idSchema.optional() });

export const roomsPageSchema = z.object({
  total_count: countSchema,
  total_page: countSchema,
  current_page: countSchema,
  current_size: countSchema,
  meeting_room_list: listOf(roomEntrySchema).transform((rooms) => rooms.filter(hasRoomId)),
});
export type RoomsPage = z.output<typeof roomsPageSchema>;

function hasRoomId<R extends { meeting_room_id?: string | undefined }>(
  room: R,
): room is R & { meeting_room_id: string } {
  return room.meeting_room_id !== undefined;
}

export const roomDetailsSchema = z.object({
  basic_info: z
    .object({
      meeting_room_id: idSchema.optional(),
      meeting_room_name: textOrEmpty,
      city: textOrEmpty,
      building: textOrEmpty,
      floor: textOrEmpty,
      participant_number: z.int().optional(),
    })
    // prefault, not default: an absent basic_info still gets its fields' defaults.
    .prefault({}),
  hardware_info: z.object({ meeting_room_status: intOrZero }).optional(),
  is_allow_call: boolOrFalse,
});

/** The SDK's model has only invite_id; the doc adds status (2 inviting, 5 failed). */
export const roomCallSchema = z.object({
  invite_id: tokenSchema,
  status: z.int().optional(),
});

/** Cancel answers `{}`; anything object-shaped is accepted. */
export const cancelRoomCallSchema = z.object({});

/** status absent is omitempty's 0: no answer (the call timed out after 60 s). */
export const roomCallInfoSchema = z.object({
  status: intOrZero,
  response_time: z.string().optional(),
});

/**
 * A meeting of the list or of a code lookup. Only the IDs and times are needed to call into it;
 * the SDKs model subject and status as optional and Go's omitempty leaves an empty one out
 * (reference §4, "Optional fields"), so a meeting with an empty subject comes without one and
 * must not make the whole page unreadable: absent reads as "".
 */
export const meetingFields = {
  subject: textOrEmpty,
  meeting_id: idSchema,
  meeting_code: idSchema,
  start_time: idSchema,
  end_time: idSchema,
  status: textOrEmpty,
  join_url: z.string().optional(),
  join_meeting_role: z.string().optional(),
};

/** A meeting as read (from Tencent or the relay): an absent join URL or role is null. */
export function toMeeting(
  m: Omit<Meeting, 'join_url' | 'join_meeting_role'> & {
    readonly join_url?: string | null | undefined;
    readonly join_meeting_role?: string | null | undefined;
  },
): Meeting {
  return {
    meeting_id: m.meeting_id,
    meeting_code: m.meeting_code,
    subject: m.subject,
    start_time: m.start_time,
    end_time: m.end_time,
    status: m.status,
    join_url: m.join_url ?? null,
    join_meeting_role: m.join_meeting_role ?? null,
  };
}

export const meetingSchema = z.object(meetingFields).transform(toMeeting);

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

/** meeting_room_status integer → RoomStatus ('unknown' for anything undocumented). */
export function roomStatusFromCode(code: number): RoomStatus {
  const status = Number.isInteger(code) ? ROOM_STATUSES[code] : undefined;
  return status === undefined || status === 'unknown' ? 'unknown' : status;
}
