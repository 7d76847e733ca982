import { describeMeetingRef } from '../../core/input/meeting-ref';
import { startInvite } from '../../core/invite/invite';
import { InviteError } from '../../core/invite/errors';
import type { InviteEvent, InviteMeeting, InviteOutcome } from '../../core/invite/types';
import type { CliContext } from '../context';
import type { ExitCode } from '../exit-codes';
import { InviteHistory } from '../invite-history';
import { finishInvite, reportFailure, statusCommand, type Called } from '../invite-outcome';
import { currentMeeting, parseMeetingOption } from '../meeting-choice';
import type { OptionValues } from '../options';
import type { Output } from '../output';
import { cachedRoomName, chooseTarget } from '../targets';
import { callStateWords, meetingWords, targetWords } from '../words';

/** `roomcall invite`: what it does (its options and help are in invite.ts). */

export async function runInvite(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
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

  const { clock } = ctx.deps;
  const called = { target: chosen.target, name };
  const invite = startInvite(
    session.api,
    { meeting, target: chosen.target },
    {
      wait,
      pollIntervalMs: settings.pollIntervalMs,
      // A target this machine called into the same meeting: read its status before ringing.
      checkFirst: (found) => history.calledBefore(found),
      clock: { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms, signal) },
      onProgress: (event) => {
        history.observe(event);
        showProgress(ctx.output, called, event);
      },
    },
  );
  // Ctrl-C: before room-call nothing is sent; after it, cancel-room-call is sent once.
  const stopListening = ctx.deps.onInterrupt(
    () => {
      invite.cancel();
    },
    // A second Ctrl-C: room-call may be on its way; say so and remember the call.
    async () => {
      const inFlight = history.callInFlight();
      if (inFlight === null) return;
      ctx.output.warn(
        `Stopped while room-call was on its way: ${targetWords(chosen.target, name)} may be ringing in ${meetingWords(inFlight)}.`,
      );
      ctx.output.note(`Check it with: ${statusCommand(inFlight, chosen.target)}`);
      await history.unconfirmed();
    },
  );
  let outcome: InviteOutcome;
  try {
    outcome = await invite.done;
  } catch (error) {
    await history.failed(error);
    if (error instanceof InviteError) reportFailure(ctx, json, error, called);
    throw error;
  } finally {
    stopListening();
  }
  await history.finished(outcome);
  return finishInvite(ctx, json, outcome, called);
}

/** calling → ringing → …, on stderr, only when a person watches it. */
function showProgress(out: Output, called: Called, event: InviteEvent): void {
  switch (event.type) {
    case 'resolving':
      out.progress(`Looking up ${describeMeetingRef(event.ref)}…`);
      return;
    case 'calling':
      out.progress(
        `Calling ${targetWords(called.target, called.name)} into ${meetingWords(event.meeting)}…`,
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
    case 'unconfirmed':
      out.progress("The reply to room-call was lost; reading the call's status…");
      return;
    case 'already':
      out.progress(
        event.state === 'ringing'
          ? 'Already ringing: not calling again; following the call…'
          : 'Already in the meeting: not calling again.',
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

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
