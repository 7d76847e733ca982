import { commonMessages, type CommonMessages } from '../i18n/common-messages';
import { useMessages } from '../i18n/locale';
import { shortError } from '../lib/error-copy';
import { StatusBadge } from './status-badge';
import type { CallPhase, CallView, IpcError, RoomView } from '../../../main/shared/ipc/contract';

type CallTone = 'active' | 'good' | 'neutral' | 'bad';

const TONES: Readonly<Record<CallPhase, CallTone>> = {
  resolving: 'active',
  calling: 'active',
  checking: 'active',
  ringing: 'active',
  cancelling: 'active',
  accepted: 'good',
  ended: 'neutral',
  cancelled: 'neutral',
  rejected: 'bad',
  'no-answer': 'bad',
  'timed-out': 'bad',
  unconfirmed: 'neutral',
  failed: 'bad',
};

/** Phases whose error is the reason to show (an unconfirmed call that could not be cancelled). */
const SHOWS_ERROR: ReadonlySet<CallPhase> = new Set<CallPhase>([
  'failed',
  'timed-out',
  'unconfirmed',
]);

/** Calls that settled this long ago give their row back to the room's status. */
const SHOW_SETTLED_MS = 10 * 60_000;

export function isCallVisible(
  call: CallView | undefined,
  now: number = Date.now(),
): call is CallView {
  if (call === undefined) return false;
  // "In the meeting" stays for the meeting it is about (useCalls drops it for another one).
  if (call.phase === 'accepted') return true;
  return !call.settled || now - Date.parse(call.updatedAt) < SHOW_SETTLED_MS;
}

/** Whether a cancel makes sense: the invite is out and nobody has answered yet. */
export function canCancel(call: CallView | undefined): call is CallView {
  return call !== undefined && (call.phase === 'calling' || call.phase === 'ringing');
}

/** The words for a call's state, with the reason (and server code) when it failed. */
export function callText(call: CallView, m: CommonMessages): string {
  const phase = m.phase[call.phase];
  const reason = callReason(call, m);
  return reason === null ? phase : `${phase}: ${reason}`;
}

/**
 * The reason a settled call shows: the error in words, or for an unconfirmed call whose
 * cancel was asked, why it could not be cancelled (Tencent needs the invite ID of the lost
 * reply) and what to do.
 */
function callReason(call: CallView, m: CommonMessages): string | null {
  if (call.error === null || !SHOWS_ERROR.has(call.phase)) return null;
  if (call.phase === 'unconfirmed') return m.notCancellable;
  return shortError(call.error, m, call.target.kind);
}

interface Props {
  readonly call: CallView | undefined;
  readonly starting: boolean;
  readonly refused: IpcError | undefined;
  /** Just the phase ("Failed"): the row shows the reason on a line of its own. */
  readonly brief?: boolean;
  /** The room's live status, shown when there is no call to speak of. */
  readonly room?: Pick<RoomView, 'status' | 'callable'> | undefined;
}

/** Why a call failed, in words with the server's code, or null when it did not fail. */
export function callFailure(
  call: CallView | undefined,
  starting: boolean,
  refused: IpcError | undefined,
  m: CommonMessages,
): string | null {
  if (refused !== undefined && !starting) return shortError(refused, m);
  if (!isCallVisible(call)) return null;
  return callReason(call, m);
}

/**
 * A row's call line: "Ringing…", "Accepted", "Failed: The room could not be called (10004)".
 * When there is no call to speak of, the room's status instead (nothing for an address).
 */
export function CallProgress({ call, starting, refused, brief = false, room }: Props) {
  const m = useMessages(commonMessages);
  let tone: CallTone;
  let text: string;
  if (starting && !isCallVisible(call)) {
    tone = 'active';
    text = m.phase.calling;
  } else if (refused !== undefined && !starting) {
    tone = 'bad';
    text = brief ? m.phase.failed : `${m.phase.failed}: ${shortError(refused, m)}`;
  } else if (isCallVisible(call)) {
    tone = TONES[call.phase];
    text = brief ? m.phase[call.phase] : callText(call, m);
  } else {
    return room === undefined ? null : <StatusBadge room={room} />;
  }
  return (
    <span class={`call call-${tone}`}>
      <span class="call-dot" aria-hidden="true" />
      <span class="call-text">{text}</span>
    </span>
  );
}
