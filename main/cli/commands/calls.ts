import type { Command } from 'commander';
import { quote } from '../../core/input/text';
import type { CliContext } from '../context';
import { EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { meetingIdFor, parseMeetingOption } from '../meeting-choice';
import type { OptionValues } from '../options';
import type { ActionDefiner } from '../program-support';
import { cachedRoomName, chooseTarget } from '../targets';
import { formatLocalTime, isoLocalTime } from '../times';
import { callStateWords, targetJson, targetWords } from '../words';
import { dateFromChinaTime } from '../../shared/rules/api-time';
import { addTargetOptions, examples, MEETING_OPTION } from './shared-options';

/** `roomcall status` and `roomcall cancel`: one request each about a call already placed. */

export function registerCalls(program: Command, define: ActionDefiner): void {
  const status = program
    .command('status')
    .summary("show a call's status (ringing, accepted, rejected, no answer…)")
    .description(
      "Show where a room's call into a meeting stands: one room-call-info request. " +
        'With a meeting ID no lookup is needed; a code is looked up first.',
    )
    .option('-m, --meeting <meeting>', MEETING_OPTION);
  addTargetOptions(status).option('--json', 'print one JSON document on stdout');
  status.addHelpText(
    'after',
    examples([
      'roomcall status --meeting 7567173273889276131 --room 1234567890123456789',
      'roomcall status --meeting 806-146-667 --favorite 1 --json | jq -r .state',
    ]),
  );
  define(status, runStatus);

  const cancel = program
    .command('cancel')
    .summary('hang up a ringing call')
    .description('Cancel a call placed by `roomcall invite` (its invite ID) while it rings.')
    .option('-m, --meeting <meeting>', MEETING_OPTION)
    // Checked by parseInviteId rather than commander: a missing ID deserves the explanation.
    .option('--invite <invite_id>', 'the invite ID that `roomcall invite` printed (required)');
  addTargetOptions(cancel).option('--json', 'print one JSON document on stdout');
  cancel.addHelpText(
    'after',
    examples([
      'roomcall cancel --meeting 806-146-667 --invite 3f0c9a52-… --room 1234567890123456789',
    ]),
  );
  define(cancel, runCancel);
}

async function runStatus(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const json = options.flag('json');
  const ref = parseMeetingOption(options.string('meeting'));
  const chosen = await chooseTarget(ctx, options, 'status');
  const session = await ctx.session();
  const meetingId = await meetingIdFor(ctx, session, ref, !json);
  const info = await session.api.roomCallInfo({ meetingId, target: chosen.target });
  const name = chosen.name ?? (await cachedRoomName(ctx, session, chosen.target));
  // China time without a zone from the server; this computer's time with its zone here.
  const at = dateFromChinaTime(info.responseTime)?.getTime() ?? Number.NaN;
  if (json) {
    ctx.output.json({
      meeting_id: meetingId,
      target: targetJson(chosen.target, name),
      state: info.state,
      status: info.status,
      response_time: isoLocalTime(at, ctx.deps.timeZone),
    });
  } else {
    const raw = info.responseTime?.trim() ?? '';
    const since = Number.isFinite(at)
      ? ` (since ${formatLocalTime(at, ctx.deps.timeZone)})`
      : raw === ''
        ? ''
        : ` (server time ${raw}, China time)`;
    ctx.output.line(
      `${targetWords(chosen.target, name)} in meeting ${meetingId}: ${callStateWords(info.state, info.status)}${since}`,
    );
  }
  return EXIT_OK;
}

async function runCancel(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const json = options.flag('json');
  const inviteId = parseInviteId(options.string('invite'));
  const ref = parseMeetingOption(options.string('meeting'));
  const chosen = await chooseTarget(ctx, options, 'cancel');
  const session = await ctx.session();
  const meetingId = await meetingIdFor(ctx, session, ref, !json);
  await session.api.cancelRoomCall({ meetingId, target: chosen.target, inviteId });
  const name = chosen.name ?? (await cachedRoomName(ctx, session, chosen.target));
  if (json) {
    ctx.output.json({
      cancelled: true,
      invite_id: inviteId,
      meeting_id: meetingId,
      target: targetJson(chosen.target, name),
    });
  } else {
    ctx.output.line(
      `Cancelled the call to ${targetWords(chosen.target, name)} (invite ${inviteId}).`,
    );
  }
  return EXIT_OK;
}

/** An invite ID is the server's opaque token: printable ASCII, no spaces. */
function parseInviteId(text: string | undefined): string {
  if (text === undefined) {
    throw new UsageError(
      'Tencent Meeting cancels a call only with its invite ID (--invite), which `roomcall invite` prints; without it nothing can be cancelled from here (when the reply to room-call was lost, RoomCall never had it).',
      'Decline the call on the device, or remove it from the meeting; `roomcall status` shows whether it still rings.',
    );
  }
  const value = text.trim();
  if (value === '')
    throw new UsageError('--invite: enter the invite ID that `roomcall invite` printed.');
  if (value.length > 128 || !/^[\x21-\x7e]+$/.test(value)) {
    throw new UsageError(
      `--invite: ${quote(value)} is not an invite ID (printable characters, no spaces).`,
    );
  }
  return value;
}
