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
  /**
   * Read the target's status before calling, and do not call when it is already ringing or in
   * the meeting (the outcome is then 'already'). For a target this machine called into the same
   * meeting recently: a second intent must not ring the room a second time. A function is
   * asked once the meeting is known (it may look at the history).
   */
  readonly checkFirst?: boolean | ((meeting: Meeting) => boolean | Promise<boolean>);
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
  /**
   * room-call may have reached Tencent but its reply was lost (timeout, reset, 5xx, unreadable
   * body): the call is unconfirmed, and room-call-info is read to learn what really happened.
   */
  | { readonly type: 'unconfirmed'; readonly error: unknown }
  /** checkFirst found the target already ringing or in the meeting: room-call is not sent. */
  | { readonly type: 'already'; readonly info: RoomCallInfo; readonly state: AlreadyState }
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

/** Where a target already is when it is not called again. */
export type AlreadyState = 'ringing' | 'in-meeting';

/**
 * How an invite ended when nothing went wrong (failures reject with an InviteError).
 * `inviteId` is null when room-call's reply was lost (`replyLost`): the call is known from
 * room-call-info only, which needs no invite_id, but cancel-room-call cannot be sent without one.
 */
export type InviteOutcome =
  /** room-call-info reported an end state. */
  | {
      readonly kind: 'settled';
      readonly state: SettledCallState;
      readonly meeting: Meeting;
      readonly inviteId: string | null;
      readonly info: RoomCallInfo;
      readonly replyLost: boolean;
    }
  /**
   * wait: false: room-call answered, nobody followed the call; or its reply was lost and the
   * status showed it ringing (`info`).
   */
  | {
      readonly kind: 'placed';
      readonly meeting: Meeting;
      readonly inviteId: string | null;
      readonly info: RoomCallInfo | null;
      readonly replyLost: boolean;
    }
  /** Not called: the status showed the target ringing or in the meeting already. */
  | {
      readonly kind: 'already';
      readonly state: AlreadyState;
      readonly meeting: Meeting;
      readonly info: RoomCallInfo;
    }
  /**
   * room-call's reply was lost and the status could not be read either: the room may be
   * ringing. Not a failure: nothing says the call failed.
   */
  | {
      readonly kind: 'unconfirmed';
      readonly meeting: Meeting;
      readonly cause: unknown;
      readonly lastInfo: RoomCallInfo | null;
    }
  /**
   * Cancel was asked for a call whose reply was lost: cancel-room-call needs the invite_id
   * Tencent never delivered, so nothing could be sent; the room may still ring.
   */
  | {
      readonly kind: 'not-cancellable';
      readonly meeting: Meeting;
      readonly lastInfo: RoomCallInfo | null;
    }
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
      readonly inviteId: string | null;
      readonly lastInfo: RoomCallInfo | null;
      readonly replyLost: boolean;
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
