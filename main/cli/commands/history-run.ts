import type { CliContext } from '../context';
import { EXIT_OK, type ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';
import { printTable } from '../table';
import { formatLocalTime, isoLocalTime } from '../times';
import { callStateWords } from '../words';
import { formatMeetingCode } from '../../shared/rules/meeting-code';
import {
  MAX_HISTORY,
  type HistoryEntry,
  type HistoryOutcome,
} from '../../shared/model/history-schema';

/** `roomcall history`: what it does (its definition is in history.ts). */

const OUTCOME_WORDS: Readonly<Record<HistoryOutcome, string>> = {
  invited: 'invited (not followed)',
  ringing: callStateWords('ringing'),
  accepted: callStateWords('accepted'),
  rejected: callStateWords('rejected'),
  'no-answer': callStateWords('no-answer'),
  'not-called': callStateWords('not-called'),
  'joined-or-cancelled': callStateWords('joined-or-cancelled'),
  left: callStateWords('left'),
  unknown: callStateWords('unknown'),
  cancelled: 'cancelled',
  failed: 'failed',
  unconfirmed: 'unconfirmed (the reply was lost; it may have rung)',
};

function outcomeWords(entry: HistoryEntry): string {
  const words = OUTCOME_WORDS[entry.outcome];
  return entry.detail === null ? words : `${words} (${entry.detail})`;
}

function targetText(entry: HistoryEntry): string {
  const { target } = entry;
  if (target.kind === 'room') return target.name ?? target.meetingRoomId;
  return `${target.protocol === 'sip' ? 'SIP' : 'H.323'} ${target.dialString}`;
}

function meetingText(entry: HistoryEntry): string {
  const { meeting } = entry;
  const code =
    meeting.meetingCode === null ? meeting.meetingId : formatMeetingCode(meeting.meetingCode);
  return meeting.subject === null || meeting.subject === '' ? code : `${code} ${meeting.subject}`;
}

export async function runHistory(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const { value } = await ctx.history.load();
  const entries = value.slice(0, options.number('limit') ?? MAX_HISTORY);
  const zone = ctx.deps.timeZone;
  if (options.flag('json')) {
    // Stored in UTC; shown with this computer's offset, like every other time the CLI prints.
    ctx.output.json(
      entries.map((entry) => ({ ...entry, at: isoLocalTime(Date.parse(entry.at), zone) })),
    );
    return EXIT_OK;
  }
  if (entries.length === 0) {
    ctx.output.note('No invites yet.');
    return EXIT_OK;
  }
  printTable(ctx.output, entries, [
    { header: 'WHEN', value: (e: HistoryEntry) => formatLocalTime(Date.parse(e.at), zone) },
    { header: 'MEETING', value: meetingText, maxWidth: 40 },
    { header: 'CALLED', value: targetText, maxWidth: 40 },
    { header: 'OUTCOME', value: outcomeWords },
  ]);
  return EXIT_OK;
}
