import { quote } from '../../core/input/text';
import type { CliContext } from '../context';
import { EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { meetingIdFor, parseMeetingOption } from '../meeting-choice';
import type { OptionValues } from '../options';
import { cachedRoomName, chooseTarget } from '../targets';
import { formatLocalTime, isoLocalTime } from '../times';
import { callStateWords, targetJson, targetWords } from '../words';
import { dateFromChinaTime } from '../../shared/rules/api-time';

/** `roomcall status` and `roomcall cancel`: what they do (their definitions are in calls.ts). */

export async function runStatus(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
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

export async function runCancel(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
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
