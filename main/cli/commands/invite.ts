import type { Command } from 'commander';
import { describeMeetingRef } from '../../core/input/meeting-ref';
import { startInvite } from '../../core/invite/invite';
import { InviteError } from '../../core/invite/errors';
import type { InviteEvent, InviteMeeting, InviteOutcome } from '../../core/invite/types';
import type { Meeting } from '../../core/wemeet/api';
import { WemeetError } from '../../core/wemeet/errors';
import type { CallTarget } from '../../core/wemeet/types';
import type { CliContext } from '../context';
import { EXIT_INTERRUPTED, EXIT_NOT_JOINED, EXIT_OK, type ExitCode } from '../exit-codes';
import { InviteHistory } from '../invite-history';
import { currentMeeting, parseMeetingOption } from '../meeting-choice';
import type { OptionValues } from '../options';
import type { ActionDefiner } from '../program-support';
import { cachedRoomName, chooseTarget } from '../targets';
import { callStateWords, meetingWords, targetJson, targetWords } from '../words';
import { addTargetOptions, examples, MEETING_OPTION } from './shared-options';

export function registerInvite(program: Command, define: ActionDefiner): void {
  const command = program
    .command('invite')
    .summary('call a meeting room or a SIP/H.323 address into a meeting')
    .description(
      'Call a meeting room (or a SIP/H.323 device) into a Tencent Meeting.\n\n' +
        'Without --meeting, the meeting you (the operator) are in is used; when several are in ' +
        'progress you are asked which on a terminal, and the command fails with exit code 2 ' +
        'otherwise (always with --json).',
    )
    .option('-m, --meeting <meeting>', MEETING_OPTION);
  addTargetOptions(command)
    .option('-w, --wait', 'follow the call until the room answers (progress on stderr)')
    .option('--json', 'print one JSON document on stdout');
  command.addHelpText(
    'after',
    examples([
      'roomcall invite --meeting 806-146-667 --room 1234567890123456789',
      'roomcall invite --favorite "长城厅" --wait',
      'roomcall invite --meeting https://meeting.tencent.com/s/806146667 --sip room@vc.example.com',
      'roomcall invite --h323 +861012345678 --wait --json | jq -r .state',
    ]) +
      '\nExit codes: 0 invited (with --wait: the room accepted); 1 Tencent Meeting or the network\n' +
      'failed; 2 bad input, or no single meeting to call into; 3 with --wait: the call was placed\n' +
      'but the room did not join (rejected, no answer, still ringing after 75 s…); 130 Ctrl-C\n' +
      '(a ringing call is cancelled first).\n',
  );
  define(command, runInvite);
}

async function runInvite(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const json = options.flag('json');
  const wait = options.flag('wait');
  // Everything typed is checked before the first request.
  const ref = parseMeetingOption(options.string('meeting'));
  const chosen = await chooseTarget(ctx, options);
  const session = await ctx.session();
  const meeting: InviteMeeting = ref ?? {
    kind: 'resolved',
    meeting: await currentMeeting(ctx, session, !json),
  };
  const name = chosen.name ?? (await cachedRoomName(ctx, session, chosen.target));
  const { settings } = await ctx.effectiveSettings();
  const history = new InviteHistory(ctx.history, ctx.output, chosen.target, name);
  const progress = new Progress(ctx, chosen.target, name);

  const { clock } = ctx.deps;
  const invite = startInvite(
    session.api,
    { meeting, target: chosen.target },
    {
      wait,
      pollIntervalMs: settings.pollIntervalMs,
      clock: { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms, signal) },
      onProgress: (event) => {
        history.observe(event);
        progress.show(event);
      },
    },
  );
  // Ctrl-C: before room-call nothing is sent; after it, cancel-room-call is sent once.
  const stopListening = ctx.deps.onInterrupt(() => {
    invite.cancel();
  });
  let outcome: InviteOutcome;
  try {
    outcome = await invite.done;
  } catch (error) {
    await history.failed(error);
    if (error instanceof InviteError && error.inviteId !== null && error.meeting !== null) {
      // The call exists and may still ring: say which one, so it can be followed or cancelled.
      report(ctx, json, { meeting: error.meeting, inviteId: error.inviteId }, chosen.target, name, {
        state: 'unknown',
        error,
      });
    }
    throw error;
  } finally {
    stopListening();
  }
  await history.finished(outcome);
  return finish(ctx, json, outcome, chosen.target, name);
}

