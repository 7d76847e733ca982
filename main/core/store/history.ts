import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { openJsonDocument, type JsonDocumentOptions, type LoadedDocument } from './json-document';
import {
  historyEntrySchema,
  historyFileSchema,
  MAX_HISTORY,
  type HistoryEntry,
  type HistoryOutcome,
  type historyMeetingSchema,
  type historyTargetSchema,
} from '../../shared/model/history-schema';
import { STORE_FILES } from './paths';

/**
 * Recent invites, newest first, at most MAX_HISTORY: what was called, into which meeting,
 * when, and how it ended. Order is the order of recording (not of `at`), so a clock that
 * jumps back cannot reshuffle the list. The data model is main/shared/model/history-schema.ts.
 */

const HISTORY_VERSION = 1;

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

export function openHistory(options: HistoryOptions): HistoryStore {
  const document = openJsonDocument(
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
