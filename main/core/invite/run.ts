/**
 * One invite's steps: resolve the meeting, (check first,) call once, follow the call until it
 * settles, cancel on request. A reply room-call lost is followed through room-call-info, which
 * needs no invite_id, so a call that may ring is never reported as failed.
 */
import type { Meeting, RoomCallInfo, WemeetApi } from '../wemeet/api';
import { isTransient } from '../wemeet/errors';
import type { CallTarget } from '../wemeet/types';
import { systemClock, type Clock } from './clock';
import {
  callFailed,
  cancelFailed,
  InviteError,
  notCalledAfterLostReply,
  statusFailed,
  unexpected,
} from './errors';
import { alreadyState, isCallRefused, replyMayBeLost } from './lost-reply';
import { resolveMeeting } from './resolve';
import { settledState } from './states';
import type { InviteEvent, InviteOptions, InviteOutcome, InviteRequest } from './types';

export const INVITE_DEFAULTS = {
  pollIntervalMs: 2_000,
  deadlineMs: 75_000,
  notCalledGraceMs: 10_000,
  maxPollFailures: 5,
} as const;

/** room-call's `status` for a call that failed at once (2 means inviting). */
const ROOM_CALL_FAILED = 5;

const ABORTED = Symbol('aborted');

/** What the follow loop knows of the call: its invite_id, or the lost reply's cause. */
interface Placed {
  readonly meeting: Meeting;
  readonly target: CallTarget;
  readonly inviteId: string | null;
  /** Why room-call's reply is missing; undefined when it answered. */
  readonly lostReply?: unknown;
  readonly sentAt: number;
}

export class InviteRun {
  readonly #api: WemeetApi;
  readonly #request: InviteRequest;
  readonly #options: InviteOptions;
  readonly #signal: AbortSignal;
  readonly #emit: (event: InviteEvent) => void;
  readonly #clock: Clock;
  #meeting: Meeting | null = null;
  #inviteId: string | null = null;

  constructor(
    api: WemeetApi,
    request: InviteRequest,
    options: InviteOptions,
    signal: AbortSignal,
    emit: (event: InviteEvent) => void,
  ) {
    this.#api = api;
    this.#request = request;
    this.#options = options;
    this.#signal = signal;
    this.#emit = emit;
    this.#clock = options.clock ?? systemClock;
  }

