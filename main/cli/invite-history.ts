import { InviteError } from '../core/invite/errors';
import type { InviteEvent, InviteOutcome } from '../core/invite/types';
import type { HistoryStore } from '../core/store/history';
import type { Meeting } from '../core/wemeet/api';
import { WemeetError } from '../core/wemeet/errors';
import type { CallTarget } from '../core/wemeet/types';
import type { Output } from './output';
import type { HistoryEntry, HistoryOutcome } from '../shared/model/history-schema';
import { calledBefore } from '../core/invite/called-before';
import { entryOpenedBy, historyMeeting } from '../core/invite/history-entry';

/**
 * Writes an invite into the recent-invites history as it happens: an entry once room-call has
 * answered (so it is there even if the CLI is killed while waiting), its outcome at the end.
 * A history that cannot be written costs a warning, never the invite's exit code.
 */
export class InviteHistory {
  readonly #history: HistoryStore;
  readonly #output: Output;
  readonly #target: CallTarget;
  readonly #name: string | null;
  #meeting: Meeting | null = null;
  #entry: Promise<HistoryEntry | null> | null = null;
  /** room-call sent and not answered yet. */
  #inFlight = false;

  constructor(history: HistoryStore, output: Output, target: CallTarget, name: string | null) {
    this.#history = history;
    this.#output = output;
    this.#target = target;
    this.#name = name;
  }

  /** For the invite's onProgress. */
  observe(event: InviteEvent): void {
    if (event.type === 'calling') {
      this.#meeting = event.meeting;
      this.#inFlight = true;
    }
    if (event.type === 'called' || event.type === 'unconfirmed' || event.type === 'failed') {
      this.#inFlight = false;
    }
    const opened = entryOpenedBy(event);
    if (opened !== null) this.#entry = this.#record(opened, null);
  }

  /** For the invite's checkFirst: this target was called into this meeting before. */
  async calledBefore(meeting: Meeting): Promise<boolean> {
    const { value } = await this.#history.load();
    return calledBefore(value, meeting.meeting_id, this.#target);
  }

  /** The meeting room-call was sent into while its reply is awaited, else null. */
  callInFlight(): Meeting | null {
    return this.#inFlight ? this.#meeting : null;
  }

  /** Stopped with room-call in flight: the call is recorded as unconfirmed. */
  async unconfirmed(): Promise<void> {
    this.#entry ??= this.#record('unconfirmed', null);
    await this.#entry;
  }

  /** Resolves once everything is written: the CLI must not exit with a write in flight. */
  async finished(outcome: InviteOutcome): Promise<void> {
    const outcomeWord = historyOutcome(outcome);
    if (outcomeWord === null) await this.#entry;
    else await this.#settle(outcomeWord, null);
  }

  /**
   * A failed invite is history once a call was attempted: room-call refused (nothing rang, but
   * the user tried) or the call placed and then lost from sight. A meeting that could not be
   * found never reached a room, so it is not recorded.
   */
  async failed(error: unknown): Promise<void> {
    if (!(error instanceof InviteError) || this.#meeting === null) return;
    const code = error.cause instanceof WemeetError ? error.cause.code : null;
    const detail = code === null ? error.kind : `${error.kind}, error ${code}`;
    if (this.#entry === null) this.#entry = this.#record('failed', detail);
    else await this.#settle('failed', detail);
    await this.#entry;
  }

  async #settle(outcome: HistoryOutcome, detail: string | null): Promise<void> {
    const entry = await this.#entry;
    if (entry === null) return;
    try {
      await this.#history.setOutcome(entry.id, outcome, detail);
    } catch (error) {
      this.#warn(error);
    }
  }

  #record(outcome: HistoryOutcome, detail: string | null): Promise<HistoryEntry | null> {
    const meeting = this.#meeting;
    if (meeting === null) return Promise.resolve(null);
    const target =
      this.#target.kind === 'room' ? { ...this.#target, name: this.#name } : this.#target;
    return this.#history
      .record({ target, meeting: historyMeeting(meeting), outcome, detail })
      .catch((error: unknown) => {
        this.#warn(error);
        return null;
      });
  }

  #warn(error: unknown): void {
    const why = error instanceof Error ? error.message : 'unknown error';
    this.#output.warn(`The invite could not be written to the history: ${why}`);
  }
}

/** How an outcome reads in the history; null when the entry's 'invited' already says it. */
function historyOutcome(outcome: InviteOutcome): HistoryOutcome | null {
  switch (outcome.kind) {
    case 'placed':
      return outcome.replyLost ? 'invited' : null;
    case 'settled':
      return outcome.state;
    case 'cancelled':
      return 'cancelled';
    case 'timed-out':
      return outcome.lastInfo?.state ?? 'unknown';
    case 'unconfirmed':
      return 'unconfirmed';
    case 'not-cancellable':
      return outcome.lastInfo?.state ?? 'unconfirmed';
    // Nothing was sent, so no entry was made.
    case 'already':
      return null;
  }
}
