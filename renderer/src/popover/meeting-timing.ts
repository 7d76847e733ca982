import { useEffect, useState } from 'preact/hooks';
import { dateFromSeconds } from '../../../main/shared/rules/api-time';
import type { MeetingSummary } from '../../../main/shared/ipc/contract';

/**
 * Where a meeting stands, as its header says it: in progress (someone is in it), starting in
 * some minutes (scheduled, MEETING_STATE_INIT, its start ahead), or not started (scheduled,
 * its start passed, nobody in yet when it was looked up). Null for the other states (ended,
 * cancelled…), which main does not offer as a meeting to invite into.
 */
export type MeetingTiming =
  | { readonly kind: 'live' }
  | { readonly kind: 'starts-in'; readonly minutes: number }
  | { readonly kind: 'not-started' };

export function meetingTiming(meeting: MeetingSummary, now: number): MeetingTiming | null {
  if (meeting.inProgress) return { kind: 'live' };
  if (meeting.status !== 'MEETING_STATE_INIT') return null;
  const start = dateFromSeconds(meeting.startTime);
  if (start === null || start.getTime() <= now) return { kind: 'not-started' };
  // Rounded up: "starts in 1 min" until the very start, never "in 0 min".
  return { kind: 'starts-in', minutes: Math.ceil((start.getTime() - now) / 60_000) };
}

/** How often a countdown is redrawn: well within a minute, so it is never a minute behind. */
const TICK_MS = 15_000;

/** The meeting's timing, kept current while it counts down to the start. */
export function useMeetingTiming(meeting: MeetingSummary): MeetingTiming | null {
  const [now, setNow] = useState(() => Date.now());
  const timing = meetingTiming(meeting, now);
  const counting = timing?.kind === 'starts-in';
  useEffect(() => {
    if (!counting) return undefined;
    // Counting from now, not from when the header was first drawn (another meeting may
    // have come since); a meeting in progress costs no timer and no second render.
    setNow(Date.now());
    const timer = setInterval(() => {
      setNow(Date.now());
    }, TICK_MS);
    return () => {
      clearInterval(timer);
    };
  }, [counting, meeting.meetingId]);
  return timing;
}