  async start(): Promise<InviteOutcome> {
    try {
      return await this.#run();
    } catch (error) {
      throw error instanceof InviteError ? error : unexpected(error, this.#meeting, this.#inviteId);
    }
  }

  async #run(): Promise<InviteOutcome> {
    const meeting = await this.#resolve();
    if (meeting === null || this.#cancelRequested()) return this.#cancelledBeforeCall();
    const target = this.#request.target;

    if (await this.#shouldCheckFirst(meeting)) {
      const seen = await this.#alreadyThere(meeting, target);
      if (seen !== null) return seen;
      if (this.#cancelRequested()) return this.#cancelledBeforeCall();
    }

    this.#emit({ type: 'calling', meeting, target });
    const sentAt = this.#clock.now();
    // Sent exactly once, and not raced against cancel: its invite_id is what cancel needs.
    const placed = await attempt(this.#api.roomCall({ meetingId: meeting.meeting_id, target }));
    if (!placed.ok) return this.#afterNoReply(meeting, target, placed.error, sentAt);
    const { inviteId, status } = placed.value;
    this.#inviteId = inviteId;
    if (status === ROOM_CALL_FAILED) throw callFailed(meeting, undefined, inviteId, target);
    this.#emit({ type: 'called', inviteId, status });

    const call: Placed = { meeting, target, inviteId, sentAt };
    if (this.#cancelRequested()) return this.#cancelCall(call, null);
    if (this.#options.wait === false) {
      return { kind: 'placed', meeting, inviteId, info: null, replyLost: false };
    }
    return this.#follow(call);
  }

  async #shouldCheckFirst(meeting: Meeting): Promise<boolean> {
    const check = this.#options.checkFirst;
    if (typeof check !== 'function') return check === true;
    // A history that cannot be read must not stop the call: check, to be safe.
    return Promise.resolve(check(meeting)).catch(() => true);
  }

  /** checkFirst: the 'already' outcome (or, with wait, the followed call), else null to call. */
  async #alreadyThere(meeting: Meeting, target: CallTarget): Promise<InviteOutcome | null> {
    const read = await orAbort(this.#readStatus(meeting, target), this.#signal);
    // An unreadable status does not stop the call: the person asked for it.
    if (read === ABORTED || !read.ok) return null;
    const info = read.value;
    const state = alreadyState(info);
    if (state === null) return null;
    this.#emit({ type: 'already', info, state });
    if (state === 'ringing' && this.#options.wait !== false) {
      return this.#follow({ meeting, target, inviteId: null, sentAt: this.#clock.now() });
    }
    return { kind: 'already', state, meeting, info };
  }

  /** room-call threw: refused (10004, maybe explained by the status), or its reply was lost. */
  async #afterNoReply(
    meeting: Meeting,
    target: CallTarget,
    error: unknown,
    sentAt: number,
  ): Promise<InviteOutcome> {
    if (isCallRefused(error)) {
      const read = await this.#readStatus(meeting, target);
      const state = read.ok ? alreadyState(read.value) : null;
      if (read.ok && state !== null) {
        this.#emit({ type: 'already', info: read.value, state });
        return { kind: 'already', state, meeting, info: read.value };
      }
    }
    if (!replyMayBeLost(error)) throw callFailed(meeting, error, null, target);
    this.#emit({ type: 'unconfirmed', error });
    return this.#follow({ meeting, target, inviteId: null, lostReply: error, sentAt });
  }

  /** The meeting, or null when cancelled during the lookup. */
  async #resolve(): Promise<Meeting | null> {
    const wanted = this.#request.meeting;
    let meeting: Meeting;
    if (wanted.kind === 'resolved') {
      meeting = wanted.meeting;
    } else {
      if (this.#cancelRequested()) return null;
      this.#emit({ type: 'resolving', ref: wanted });
      const found = await orAbort(resolveMeeting(this.#api, wanted), this.#signal);
      if (found === ABORTED) return null;
      meeting = found;
    }
    this.#meeting = meeting;
    this.#emit({ type: 'resolved', meeting });
    return meeting;
  }

  /**
   * Polls room-call-info until the call settles, the deadline passes or cancel is asked. For a
   * lost reply without wait, only until the status shows the call (ringing or settled).
   */
  async #follow(call: Placed): Promise<InviteOutcome> {
    const { meeting, target, inviteId, sentAt } = call;
    const replyLost = 'lostReply' in call;
    const interval = this.#options.pollIntervalMs ?? INVITE_DEFAULTS.pollIntervalMs;
    const deadline = sentAt + (this.#options.deadlineMs ?? INVITE_DEFAULTS.deadlineMs);
    const grace = this.#options.notCalledGraceMs ?? INVITE_DEFAULTS.notCalledGraceMs;
    const maxFailures = this.#options.maxPollFailures ?? INVITE_DEFAULTS.maxPollFailures;
    const transient = this.#options.isTransientError ?? isTransient;
    let lastInfo: RoomCallInfo | null = null;
    let failures = 0;

    for (;;) {
      const remaining = deadline - this.#clock.now();
      if (remaining <= 0) return { kind: 'timed-out', meeting, inviteId, lastInfo, replyLost };
      await this.#clock.sleep(Math.min(interval, remaining), this.#signal);
      if (this.#cancelRequested()) return this.#cancelCall(call, lastInfo);

      const read = await orAbort(this.#readStatus(meeting, target), this.#signal);
      if (read === ABORTED) return this.#cancelCall(call, lastInfo);
      if (!read.ok) {
        failures += 1;
        this.#emit({ type: 'poll-failed', error: read.error, consecutiveFailures: failures });
        if (failures >= maxFailures || !transient(read.error)) {
          if (inviteId === null) {
            return { kind: 'unconfirmed', meeting, cause: call.lostReply ?? read.error, lastInfo };
          }
          throw statusFailed(meeting, inviteId, read.error, failures);
        }
        continue;
      }

      failures = 0;
      const info = read.value;
      const msSinceCall = this.#clock.now() - sentAt;
      const settled = settledState(info.state, msSinceCall, grace);
      // Report changes, and the settling read even when its status is a repeat ('not-called').
      if (lastInfo?.status !== info.status || settled !== null) {
        this.#emit({ type: 'state', info, settled: settled !== null, msSinceCall });
      }
      lastInfo = info;
      if (settled === 'not-called' && replyLost) {
        throw notCalledAfterLostReply(meeting, call.lostReply, target);
      }
      if (settled !== null) {
        return { kind: 'settled', state: settled, meeting, inviteId, info, replyLost };
      }
      if (this.#options.wait === false && info.state === 'ringing') {
        return { kind: 'placed', meeting, inviteId, info, replyLost };
      }
    }
  }

  #readStatus(meeting: Meeting, target: CallTarget): Promise<Attempt<RoomCallInfo>> {
    return attempt(this.#api.roomCallInfo({ meetingId: meeting.meeting_id, target }));
  }

  async #cancelCall(call: Placed, lastInfo: RoomCallInfo | null): Promise<InviteOutcome> {
    const { meeting, target, inviteId } = call;
    // Tencent's cancel-room-call needs the invite_id that only room-call's reply carries.
    if (inviteId === null) return { kind: 'not-cancellable', meeting, lastInfo };
    this.#emit({ type: 'cancelling', inviteId });
    const cancelled = await attempt(
      this.#api.cancelRoomCall({ meetingId: meeting.meeting_id, target, inviteId }),
    );
    if (!cancelled.ok) throw cancelFailed(meeting, inviteId, cancelled.error);
    return { kind: 'cancelled', meeting, inviteId, callCancelled: true };
  }

  /** A method, not a property read: TypeScript would keep a narrowing across awaits. */
  #cancelRequested(): boolean {
    return this.#signal.aborted;
  }

  #cancelledBeforeCall(): InviteOutcome {
    this.#emit({ type: 'cancelling', inviteId: null });
    return { kind: 'cancelled', meeting: this.#meeting, inviteId: null, callCancelled: false };
  }
}

type Attempt<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** A promise's outcome as a value, so each step decides what a failure means. */
function attempt<T>(promise: Promise<T>): Promise<Attempt<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Settles with the promise, or with ABORTED as soon as the signal aborts (the promise is left to settle unobserved). */
function orAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      resolve(ABORTED);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
