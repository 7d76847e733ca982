import type { InviteEvent, InviteOutcome } from '../../core/invite/types';
import type { HistoryOutcome } from '../../shared/model/history-schema';
import type { CallPhase, IpcError } from '../../shared/ipc/contract';
import { toIpcError } from '../handlers/to-ipc-error';

/**
 * How the invite's events read in the windows (the contract's CallPhase) and in the recent
 * invites (HistoryOutcome). Pure, so every mapping is unit-tested on its own.
 */

export interface PhaseChange {
  readonly phase: CallPhase;
  readonly settled: boolean;
  readonly error: IpcError | null;
}

/** Phases after which nothing changes any more. */
const FINAL: ReadonlySet<CallPhase> = new Set<CallPhase>([
  'accepted',
  'rejected',
  'no-answer',
  'ended',
  'cancelled',
  'timed-out',
  'unconfirmed',
  'failed',
]);

export function isFinalPhase(phase: CallPhase): boolean {
  return FINAL.has(phase);
}

const NEVER_CALLED: IpcError = {
  kind: 'api',
  message: 'Tencent Meeting reports that the room was never called.',
  code: null,
  hint: 'Check that the room is online and idle, then call it again.',
};

/** The change an event makes, or null when it changes nothing the windows show. */
export function phaseForEvent(event: InviteEvent): PhaseChange | null {
  switch (event.type) {
    case 'resolving':
      return open('resolving');
    case 'calling':
      return open('calling');
    // room-call answered: the room is being rung from now on.
    case 'called':
      return open('ringing');
    // Its reply was lost: "Checking…" until the status tells.
    case 'unconfirmed':
      return open('checking');
    // Not called again: the row shows where the target already is.
    case 'already':
      return event.state === 'ringing' ? open('ringing') : done('accepted');
    case 'state':
      return phaseForState(event.info.state, event.settled);
    case 'cancelling':
      return open('cancelling');
    case 'finished':
      return phaseForOutcome(event.outcome);
    case 'failed':
      return { phase: 'failed', settled: true, error: toIpcError(event.error) };
    case 'resolved':
    case 'poll-failed':
      return null;
  }
}

function open(phase: CallPhase): PhaseChange {
  return { phase, settled: false, error: null };
}

function done(phase: CallPhase): PhaseChange {
  return { phase, settled: true, error: null };
}

function phaseForState(state: string, settled: boolean): PhaseChange | null {
  switch (state) {
    case 'ringing':
      return open('ringing');
    case 'accepted':
    case 'rejected':
    case 'no-answer':
      return done(state);
    case 'joined-or-cancelled':
    case 'left':
      return done('ended');
    case 'not-called':
      return settled ? { phase: 'failed', settled: true, error: NEVER_CALLED } : null;
    default:
      return null;
  }
}

function phaseForOutcome(outcome: InviteOutcome): PhaseChange {
  switch (outcome.kind) {
    case 'settled':
      return phaseForState(outcome.state, true) ?? done('ended');
    case 'placed':
      return open('ringing');
    case 'already':
      return outcome.state === 'ringing' ? open('ringing') : done('accepted');
    case 'cancelled':
      return done('cancelled');
    case 'timed-out':
      return done('timed-out');
    case 'unconfirmed':
      return done('unconfirmed');
    case 'not-cancellable':
      return { phase: 'unconfirmed', settled: true, error: NOT_CANCELLABLE };
  }
}

const NOT_CANCELLABLE: IpcError = {
  kind: 'api',
  message:
    'The call could not be cancelled: its reply from Tencent Meeting was lost, and cancelling needs the invite ID that reply carried.',
  code: null,
  hint: 'The room may still ring: decline the call on the device, or remove it from the meeting.',
};

/** What the recent invites remember of an outcome. */
export function historyOutcome(outcome: InviteOutcome): HistoryOutcome {
  switch (outcome.kind) {
    case 'settled':
      return outcome.state;
    case 'placed':
      return 'invited';
    case 'cancelled':
      return 'cancelled';
    case 'timed-out':
      return outcome.lastInfo?.state === 'ringing' ? 'ringing' : 'unknown';
    case 'unconfirmed':
      return 'unconfirmed';
    case 'not-cancellable':
      return outcome.lastInfo?.state ?? 'unconfirmed';
    case 'already':
      return outcome.state === 'ringing' ? 'ringing' : 'accepted';
  }
}

/** A short reason for the history's `detail` (at most 200 characters, no secret). */
export function historyDetail(error: IpcError): string {
  const code = error.code === null ? '' : ` ${error.code}`;
  const text = `${error.kind}${code}: ${error.message}`;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}
