import { resolveCurrentMeeting } from '../core/invite/current-meeting';
import { parseMeetingRef, type MeetingRef } from '../core/input/meeting-ref';
import { resolveMeeting } from '../core/invite/resolve';
import { formatMeetingCode } from '../shared/rules/meeting-code';
import type { Meeting } from '../core/wemeet/api';
import type { MeetingId } from '../core/wemeet/types';
import type { CliContext, Session } from './context';
import { UsageError } from './exit-codes';
import { formatLocalTime, unixSecondsToMs } from './times';

/**
 * "Which meeting": --meeting as typed (checked before anything is sent), or else the one the
 * operator is in. Several in progress: a person at a terminal picks one; a script (or --json)
 * gets exit 2 and the list, since guessing would call a room into the wrong meeting.
 */

const PASS_MEETING = 'Pass --meeting <code, ID or join link> to choose one.';
const MAX_TRIES = 3;

/** --meeting's value, parsed; null when the option was not given. */
export function parseMeetingOption(text: string | undefined): MeetingRef | null {
  if (text === undefined) return null;
  const parsed = parseMeetingRef(text);
  if (!parsed.ok) throw new UsageError(`--meeting: ${parsed.message}`);
  return parsed.value;
}

/** The operator's single in-progress meeting, or the one they pick. */
export async function currentMeeting(
  ctx: CliContext,
  session: Session,
  interactive: boolean,
): Promise<Meeting> {
  const current = await resolveCurrentMeeting(session.api);
  if (current.selected !== null) return current.selected;
  if (current.state === 'none') {
    throw new UsageError(
      `No meeting of ${session.operatorId} is in progress, so there is no current meeting to call into.`,
      'Pass --meeting <code, ID or join link>.',
    );
  }
  const meetings = current.candidates;
  const listing = meetings.map((meeting, index) => `  ${index + 1}) ${describe(ctx, meeting)}`);
  const { stdin, stderr } = ctx.deps;
  if (!interactive || !stdin.isTTY || !stderr.isTTY) {
    throw new UsageError(
      `${meetings.length} meetings of ${session.operatorId} are in progress:\n${listing.join('\n')}`,
      PASS_MEETING,
    );
  }
  ctx.output.note(`${meetings.length} meetings are in progress:\n${listing.join('\n')}`);
  for (let attempt = 0; attempt < MAX_TRIES; attempt += 1) {
    const answer = await ctx.deps.prompt.ask(`Which meeting? [1-${meetings.length}]: `);
    if (answer === null) break;
    const text = answer.trim();
    const chosen = /^\d+$/.test(text) ? meetings[Number(text) - 1] : undefined;
    if (chosen !== undefined) return chosen;
    ctx.output.note(`Enter a number from 1 to ${meetings.length}.`);
  }
  throw new UsageError('No meeting was chosen.', PASS_MEETING);
}

/**
 * The meeting_id that cancel-room-call and room-call-info take: an ID as given (no request),
 * a code looked up, or the current meeting.
 */
export async function meetingIdFor(
  ctx: CliContext,
  session: Session,
  ref: MeetingRef | null,
  interactive: boolean,
): Promise<MeetingId> {
  if (ref === null) return (await currentMeeting(ctx, session, interactive)).meeting_id;
  if (ref.kind === 'id') return ref.meetingId;
  return (await resolveMeeting(session.api, ref)).meeting_id;
}

/** "806-146-667  'Weekly sync'  started 2025-11-13 14:05  (ID 7567…)": enough to pick one. */
function describe(ctx: CliContext, meeting: Meeting): string {
  const started = formatLocalTime(unixSecondsToMs(meeting.start_time), ctx.deps.timeZone);
  const subject = meeting.subject.trim() === '' ? '' : `  '${meeting.subject.trim()}'`;
  return `${formatMeetingCode(meeting.meeting_code)}${subject}  started ${started}  (ID ${meeting.meeting_id})`;
}
