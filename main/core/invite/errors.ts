import { describeMeetingRef, type MeetingRef } from '../input/meeting-ref';
import type { Meeting } from '../wemeet/api';
import { WemeetError } from '../wemeet/errors';
import type { CallTarget } from '../wemeet/types';
import { formatMeetingCode } from '../../shared/rules/meeting-code';

/**
 * Why an invite failed, as one small family the CLI and the app map to words in one place.
 * `meeting-*` and `lookup-failed` happen before any call; `call-failed` means room-call was
 * sent once and refused (or lost); `status-failed` and `cancel-failed` happen after a call
 * was placed, so the room may still be ringing: `inviteId` is set for those.
 */
export type InviteErrorKind =
  | 'meeting-not-found'
  | 'meeting-ambiguous'
  | 'meeting-over'
  | 'lookup-failed'
  | 'call-failed'
  | 'status-failed'
  | 'cancel-failed'
  | 'unexpected';

interface InviteErrorFields {
  readonly meeting?: Meeting | null;
  readonly inviteId?: string | null;
  readonly candidates?: readonly Meeting[];
  readonly cause?: unknown;
}

export class InviteError extends Error {
  readonly kind: InviteErrorKind;
  /** What to do next, in words (from the API error's hint when there is one). */
  readonly hint: string;
  readonly meeting: Meeting | null;
  /** Set once room-call answered: the call exists and may still ring. */
  readonly inviteId: string | null;
  /** For 'meeting-ambiguous': the meetings that share the code, so the caller can ask. */
  readonly candidates: readonly Meeting[];

  constructor(
    kind: InviteErrorKind,
    message: string,
    hint: string,
    fields: InviteErrorFields = {},
  ) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause });
    this.name = 'InviteError';
    this.kind = kind;
    this.hint = hint;
    this.meeting = fields.meeting ?? null;
    this.inviteId = fields.inviteId ?? null;
    this.candidates = fields.candidates ?? [];
  }
}

const CHECK_REF =
  'Check the meeting code or ID; a code is recycled about 30 days after its meeting.';

export function meetingNotFound(ref: MeetingRef): InviteError {
  return new InviteError(
    'meeting-not-found',
    `No meeting found for ${describeMeetingRef(ref)}.`,
    CHECK_REF,
  );
}

export function meetingAmbiguous(code: string, candidates: readonly Meeting[]): InviteError {
  const listed = candidates.map((m) => `${m.meeting_id} (${describeMeeting(m)})`).join(', ');
  return new InviteError(
    'meeting-ambiguous',
    `${candidates.length} meetings use meeting code ${formatMeetingCode(code)} and none is the one in progress: ${listed}.`,
    'Use the meeting ID instead of the code.',
    { candidates },
  );
}

const OVER_WORDS: Readonly<Record<string, string>> = {
  MEETING_STATE_ENDED: 'has ended',
  MEETING_STATE_CANCELLED: 'was cancelled',
  MEETING_STATE_RECYCLED: 'was recycled',
  MEETING_STATE_INVALID: 'is no longer valid',
};

/** Meeting states a room can no longer be called into. */
export function isMeetingOver(meeting: Meeting): boolean {
  return Object.hasOwn(OVER_WORDS, meeting.status);
}

export function meetingOver(meeting: Meeting): InviteError {
  const words = OVER_WORDS[meeting.status] ?? 'is over';
  return new InviteError(
    'meeting-over',
    `Meeting ${describeMeeting(meeting)} ${words}: a room cannot be called into it.`,
    'Check the meeting code or ID, or start the meeting again and use its new code.',
    { meeting },
  );
}

export function lookupFailed(ref: MeetingRef, cause: unknown): InviteError {
  return new InviteError(
    'lookup-failed',
    `Could not look up ${describeMeetingRef(ref)}: ${messageOf(cause)}`,
    hintOf(cause, 'Try again in a moment.'),
    { cause },
  );
}

/**
 * room-call threw, or answered status 5 (failed). It was sent once and is not retried.
 * The advice fits the target: a room can be offline or busy; an address can be wrong,
 * unreachable, or need the host's rights.
 */
export function callFailed(
  meeting: Meeting,
  cause: unknown,
  inviteId: string | null,
  target?: CallTarget,
): InviteError {
  const why =
    cause === undefined ? 'Tencent Meeting reported the call as failed' : messageOf(cause);
  const refused = cause === undefined || (cause instanceof WemeetError && cause.code === 10004);
  const hint = refused && target !== undefined ? refusedHint(target) : undefined;
  return new InviteError(
    'call-failed',
    `The call into meeting ${describeMeeting(meeting)} failed: ${why}`,
    hint ?? hintOf(cause, 'Check that the room is online and idle, then call it again.'),
    { meeting, inviteId, cause },
  );
}

function refusedHint(target: CallTarget): string {
  return target.kind === 'room'
    ? 'Check that the room is online and idle, then call it again.'
    : 'Check the address and that the device is on and reachable (calling an address needs the host or a co-host), then call it again.';
}

/**
 * room-call's reply was lost, and room-call-info then showed the target never called: the one
 * unconfirmed outcome that is a failure.
 */
export function notCalledAfterLostReply(
  meeting: Meeting,
  cause: unknown,
  target: CallTarget,
): InviteError {
  return new InviteError(
    'call-failed',
    `The reply to the call into meeting ${describeMeeting(meeting)} was lost (${messageOf(cause)}), and its status shows it was not called.`,
    refusedHint(target),
    { meeting, cause },
  );
}

export function statusFailed(
  meeting: Meeting,
  inviteId: string,
  cause: unknown,
  failures: number,
): InviteError {
  const attempts = failures === 1 ? '' : ` (${failures} attempts in a row)`;
  return new InviteError(
    'status-failed',
    `The call was placed, but its status could not be read${attempts}: ${messageOf(cause)}`,
    'The room may still be ringing: look at the room or the meeting to see whether it joined.',
    { meeting, inviteId, cause },
  );
}

export function cancelFailed(meeting: Meeting, inviteId: string, cause: unknown): InviteError {
  return new InviteError(
    'cancel-failed',
    `Could not cancel the call: ${messageOf(cause)}`,
    'The room may still be ringing: decline it on the room, or remove it from the meeting.',
    { meeting, inviteId, cause },
  );
}

export function unexpected(
  cause: unknown,
  meeting: Meeting | null,
  inviteId: string | null,
): InviteError {
  return new InviteError(
    'unexpected',
    `The invite stopped on an unexpected error: ${messageOf(cause)}`,
    'Try again; if it persists, report it with the RoomCall version.',
    { meeting, inviteId, cause },
  );
}

/** "'Weekly sync' (806-146-667)": how a person recognises a meeting. */
export function describeMeeting(meeting: Meeting): string {
  const subject = Array.from(meeting.subject.trim());
  const shown = subject.length > 40 ? `${subject.slice(0, 39).join('')}…` : subject.join('');
  const code = formatMeetingCode(meeting.meeting_code);
  return shown === '' ? code : `'${shown}' (${code})`;
}

function messageOf(cause: unknown): string {
  if (cause instanceof Error) return cause.message;
  return 'unknown error';
}

function hintOf(cause: unknown, fallback: string): string {
  return cause instanceof WemeetError ? cause.hint : fallback;
}
