/**
 * Room calls over time. One call per (meeting, target): room-call starts it ringing (4) for
 * ringMs, then it settles on the target's outcome: accepted (2), rejected (3) or no answer (0).
 * Cancelling while it rings makes it cancelled (5, the SDKs' reading of 5); cancelling later
 * changes nothing. Calling a target again replaces its call (a new invite_id), unless the
 * target already accepted (the room is in the meeting: 500/10004).
 */
import type { Rng } from './rng';

export type CallOutcome = 'accept' | 'reject' | 'no-answer';

/** room-call-info status values */
export const CallStatus = {
  noAnswer: 0,
  notCalled: 1,
  accepted: 2,
  rejected: 3,
  ringing: 4,
  cancelled: 5,
  left: 6,
} as const;

export interface Call {
  readonly inviteId: string;
  readonly meetingId: string;
  readonly targetKey: string;
  readonly outcome: CallOutcome;
  readonly startedAt: number;
  cancelledAt: number | null;
}

export interface CallReading {
  readonly status: number;
  /** When the call reached that status (server ms). */
  readonly since: number;
}

export class CallBook {
  private readonly calls = new Map<string, Call>();

  constructor(
    private readonly clock: () => number,
    private readonly ringMs: number,
    private readonly rng: Rng,
  ) {}

  get(meetingId: string, targetKey: string): Call | undefined {
    return this.calls.get(`${meetingId}|${targetKey}`);
  }

  start(meetingId: string, targetKey: string, outcome: CallOutcome): Call {
    const call: Call = {
      inviteId: this.rng.uuid(),
      meetingId,
      targetKey,
      outcome,
      startedAt: this.clock(),
      cancelledAt: null,
    };
    this.calls.set(`${meetingId}|${targetKey}`, call);
    return call;
  }

  read(call: Call): CallReading {
    const now = this.clock();
    if (call.cancelledAt !== null) return { status: CallStatus.cancelled, since: call.cancelledAt };
    const settlesAt = call.startedAt + this.ringMs;
    if (now < settlesAt) return { status: CallStatus.ringing, since: call.startedAt };
    const status =
      call.outcome === 'accept'
        ? CallStatus.accepted
        : call.outcome === 'reject'
          ? CallStatus.rejected
          : CallStatus.noAnswer;
    return { status, since: settlesAt };
  }

  /** Cancels a ringing call; a settled one is left as it is. */
  cancel(call: Call): void {
    if (this.read(call).status === CallStatus.ringing) call.cancelledAt = this.clock();
  }

  /** Every call, for tests and diagnostics. */
  all(): Call[] {
    return [...this.calls.values()];
  }
}

/** response_time: "YYYY/MM/DD HH:mm:ss" in China Standard Time (UTC+8), whatever the host's zone. */
export function formatResponseTime(ms: number): string {
  const d = new Date(ms + 8 * 3600 * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
