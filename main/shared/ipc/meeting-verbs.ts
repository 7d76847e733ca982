/** The IPC contract's meeting verbs and their payloads (assembled in contract.ts). */
import { z } from 'zod';
import { ipcErrorSchema } from './ipc-error';
import { digits, none } from './shapes';

export const meetingSummarySchema = z.object({
  meetingId: digits(1, 24),
  meetingCode: z.string(),
  subject: z.string(),
  /** Unix seconds as decimal strings, as the API gives them; null when unknown. */
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  status: z.string(),
  inProgress: z.boolean(),
});
export type MeetingSummary = z.output<typeof meetingSummarySchema>;

/**
 * The meeting invites go into. `auto` follows the operator's in-progress meeting; `manual`
 * is one the person typed or picked, and sticks until cleared.
 */
export const currentMeetingSchema = z.object({
  state: z.enum(['unconfigured', 'loading', 'none', 'one', 'several', 'manual', 'error']),
  selected: meetingSummarySchema.nullable(),
  /** In-progress meetings found for the operator (several → the person chooses). */
  candidates: z.array(meetingSummarySchema),
  error: ipcErrorSchema.nullable(),
  /** ISO time of the last successful lookup. */
  checkedAt: z.string().nullable(),
});
export type CurrentMeeting = z.output<typeof currentMeetingSchema>;

/** The meeting invites go into: followed, typed, chosen or cleared. */
export const meetingVerbs = {
  getCurrentMeeting: { request: none, response: currentMeetingSchema },
  refreshCurrentMeeting: { request: none, response: currentMeetingSchema },
  /** What the person typed: a meeting code, ID or join link (parsed in main). */
  setMeeting: {
    request: z.object({ text: z.string().max(2000) }).strict(),
    response: currentMeetingSchema,
  },
  chooseMeeting: {
    request: z.object({ meetingId: digits(1, 24) }).strict(),
    response: currentMeetingSchema,
  },
  /** Back to following the operator's in-progress meeting. */
  clearMeeting: { request: none, response: currentMeetingSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
