import { z } from 'zod';
import type { RoomDetails } from '../wemeet/api';
import {
  idSchema,
  meetingFields,
  roomSchema,
  textOrEmpty as text,
  tokenSchema,
  toMeeting,
} from '../wemeet/schemas';
import type { SignInConfig, WhoAmI } from './contract';

/**
 * The relay's answers (contract.ts), checked as strictly as the direct client checks
 * Tencent's: IDs are decimal strings (a JSON number is accepted only while it is a safe
 * integer, and leaves as a string: json.ts already turned an unsafe one into its digits), and
 * what is missing reads as the direct client reads Tencent's omitted fields.
 */

const nullableInt = z
  .int()
  .nullish()
  .transform((n) => n ?? null);

export const roomsAnswerSchema = z.object({
  rooms: z.array(roomSchema),
  fetched_at: z.string().optional(),
});

export const roomAnswerSchema = z.object({
  room: z.object({
    meeting_room_id: idSchema,
    meeting_room_name: text,
    city: text,
    building: text,
    floor: text,
    participant_number: nullableInt,
    meeting_room_status: nullableInt,
    is_allow_call: z
      .boolean()
      .nullish()
      .transform((b) => b ?? null),
  }) satisfies z.ZodType<RoomDetails>,
});

/**
 * The direct client's meeting (wemeet/schemas.ts), but for the join URL and role: the relay
 * sends the Meeting it read, where an absent one is null (contract.ts).
 */
const meetingSchema = z
  .object({
    ...meetingFields,
    join_url: z.string().nullish(),
    join_meeting_role: z.string().nullish(),
  })
  .transform(toMeeting);

export const meetingsAnswerSchema = z.object({ meetings: z.array(meetingSchema) });
export const meetingAnswerSchema = z.object({ meeting: meetingSchema.nullable() });

/** invite_id is the server's opaque token: a non-empty string (an integer kept as digits). */
export const roomCallAnswerSchema = z.object({
  invite_id: tokenSchema,
  status: nullableInt,
});

export const callInfoAnswerSchema = z.object({
  status: z.int(),
  response_time: z.string().nullish(),
});

/** cancel answers 204 (read as {}); any object is accepted. */
export const cancelAnswerSchema = z.object({});

export const whoAmISchema = z.object({
  operator_id: z.string().min(1).max(128),
  via: z.enum(['oidc', 'token']),
  expires_at: z.string().nullable(),
}) satisfies z.ZodType<WhoAmI>;

export const signInConfigSchema = z.object({
  oidc: z
    .object({
      issuer: z.string().min(1),
      client_id: z.string().min(1),
      scopes: z.array(z.string()),
      // Google's installed-app clients only (contract.ts); kept, or their sign-in would fail.
      client_secret: z.string().optional(),
    })
    // Left out rather than undefined when absent (the contract's optional field).
    .transform(({ client_secret, ...rest }) =>
      client_secret === undefined ? rest : { ...rest, client_secret },
    )
    .nullable(),
  tokens: z.boolean(),
}) satisfies z.ZodType<SignInConfig>;
