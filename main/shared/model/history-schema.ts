import { z } from 'zod';
import { MAX_HISTORY } from '../rules/history-limit';

/**
 * Recent invites' data model, on its own so the IPC contract can share it: zod and nothing
 * else (no Node, no file access). The store is main/core/store/history.ts.
 */

export { MAX_HISTORY };

export const historyTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('room'),
    meetingRoomId: z.string().min(1).max(128),
    /** meeting_room_name at the time, for display after the room is renamed or gone. */
    name: z.string().max(200).nullable().default(null),
  }),
  z.object({
    kind: z.literal('mra'),
    protocol: z.enum(['sip', 'h323']),
    dialString: z.string().min(1).max(255),
  }),
]);

export const historyMeetingSchema = z.object({
  meetingId: z.string().regex(/^\d{1,24}$/),
  meetingCode: z.string().max(32).nullable().default(null),
  subject: z.string().max(300).nullable().default(null),
});

/**
 * `invited` until the call settles; then one of the room-call-info states, `cancelled` (the
 * user hung up first), `failed` (the invite itself was refused; `detail` says why) or
 * `unconfirmed` (room-call's reply was lost and the status could not tell: it may have rung).
 */
const historyOutcomeSchema = z.enum([
  'invited',
  'ringing',
  'accepted',
  'rejected',
  'no-answer',
  'not-called',
  'joined-or-cancelled',
  'left',
  'unknown',
  'cancelled',
  'failed',
  'unconfirmed',
]);

export const historyEntrySchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** ISO 8601, UTC. */
  at: z.iso.datetime({ offset: true }),
  target: historyTargetSchema,
  meeting: historyMeetingSchema,
  outcome: historyOutcomeSchema,
  /** A short reason for people (an error kind and code); never a secret or a raw response. */
  detail: z.string().max(200).nullable().default(null),
});

export const historyFileSchema = z.object({
  // A longer hand-edited list is cut, not refused.
  entries: z
    .array(historyEntrySchema)
    .default([])
    .transform((entries) => entries.slice(0, MAX_HISTORY)),
});

export type HistoryTarget = z.output<typeof historyTargetSchema>;
export type HistoryMeeting = z.output<typeof historyMeetingSchema>;
export type HistoryOutcome = z.output<typeof historyOutcomeSchema>;
export type HistoryEntry = z.output<typeof historyEntrySchema>;
