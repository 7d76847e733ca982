import type { CallState } from '../wemeet/types';

/** Where a call can end: the states after which polling stops. */
export type SettledCallState =
  'accepted' | 'rejected' | 'no-answer' | 'joined-or-cancelled' | 'left' | 'not-called';

/**
 * Whether a polled state ends the invite. 'not-called' right after room-call usually means
 * the server has not registered the call yet, so it only counts once the grace period is over;
 * 'ringing' and states we cannot read keep the invite waiting.
 */
export function settledState(
  state: CallState,
  msSinceCall: number,
  notCalledGraceMs: number,
): SettledCallState | null {
  switch (state) {
    case 'accepted':
    case 'rejected':
    case 'no-answer':
    case 'joined-or-cancelled':
    case 'left':
      return state;
    case 'not-called':
      return msSinceCall >= notCalledGraceMs ? 'not-called' : null;
    case 'ringing':
    case 'unknown':
      return null;
  }
}
