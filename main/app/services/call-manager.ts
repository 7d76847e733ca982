import { randomUUID } from 'node:crypto';
import { calledBefore } from '../../core/invite/called-before';
import { entryOpenedBy, historyMeeting } from '../../core/invite/history-entry';
import { startInvite } from '../../core/invite/invite';
import type { Clock } from '../../core/invite/clock';
import type { Invite, InviteEvent, InviteOptions } from '../../core/invite/types';
import type { HistoryStore, NewHistoryEntry } from '../../core/store/history';
import type { HistoryOutcome } from '../../shared/model/history-schema';
import type { Meeting } from '../../core/wemeet/api';
import type { CallView, ParsedRequestOf } from '../../shared/ipc/contract';
import { isoTime, type AppClock } from './clock';
import {
  historyDetail,
  historyOutcome,
  isFinalPhase,
  phaseForEvent,
  type PhaseChange,
} from './call-phases';
import { resolveCallTarget } from './call-target';
import { CallNotFoundError } from './errors';
import type { FavoritesService } from './favorites-service';
import type { Session } from './session';
import { historyTarget, meetingSummary, type NamedTarget } from './views';
import { targetKey } from '../../shared/rules/targets';
import type { UiLanguage } from '../../shared/rules/language';

/** Invite knobs tests turn (shorter deadlines); the app uses the core's defaults. */
export type InviteTuning = Pick<
  InviteOptions,
  'deadlineMs' | 'notCalledGraceMs' | 'maxPollFailures' | 'isTransientError'
>;

export interface CallManagerOptions {
  readonly session: Pick<Session, 'requireAccount'>;
  readonly favorites: Pick<FavoritesService, 'find'>;
  readonly meeting: { selectedMeeting(): Meeting };
  readonly history: HistoryStore;
  readonly clock: AppClock;
  /** The invite's polling clock; core's monotonic systemClock by default. */
  readonly inviteClock?: Clock | undefined;
  /** settings.pollIntervalMs. */
  readonly pollIntervalMs: () => Promise<number>;
  /** The UI's language, for the input parsers' messages; English when not given. */
  readonly language?: (() => Promise<UiLanguage>) | undefined;
  readonly invite?: InviteTuning | undefined;
  /** Every change of every call (callProgress). */
  readonly onChange: (view: CallView) => void;
  /** Once per call, when it has settled: notifications, the tray icon, updates. */
  readonly onSettled?: ((view: CallView) => void) | undefined;
  readonly newId?: (() => string) | undefined;
}

interface CallRecord {
  view: CallView;
  readonly key: string;
  readonly invite: Invite;
  /** What its recent-invites entry says of the target and the meeting. */
  readonly entry: Pick<NewHistoryEntry, 'target' | 'meeting'>;
  /**
   * The recent-invites entry's id: null until room-call was sent (no entry for a click that
   * rang nothing), then its id, or null inside if writing it failed.
   */
  historyId: Promise<string | null> | null;
  /** room-call was sent or attempted ('calling'): a failure from then on is history. */
  attempted: boolean;
  /** Settles when the call and its history entry are finished. */
  done: Promise<void>;
  /** The settling change, held back until the history has the outcome. */
  final: PhaseChange | null;
}

/** Settled calls kept for listCalls, newest first. */
const KEEP_SETTLED = 50;

/**
 * Room calls, one click each: startCall places a call through the core invite use-case and
 * follows it until it settles, pushing a CallView on every change and recording it in the
 * recent invites. While a call to a target is in flight, starting it again returns that call
 * instead of ringing the room twice.
 *
 * Recent invites list the room-calls sent, as the CLI's (main/cli/invite-history.ts): an entry
 * once room-call answered or its reply was lost, or once it was refused. A click that found the
 * target already ringing or in the meeting sent nothing, and one cancelled before room-call
 * left rang nothing: neither writes an entry (the earlier call's entry is already there, and
 * a second one for the same room and meeting would only repeat it).
 */
export class CallManager {
  readonly #options: CallManagerOptions;
  readonly #calls = new Map<string, CallRecord>();
  readonly #inFlight = new Map<string, string>();

  constructor(options: CallManagerOptions) {
    this.#options = options;
  }

