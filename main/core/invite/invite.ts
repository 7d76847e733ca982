/**
 * The invite use-case: resolve the meeting, call the room once, follow the call until it
 * settles, cancel on request. Plain Node: no Electron, no console; progress goes out as
 * events, to a callback and to async iterators.
 */
import { systemClock, type Clock } from './clock';
import { callFailed, cancelFailed, InviteError, statusFailed, unexpected } from './errors';
import { resolveMeeting } from './resolve';
import { settledState } from './states';
import type { Invite, InviteEvent, InviteOptions, InviteOutcome, InviteRequest } from './types';
import type { Meeting, RoomCallInfo, WemeetApi } from '../wemeet/api';
import { isTransient } from '../wemeet/errors';
import type { CallTarget } from '../wemeet/types';

export const INVITE_DEFAULTS = {
  pollIntervalMs: 2_000,
  deadlineMs: 75_000,
  notCalledGraceMs: 10_000,
  maxPollFailures: 5,
} as const;

/** room-call's `status` for a call that failed at once (2 means inviting). */
const ROOM_CALL_FAILED = 5;

/** Starts an invite at once; see Invite for how to follow and cancel it. */
export function startInvite(
  api: WemeetApi,
  request: InviteRequest,
  options: InviteOptions = {},
): Invite {
  checkOptions(options);
  const controller = new AbortController();
  const external = options.signal;
  const forward = () => {
    controller.abort();
  };
  if (external?.aborted === true) controller.abort();
  else external?.addEventListener('abort', forward, { once: true });

  const log: InviteEvent[] = [];
  let wake: (() => void)[] = [];
  const emit = (event: InviteEvent) => {
    log.push(event);
    try {
      options.onProgress?.(event);
    } catch {
      // A broken progress display must not stop the call or, worse, its cancellation.
    }
    const waiting = wake;
    wake = [];
    for (const resolve of waiting) resolve();
  };

  const run = new InviteRun(api, request, options, controller.signal, emit);
  // Start on the next microtask: the caller holds the Invite before the first event, so an
  // onProgress handler can already call its cancel(), and a cancel() right away sends nothing.
  const done = Promise.resolve()
    .then(() => run.start())
    .then(
      (outcome) => {
        emit({ type: 'finished', outcome });
        return outcome;
      },
      (error: unknown) => {
        const failure = error instanceof InviteError ? error : unexpected(error, null, null);
        emit({ type: 'failed', error: failure });
        throw failure;
      },
    );
  // Followers of events() learn of a failure from the 'failed' event; without this, an
  // unobserved `done` would crash Node with an unhandled rejection.
  done
    .catch(() => undefined)
    .finally(() => {
      external?.removeEventListener('abort', forward);
    });

  async function* events(): AsyncGenerator<InviteEvent> {
    for (let index = 0; ;) {
      const event = log[index];
      if (event === undefined) {
        await new Promise<void>((resolve) => wake.push(resolve));
        continue;
      }
      index += 1;
      yield event;
      if (event.type === 'finished' || event.type === 'failed') return;
    }
  }

  return {
    done,
    cancel: () => {
      controller.abort();
    },
    events,
  };
}

/** The same, for callers that only want the outcome. */
export function invite(
  api: WemeetApi,
  request: InviteRequest,
  options: InviteOptions = {},
): Promise<InviteOutcome> {
  return startInvite(api, request, options).done;
}

/** Programmer errors, thrown at once: a zero interval would poll the API in a tight loop. */
function checkOptions(options: InviteOptions): void {
  const positive = (name: string, value: number | undefined) => {
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw new RangeError(`${name} must be a finite number > 0`);
    }
  };
  positive('pollIntervalMs', options.pollIntervalMs);
  positive('deadlineMs', options.deadlineMs);
  const failures = options.maxPollFailures;
  if (failures !== undefined && !(Number.isInteger(failures) && failures >= 1)) {
    throw new RangeError('maxPollFailures must be an integer >= 1');
  }
  const grace = options.notCalledGraceMs;
  if (grace !== undefined && !(grace >= 0)) {
    throw new RangeError('notCalledGraceMs must be >= 0');
  }
}

const ABORTED = Symbol('aborted');

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

type Attempt<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** One invite's steps, sharing the api, the options and the placed call. */
class InviteRun {
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
    this.#emit({ type: 'calling', meeting, target });
    const sentAt = this.#clock.now();
    // Sent exactly once, and not raced against cancel: its invite_id is what cancel needs.
    const placed = await attempt(this.#api.roomCall({ meetingId: meeting.meeting_id, target }));
    if (!placed.ok) throw callFailed(meeting, placed.error, null);
    const { inviteId, status } = placed.value;
    this.#inviteId = inviteId;
    if (status === ROOM_CALL_FAILED) throw callFailed(meeting, undefined, inviteId);
    this.#emit({ type: 'called', inviteId, status });

    if (this.#cancelRequested()) return this.#cancelCall(meeting, target, inviteId);
    if (this.#options.wait === false) return { kind: 'placed', meeting, inviteId };
    return this.#follow(meeting, target, inviteId, sentAt);
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

  /** Polls room-call-info until the call settles, the deadline passes or cancel is asked. */
  async #follow(
    meeting: Meeting,
    target: CallTarget,
    inviteId: string,
    sentAt: number,
  ): Promise<InviteOutcome> {
    const interval = this.#options.pollIntervalMs ?? INVITE_DEFAULTS.pollIntervalMs;
    const deadline = sentAt + (this.#options.deadlineMs ?? INVITE_DEFAULTS.deadlineMs);
    const grace = this.#options.notCalledGraceMs ?? INVITE_DEFAULTS.notCalledGraceMs;
    const maxFailures = this.#options.maxPollFailures ?? INVITE_DEFAULTS.maxPollFailures;
    const transient = this.#options.isTransientError ?? isTransient;
    let lastInfo: RoomCallInfo | null = null;
    let failures = 0;

    for (;;) {
      const remaining = deadline - this.#clock.now();
      if (remaining <= 0) return { kind: 'timed-out', meeting, inviteId, lastInfo };
      await this.#clock.sleep(Math.min(interval, remaining), this.#signal);
      if (this.#cancelRequested()) return this.#cancelCall(meeting, target, inviteId);

      const read = await orAbort(
        attempt(this.#api.roomCallInfo({ meetingId: meeting.meeting_id, target })),
        this.#signal,
      );
      if (read === ABORTED) return this.#cancelCall(meeting, target, inviteId);
      if (!read.ok) {
        failures += 1;
        this.#emit({ type: 'poll-failed', error: read.error, consecutiveFailures: failures });
        if (failures >= maxFailures || !transient(read.error)) {
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
      if (settled !== null) return { kind: 'settled', state: settled, meeting, inviteId, info };
    }
  }

  async #cancelCall(
    meeting: Meeting,
    target: CallTarget,
    inviteId: string,
  ): Promise<InviteOutcome> {
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

/** A promise's outcome as a value, so each step decides what a failure means. */
function attempt<T>(promise: Promise<T>): Promise<Attempt<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}