/** Prints the outcome (stdout) and chooses the exit code. */
function finish(
  ctx: CliContext,
  json: boolean,
  outcome: InviteOutcome,
  target: CallTarget,
  name: string | null,
): ExitCode {
  const who = targetWords(target, name);
  switch (outcome.kind) {
    case 'placed':
      if (json) {
        ctx.output.json(inviteJson(outcome.meeting, outcome.inviteId, target, name));
      } else {
        ctx.output.line(`Invited ${who} into ${meetingWords(outcome.meeting)}.`);
        ctx.output.line(`Invite ID: ${outcome.inviteId}`);
      }
      return EXIT_OK;
    case 'settled': {
      const { state, info } = outcome;
      const joined = state === 'accepted';
      const sentence = {
        accepted: `Accepted: ${who} is joining ${meetingWords(outcome.meeting)}.`,
        rejected: `Rejected: ${who} declined the call.`,
        'no-answer': `No answer: ${who} did not pick up.`,
        'not-called': `Not called: Tencent Meeting reports that ${who} was never rung.`,
        'joined-or-cancelled': `Ended with status 5 ("joined" in Tencent's API documents, "cancelled" in its SDKs): check the meeting to see whether ${who} is in it.`,
        left: `Left: ${who} joined, then left the meeting.`,
      }[state];
      report(ctx, json, outcome, target, name, { state, status: info.status }, sentence);
      return joined ? EXIT_OK : EXIT_NOT_JOINED;
    }
    case 'timed-out': {
      const last = outcome.lastInfo;
      const lastWords =
        last === null ? '' : ` (last status: ${callStateWords(last.state, last.status)})`;
      report(
        ctx,
        json,
        outcome,
        target,
        name,
        { state: 'timed-out', status: last?.status ?? null },
        `Still not answered: RoomCall stopped waiting for ${who}${lastWords}. The room may still answer.`,
      );
      return EXIT_NOT_JOINED;
    }
    case 'cancelled': {
      const sentence = outcome.callCancelled
        ? `Cancelled: the call to ${who} was hung up.`
        : 'Cancelled before calling: nothing was sent to the room.';
      if (json) {
        ctx.output.json({
          ...inviteJson(outcome.meeting, outcome.inviteId, target, name),
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

interface FinalState {
  readonly state: string;
  readonly status?: number | null;
  readonly error?: InviteError;
}

/** The final line, or the one JSON document, of an invite whose call was placed. */
function report(
  ctx: CliContext,
  json: boolean,
  placed: { readonly meeting: Meeting; readonly inviteId: string },
  target: CallTarget,
  name: string | null,
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
      ...inviteJson(placed.meeting, placed.inviteId, target, name),
      state: final.state,
      status: final.status ?? null,
      ...error,
    });
    return;
  }
  if (sentence !== undefined) ctx.output.line(sentence);
  else ctx.output.note(`Invite ID: ${placed.inviteId}`);
}

/**
 * The fields every --json document of `invite` starts with. The meeting is null only when a
 * Ctrl-C came before it was found; its fields are null then.
 */
function inviteJson(
  meeting: Meeting | null,
  inviteId: string | null,
  target: CallTarget,
  name: string | null,
): Record<string, unknown> {
  return {
    invite_id: inviteId,
    meeting_id: meeting?.meeting_id ?? null,
    meeting_code: meeting?.meeting_code ?? null,
    subject: meeting?.subject ?? null,
    target: targetJson(target, name),
  };
}

/** calling → ringing → …, on stderr, only when a person watches it. */
class Progress {
  readonly #ctx: CliContext;
  readonly #target: CallTarget;
  readonly #name: string | null;

  constructor(ctx: CliContext, target: CallTarget, name: string | null) {
    this.#ctx = ctx;
    this.#target = target;
    this.#name = name;
  }

  show(event: InviteEvent): void {
    const out = this.#ctx.output;
    switch (event.type) {
      case 'resolving':
        out.progress(`Looking up ${describeMeetingRef(event.ref)}…`);
        return;
      case 'calling':
        out.progress(
          `Calling ${targetWords(this.#target, this.#name)} into ${meetingWords(event.meeting)}…`,
        );
        return;
      case 'state':
        if (event.settled) return;
        // Right after room-call the server may still say "not called": the call is starting.
        out.progress(
          event.info.state === 'not-called'
            ? 'Waiting for the call to start…'
            : `${capitalize(callStateWords(event.info.state, event.info.status))}…`,
        );
        return;
      case 'poll-failed':
        out.progress(
          `Could not read the call's status (${event.consecutiveFailures} in a row); trying again…`,
        );
        return;
      case 'cancelling':
        out.progress(event.inviteId === null ? 'Stopping…' : 'Cancelling the call…');
        return;
      case 'resolved':
      case 'called':
      case 'finished':
      case 'failed':
        return;
    }
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
