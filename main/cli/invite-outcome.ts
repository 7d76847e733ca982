import type { InviteError } from '../core/invite/errors';
import type { InviteOutcome } from '../core/invite/types';
import type { Meeting } from '../core/wemeet/api';
import { WemeetError } from '../core/wemeet/errors';
import type { CallTarget } from '../core/wemeet/types';
import type { CliContext } from './context';
import {
  EXIT_INTERRUPTED,
  EXIT_NOT_JOINED,
  EXIT_OK,
  EXIT_UNCONFIRMED,
  type ExitCode,
} from './exit-codes';
import { callStateWords, meetingWords, targetJson, targetWords } from './words';

/** How `roomcall invite` ends: the final line (or the one JSON document) and the exit code. */

export interface Called {
  readonly target: CallTarget;
  readonly name: string | null;
}

const LOST = 'The reply to room-call was lost';
const LOST_LOWER = 'the reply to room-call was lost';

/** Prints the outcome (stdout) and chooses the exit code. */
export function finishInvite(
  ctx: CliContext,
  json: boolean,
  outcome: InviteOutcome,
  called: Called,
): ExitCode {
  const who = targetWords(called.target, called.name);
  const print = (fields: FinalState, sentence: string, meeting: Meeting | null = null) => {
    report(
      ctx,
      json,
      { meeting: meeting ?? outcome.meeting, inviteId: idOf(outcome) },
      called,
      fields,
      sentence,
    );
  };
  switch (outcome.kind) {
    case 'placed': {
      const { info } = outcome;
      if (outcome.replyLost && info !== null) {
        print(
          { state: info.state, status: info.status, replyLost: true },
          `${LOST}, but the call's status shows ${who} ringing in ${meetingWords(outcome.meeting)}.`,
        );
        return EXIT_OK;
      }
      if (json) {
        ctx.output.json(inviteJson(outcome.meeting, outcome.inviteId, called));
      } else {
        ctx.output.line(`Invited ${who} into ${meetingWords(outcome.meeting)}.`);
        ctx.output.line(`Invite ID: ${outcome.inviteId ?? 'unknown'}`);
      }
      return EXIT_OK;
    }
    case 'already': {
      const where =
        outcome.state === 'ringing'
          ? `Already ringing: ${who} is being called into ${meetingWords(outcome.meeting)}; not called again.`
          : `Already in the meeting: ${who} is in ${meetingWords(outcome.meeting)}; not called again.`;
      print({ state: outcome.state, status: outcome.info.status, already: true }, where);
      return EXIT_OK;
    }
    case 'settled': {
      const { state, info } = outcome;
      const sentence = {
        accepted: `Accepted: ${who} is joining ${meetingWords(outcome.meeting)}.`,
        rejected: `Rejected: ${who} declined the call.`,
        'no-answer': `No answer: ${who} did not pick up.`,
        'not-called': `Not called: Tencent Meeting reports that ${who} was never rung.`,
        'joined-or-cancelled': `Ended with status 5 ("joined" in Tencent's API documents, "cancelled" in its SDKs): check the meeting to see whether ${who} is in it.`,
        left: `Left: ${who} joined, then left the meeting.`,
      }[state];
      const lost = outcome.replyLost ? `${LOST}; the call's status shows what happened. ` : '';
      print({ state, status: info.status, replyLost: outcome.replyLost }, lost + sentence);
      return state === 'accepted' ? EXIT_OK : EXIT_NOT_JOINED;
    }
    case 'timed-out': {
      const last = outcome.lastInfo;
      const lastWords =
        last === null ? '' : ` (last status: ${callStateWords(last.state, last.status)})`;
      print(
        { state: 'timed-out', status: last?.status ?? null, replyLost: outcome.replyLost },
        `Still not answered: RoomCall stopped waiting for ${who}${lastWords}. The room may still answer.`,
      );
      return EXIT_NOT_JOINED;
    }
    case 'unconfirmed': {
      const why = outcome.cause instanceof Error ? ` (${outcome.cause.message})` : '';
      print(
        { state: 'unconfirmed', status: outcome.lastInfo?.status ?? null, replyLost: true },
        `Unconfirmed: ${LOST_LOWER}${why} and the call's status could not be read: ${who} may be ringing.`,
      );
      if (!json) ctx.output.note(`Check it with: ${statusCommand(outcome.meeting, called.target)}`);
      return EXIT_UNCONFIRMED;
    }
    case 'not-cancellable': {
      print(
        { state: 'not-cancelled', status: outcome.lastInfo?.status ?? null, replyLost: true },
        `Not cancelled: ${LOST_LOWER}, and Tencent Meeting cancels a call only with the invite ID that reply carried. ${who} may still ring: decline the call on the device, or remove it from the meeting.`,
      );
      if (!json)
        ctx.output.note(`See where it stands: ${statusCommand(outcome.meeting, called.target)}`);
      return EXIT_INTERRUPTED;
    }
    case 'cancelled': {
      const sentence = outcome.callCancelled
        ? `Cancelled: the call to ${who} was hung up.`
        : 'Cancelled before calling: nothing was sent to the room.';
      if (json) {
        ctx.output.json({
          ...inviteJson(outcome.meeting, outcome.inviteId, called),
          state: 'cancelled',
          status: null,
        });
      } else {
        ctx.output.line(sentence);
      }
      return EXIT_INTERRUPTED;
    }
  }
}

