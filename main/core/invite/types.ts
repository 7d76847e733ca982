import type { MeetingRef } from '../input/meeting-ref';
import type { Clock } from './clock';
import type { InviteError } from './errors';
import type { SettledCallState } from './states';
import type { Meeting, RoomCallInfo } from '../wemeet/api';
import type { CallTarget } from '../wemeet/types';

/** Which meeting: as typed (resolved by the invite), or already looked up by the caller. */
export type InviteMeeting = MeetingRef | { readonly kind: 'resolved'; readonly meeting: Meeting };

export interface InviteRequest {
  readonly meeting: InviteMeeting;
  readonly target: CallTarget;
}

export interface InviteOptions {
  /** Follow the call until it settles (default true); false ends once room-call answered. */
  readonly wait?: boolean;
  /** Between two room-call-info requests (default 2000 ms). */
  readonly pollIntervalMs?: number;
  /** From sending room-call to giving up (default 75 s: the server stops ringing at 60 s). */
  readonly deadlineMs?: number;
  /** How long 'not-called' still means "not registered yet" (default 10 s). */
  readonly notCalledGraceMs?: number;
  /** Consecutive failed status reads before the invite gives up (default 5). */
  readonly maxPollFailures?: number;
  /**
   * Whether a failed status read may succeed next time (default: the client's isTransient).
   * A permanent error (rights, credentials) ends the invite at once.
   */
  readonly isTransientError?: (error: unknown) => boolean;
  readonly clock?: Clock;
  /** Aborting it is the same as calling cancel(). */
  readonly signal?: AbortSignal;
  /** Called synchronously with every event; an exception thrown here is ignored. */
  readonly onProgress?: (event: InviteEvent) => void;
}

export type InviteEvent =
  | { readonly type: 'resolving'; readonly ref: MeetingRef }
  | { readonly type: 'resolved'; readonly meeting: Meeting }
  | { readonly type: 'calling'; readonly meeting: Meeting; readonly target: CallTarget }
  | { readonly type: 'called'; readonly inviteId: string; readonly status: number | null }
  /** A new state from room-call-info (repeats of the same status are not reported). */
  | {
      readonly type: 'state';
      readonly info: RoomCallInfo;
      readonly settled: boolean;
      readonly msSinceCall: number;
    }
  | { readonly type: 'poll-failed'; readonly error: unknown; readonly consecutiveFailures: number }
  | { readonly type: 'cancelling'; readonly inviteId: string | null }
  | { readonly type: 'finished'; readonly outcome: InviteOutcome }
  | { readonly type: 'failed'; readonly error: InviteError };

/** How an invite ended when nothing went wrong (failures reject with an InviteError). */
export type InviteOutcome =
  /** room-call-info reported an end state. */
  | {
      readonly kind: 'settled';
      readonly state: SettledCallState;
      readonly meeting: Meeting;
      readonly inviteId: string;
      readonly info: RoomCallInfo;
    }
  /** wait: false: room-call answered, nobody followed the call. */
  | { readonly kind: 'placed'; readonly meeting: Meeting; readonly inviteId: string }
  /**
   * Cancelled by the caller. `callCancelled` says whether cancel-room-call was sent (a call
   * existed); when false, the invite stopped before room-call and nothing rang.
   */
  | {
      readonly kind: 'cancelled';
      readonly meeting: Meeting | null;
      readonly inviteId: string | null;
      readonly callCancelled: boolean;
    }
  /** Still not settled at the deadline; `lastInfo` is the last state read, if any. */
  | {
      readonly kind: 'timed-out';
      readonly meeting: Meeting;
      readonly inviteId: string;
      readonly lastInfo: RoomCallInfo | null;
    };

/** A running invite: the app's tray row and the CLI's --wait both drive one of these. */
export interface Invite {
  /** The outcome; rejects with an InviteError. */
  readonly done: Promise<InviteOutcome>;
  /**
   * Stops the invite: before room-call nothing is sent; after it, cancel-room-call is sent
   * once with the invite_id and the outcome is 'cancelled'. No effect once finished.
   */
  cancel(): void;
  /**
   * Every event from the start, then each new one, ending with 'finished' or 'failed'.
   * Each call gives an independent iterator, so late subscribers miss nothing.
   */
  events(): AsyncIterableIterator<InviteEvent>;
}