  async start(request: ParsedRequestOf<'startCall'>): Promise<CallView> {
    const lang = (await this.#options.language?.()) ?? 'en';
    const named = await resolveCallTarget(request, this.#options.favorites, lang);
    const existing = this.#existing(named);
    if (existing !== null) return existing;
    // Not set up comes before "no meeting": it is what the person has to fix first.
    const { api } = await this.#options.session.requireAccount();
    const meeting = this.#options.meeting.selectedMeeting();
    const pollIntervalMs = await this.#options.pollIntervalMs();
    // Checked again after the awaits: a second click may have started the call meanwhile.
    // From here to registering the call nothing awaits, so two starts cannot both pass.
    const raced = this.#existing(named);
    if (raced !== null) return raced;

    const callId = (this.#options.newId ?? randomUUID)();
    const now = isoTime(this.#options.clock);
    const favoriteId = 'favoriteId' in request ? request.favoriteId : null;
    const key = targetKey(named.target);
    // Called into this meeting before (this run or the recent invites): read the status
    // first, so a room ringing or in the meeting is not rung a second time.
    const checkFirst = async (): Promise<boolean> =>
      this.#calledHere(key, meeting.meeting_id) ||
      calledBefore((await this.#options.history.load()).value, meeting.meeting_id, named.target);
    const view: CallView = {
      callId,
      target: named.view,
      favoriteId,
      meeting: meetingSummary(meeting),
      phase: 'calling',
      settled: false,
      error: null,
      startedAt: now,
      updatedAt: now,
    };
    const invite = startInvite(
      api,
      { meeting: { kind: 'resolved', meeting }, target: named.target },
      {
        ...this.#options.invite,
        wait: true,
        pollIntervalMs,
        checkFirst,
        ...(this.#options.inviteClock === undefined ? {} : { clock: this.#options.inviteClock }),
        onProgress: (event) => {
          this.#onEvent(callId, event);
        },
      },
    );
    const record: CallRecord = {
      view,
      key,
      invite,
      entry: { target: historyTarget(named.view), meeting: historyMeeting(meeting) },
      historyId: null,
      attempted: false,
      done: Promise.resolve(),
      final: null,
    };
    // The outcome is saved before the settled view goes out: a window that reloads the recent
    // invites on it never sees "Invited" for a call that has ended.
    record.done = invite.done
      .then(
        async (outcome) => this.#recordOutcome(record, historyOutcome(outcome), null),
        async () => {
          const error = record.final?.error ?? null;
          await this.#recordOutcome(record, 'failed', error === null ? null : historyDetail(error));
        },
      )
      .finally(() => {
        if (record.final !== null && !record.view.settled) this.#update(record, record.final);
      });
    this.#calls.set(callId, record);
    this.#inFlight.set(key, callId);
    this.#prune();
    this.#options.onChange(view);
    return view;
  }

  /** Stops ringing; a settled call is returned as it is. */
  cancel(callId: string): CallView {
    const record = this.#calls.get(callId);
    if (record === undefined) throw new CallNotFoundError(callId);
    if (record.view.settled || record.final !== null) return record.view;
    record.invite.cancel();
    if (record.view.phase !== 'cancelling') this.#update(record, { phase: 'cancelling' });
    return record.view;
  }

  /** Calls in flight and the most recent settled ones, newest first. */
  list(): CallView[] {
    return [...this.#calls.values()].map((record) => record.view).reverse();
  }

  /** True while any call is not settled: no restart for updates, the tray shows "calling". */
  busy(): boolean {
    return this.#inFlight.size > 0;
  }

  /** Resolves when every call and its history entry are done (tests, quitting). */
  async whenIdle(): Promise<void> {
    await Promise.all([...this.#calls.values()].map((record) => record.done));
  }

  /** Cancels every call in flight (quitting), then waits for them. */
  async close(): Promise<void> {
    for (const record of this.#calls.values()) {
      if (!record.view.settled) record.invite.cancel();
    }
    await this.whenIdle();
  }

  #existing(named: NamedTarget): CallView | null {
    const callId = this.#inFlight.get(targetKey(named.target));
    return callId === undefined ? null : (this.#calls.get(callId)?.view ?? null);
  }

  #onEvent(callId: string, event: InviteEvent): void {
    const record = this.#calls.get(callId);
    if (record === undefined) return;
    this.#noteSent(record, event);
    const change = phaseForEvent(event);
    if (change === null || record.view.settled) return;
    if (change.phase === record.view.phase && change.settled === record.view.settled) return;
    // Once cancel was asked, only a final phase replaces 'cancelling'.
    if (record.view.phase === 'cancelling' && !isFinalPhase(change.phase)) return;
    if (change.settled) {
      record.final = change;
      return;
    }
    this.#update(record, change);
  }

  /** Writes the recent-invites entry once room-call has gone out (see the class comment). */
  #noteSent(record: CallRecord, event: InviteEvent): void {
    if (event.type === 'calling') record.attempted = true;
    const opened = entryOpenedBy(event);
    if (opened !== null) record.historyId ??= this.#record(record, opened, null);
  }

  #record(
    record: CallRecord,
    outcome: HistoryOutcome,
    detail: string | null,
  ): Promise<string | null> {
    return this.#options.history.record({ ...record.entry, outcome, detail }).then(
      (entry) => entry.id,
      // A history file that cannot be written must not stop the call.
      () => null,
    );
  }

  /** A call to this target into this meeting is among this run's calls. */
  #calledHere(key: string, meetingId: string): boolean {
    return [...this.#calls.values()].some(
      (record) => record.key === key && record.view.meeting?.meetingId === meetingId,
    );
  }

  #update(
    record: CallRecord,
    change: Partial<Pick<CallView, 'phase' | 'settled' | 'error'>>,
  ): void {
    record.view = { ...record.view, ...change, updatedAt: isoTime(this.#options.clock) };
    if (record.view.settled && this.#inFlight.get(record.key) === record.view.callId) {
      this.#inFlight.delete(record.key);
    }
    this.#options.onChange(record.view);
    if (record.view.settled) this.#options.onSettled?.(record.view);
  }

  async #recordOutcome(
    record: CallRecord,
    outcome: HistoryOutcome,
    detail: string | null,
  ): Promise<void> {
    if (record.historyId === null) {
      // room-call was refused: nothing rang, but the person tried, so it is history. Any
      // other end without room-call sent ('already', cancelled first) rang nothing.
      if (outcome === 'failed' && record.attempted) {
        record.historyId = this.#record(record, outcome, detail);
        await record.historyId;
      }
      return;
    }
    const id = await record.historyId;
    if (id === null) return;
    await this.#options.history.setOutcome(id, outcome, detail).catch(() => null);
  }

  #prune(): void {
    const settled = [...this.#calls.values()].filter((record) => record.view.settled);
    for (const record of settled.slice(0, Math.max(0, settled.length - KEEP_SETTLED))) {
      this.#calls.delete(record.view.callId);
    }
  }
}
