import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import {
  openJsonDocument,
  type JsonDocument,
  type JsonDocumentOptions,
  type LoadedDocument,
} from './json-document';
import { STORE_FILES } from './paths';

/**
 * Recent invites, newest first, at most MAX_HISTORY: what was called, into which meeting,
 * when, and how it ended. Order is the order of recording (not of `at`), so a clock that
 * jumps back cannot reshuffle the list.
 */

export const MAX_HISTORY = 100;

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
 * user hung up first) or `failed` (the invite itself was refused; `detail` says why).
 */
export const historyOutcomeSchema = z.enum([
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

export const HISTORY_VERSION = 1;

export interface NewHistoryEntry {
  readonly target: z.input<typeof historyTargetSchema>;
  readonly meeting: z.input<typeof historyMeetingSchema>;
  readonly outcome?: HistoryOutcome;
  readonly detail?: string | null;
  /** Defaults to now. */
  readonly at?: Date;
}

export interface HistoryStore {
  readonly file: string;
  load(): Promise<LoadedDocument<readonly HistoryEntry[]>>;
  /** Adds an entry at the top, dropping the oldest beyond MAX_HISTORY. */
  record(entry: NewHistoryEntry): Promise<HistoryEntry>;
  /** Sets how an invite ended; null when the entry has dropped off the list. */
  setOutcome(
    id: string,
    outcome: HistoryOutcome,
    detail?: string | null,
  ): Promise<HistoryEntry | null>;
  clear(): Promise<void>;
}

export interface HistoryOptions extends JsonDocumentOptions {
  readonly newId?: () => string;
}

type HistoryFile = z.output<typeof historyFileSchema>;

export function openHistory(options: HistoryOptions): HistoryStore {
  const document: JsonDocument<HistoryFile> = openJsonDocument(
    {
      name: 'recent invites',
      fileName: STORE_FILES.history,
      version: HISTORY_VERSION,
      schema: historyFileSchema,
    },
    options,
  );
  const makeId = options.newId ?? (() => randomBytes(6).toString('hex'));
  const now = options.now ?? (() => new Date());

  return {
    file: document.file,

    async load() {
      const loaded = await document.load();
      return { value: loaded.value.entries, readOnly: loaded.readOnly };
    },

    async record(input) {
      const entry = historyEntrySchema.parse({
        id: makeId(),
        at: (input.at ?? now()).toISOString(),
        target: input.target,
        meeting: input.meeting,
        outcome: input.outcome ?? 'invited',
        detail: input.detail ?? null,
      });
      await document.update((current) => ({
        entries: [entry, ...current.entries].slice(0, MAX_HISTORY),
      }));
      return entry;
    },

    async setOutcome(id, outcome, detail = null) {
      let updated: HistoryEntry | null = null;
      await document.update((current) => {
        const index = current.entries.findIndex((entry) => entry.id === id);
        const entry = current.entries[index];
        if (entry === undefined) return current;
        updated = { ...entry, outcome, detail };
        const entries = [...current.entries];
        entries[index] = updated;
        return { entries };
      });
      return updated;
    },

    async clear() {
      await document.update(() => ({ entries: [] }));
    },
  };
}
