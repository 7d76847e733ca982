import { z } from 'zod';
import { callTargetSchema, roomIdSchema } from '../../core/input/dial-string';

/**
 * What each route accepts (contract.ts), checked before anything is sent. Objects strip
 * unknown fields: an `operator_id`, `userid` or `operator_id_type` a client adds is dropped
 * here and never reaches Tencent (the operator is the verified identity's). IDs stay strings.
 */

/** Decimal digits only, never a JSON number (19-digit IDs exceed 2^53). */
export const meetingIdSchema = z
  .string()
  .regex(/^\d{1,24}$/, 'a meeting ID is a string of 1 to 24 digits');

/** 9 digits; people type spaces and dashes (806-146-667), which are dropped. */
export const meetingCodeSchema = z
  .string()
  .max(40)
  .transform((text) => text.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{9}$/, 'a meeting code is 9 digits'));

export const inviteIdSchema = z
  .string()
  .regex(/^[\x21-\x7e]{1,128}$/, 'an invite ID is 1 to 128 visible ASCII characters');

export const roomIdParamSchema = roomIdSchema;

export const roomsQuerySchema = z.object({
  name: z.string().trim().max(200).optional(),
});

export const meetingsByCodeQuerySchema = z.object({ meeting_code: meetingCodeSchema });

export const roomCallBodySchema = z.object({
  meeting_id: meetingIdSchema,
  target: callTargetSchema,
});

export const cancelBodySchema = z.object({
  meeting_id: meetingIdSchema,
  target: callTargetSchema,
  invite_id: inviteIdSchema,
});

export const callInfoBodySchema = roomCallBodySchema;
