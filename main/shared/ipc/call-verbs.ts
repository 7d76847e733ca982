/** The IPC contract's invite (call) verbs and their payloads (assembled in contract.ts). */
import { z } from 'zod';
import { historyEntrySchema } from '../model/history-schema';
import { ipcErrorSchema } from './ipc-error';
import { meetingSummarySchema } from './meeting-verbs';
import { addressFields, favoriteId, none, roomFields } from './shapes';

const callTargetViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('room'),
    meetingRoomId: z.string(),
    name: z.string(),
    location: z.string(),
  }),
  z.object({
    kind: z.literal('mra'),
    protocol: z.enum(['sip', 'h323']),
    dialString: z.string(),
    label: z.string().nullable(),
  }),
]);
export type CallTargetView = z.output<typeof callTargetViewSchema>;

const callPhaseSchema = z.enum([
  'resolving', // finding the meeting
  'calling', // room-call sent
  'checking', // room-call's reply was lost: reading the call's status to learn what happened
  'ringing',
  'accepted',
  'rejected',
  'no-answer',
  'ended', // joined-or-cancelled / left: the server's status 5 or 6
  'cancelling',
  'cancelled',
  'timed-out', // no settled status before the deadline
  'unconfirmed', // the reply was lost and the status could not be read: it may be ringing
  'failed',
]);
export type CallPhase = z.output<typeof callPhaseSchema>;

/** One invite as the windows see it; pushed as `callProgress` on every change. */
export const callViewSchema = z.object({
  callId: z.string(),
  target: callTargetViewSchema,
  favoriteId: z.string().nullable(),
  meeting: meetingSummarySchema.nullable(),
  phase: callPhaseSchema,
  /** True once nothing will change any more. */
  settled: z.boolean(),
  error: ipcErrorSchema.nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type CallView = z.output<typeof callViewSchema>;

/** Who to call: a saved favourite, or a room or address picked in the picker. */
const callRequestSchema = z.union([
  z.object({ favoriteId }).strict(),
  z.object({ room: z.object(roomFields).strict() }).strict(),
  z.object({ mra: z.object(addressFields).strict() }).strict(),
]);

/** Invites: started, cancelled, listed, and the history of past ones. */
export const callVerbs = {
  /**
   * One call per click: while a call to the same target is still in flight, the existing
   * call is returned instead of ringing the room twice.
   */
  startCall: { request: callRequestSchema, response: callViewSchema },
  cancelCall: {
    request: z.object({ callId: z.string().min(1).max(64) }).strict(),
    response: callViewSchema,
  },
  listCalls: { request: none, response: z.array(callViewSchema) },
  listHistory: { request: none, response: z.array(historyEntrySchema) },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