/** What a failed invite whose call exists prints besides the error (stderr). */
export function reportFailure(
  ctx: CliContext,
  json: boolean,
  error: InviteError,
  called: Called,
): void {
  if (error.inviteId === null || error.meeting === null) return;
  // The call exists and may still ring: say which one, so it can be followed or cancelled.
  report(ctx, json, { meeting: error.meeting, inviteId: error.inviteId }, called, {
    state: 'unknown',
    error,
  });
}

/** `roomcall status …` for this call: what a person runs to see where it stands. */
export function statusCommand(meeting: Meeting, target: CallTarget): string {
  const which =
    target.kind === 'room'
      ? `--room ${target.meetingRoomId}`
      : `--${target.protocol} ${shellWord(target.dialString)}`;
  return `roomcall status --meeting ${meeting.meeting_id} ${which}`;
}

function shellWord(text: string): string {
  return /^[\w@.:+-]+$/.test(text) ? text : `'${text.replaceAll("'", "'\\''")}'`;
}

interface FinalState {
  readonly state: string;
  readonly status?: number | null;
  readonly error?: InviteError;
  readonly replyLost?: boolean;
  readonly already?: boolean;
}

function idOf(outcome: InviteOutcome): string | null {
  return 'inviteId' in outcome ? outcome.inviteId : null;
}

/** The final line, or the one JSON document, of an invite that reached a call. */
function report(
  ctx: CliContext,
  json: boolean,
  placed: { readonly meeting: Meeting | null; readonly inviteId: string | null },
  called: Called,
  final: FinalState,
  sentence?: string,
): void {
  if (json) {
    const error =
      final.error === undefined
        ? {}
        : {
            error: {
              message: final.error.message,
              code: final.error.cause instanceof WemeetError ? final.error.cause.code : null,
            },
          };
    ctx.output.json({
      ...inviteJson(placed.meeting, placed.inviteId, called),
      state: final.state,
      status: final.status ?? null,
      ...(final.replyLost === true ? { reply_lost: true } : {}),
      ...(final.already === true ? { already: true } : {}),
      ...error,
    });
    return;
  }
  if (sentence !== undefined) ctx.output.line(sentence);
  else if (placed.inviteId !== null) ctx.output.note(`Invite ID: ${placed.inviteId}`);
}

/**
 * The fields every --json document of `invite` starts with. The meeting is null only when a
 * Ctrl-C came before it was found; its fields are null then. invite_id is null when room-call's
 * reply was lost or no call was made.
 */
function inviteJson(
  meeting: Meeting | null,
  inviteId: string | null,
  called: Called,
): Record<string, unknown> {
  return {
    invite_id: inviteId,
    meeting_id: meeting?.meeting_id ?? null,
    meeting_code: meeting?.meeting_code ?? null,
    subject: meeting?.subject ?? null,
    target: targetJson(called.target, called.name),
  };
}
