import { z } from 'zod';
import { parseCallTarget, parseRoomId } from '../../core/input/dial-string';
import type { Result } from '../../core/result';
import type { CallTarget } from '../../core/wemeet/types';

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

/** A zod transform over one of the core's parsers: the same rule and words as the app and CLI. */
function parsed<I, T>(parse: (value: I) => Result<T>) {
  return (value: I, ctx: z.RefinementCtx): T => {
    const result = parse(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.message });
    return z.NEVER;
  };
}

export const roomIdParamSchema = z.string().transform(parsed((text: string) => parseRoomId(text)));

/** A CallTarget as the contract sends it, re-checked by the core's dial-string rules. */
const callTargetSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('room'), meetingRoomId: z.string() }),
    z.object({ kind: z.literal('mra'), protocol: z.enum(['sip', 'h323']), dialString: z.string() }),
  ])
  .transform(
    parsed((value): Result<CallTarget> =>
      parseCallTarget(
        value.kind === 'room'
          ? { room: value.meetingRoomId }
          : { [value.protocol]: value.dialString },
      ),
    ),
  );

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
