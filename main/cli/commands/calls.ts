import type { Command } from 'commander';
import type { ActionDefiner } from '../program-support';
import { addTargetOptions, MEETING_OPTION } from './shared-options';

/**
 * `roomcall status` and `roomcall cancel`: one request each about a call already placed.
 * Their code is in calls-run.ts, loaded only when one runs.
 */

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
  define(status, (code) => code.runStatus, [
    'roomcall status --meeting 7567173273889276131 --room 1234567890123456789',
    'roomcall status --meeting 806-146-667 --favorite 1 --json | jq -r .state',
  ]);

  const cancel = program
    .command('cancel')
    .summary('hang up a ringing call')
    .description('Cancel a call placed by `roomcall invite` (its invite ID) while it rings.')
    .option('-m, --meeting <meeting>', MEETING_OPTION)
    // Checked by parseInviteId rather than commander: a missing ID deserves the explanation.
    .option('--invite <invite_id>', 'the invite ID that `roomcall invite` printed (required)');
  addTargetOptions(cancel).option('--json', 'print one JSON document on stdout');
  define(cancel, (code) => code.runCancel, [
    'roomcall cancel --meeting 806-146-667 --invite 3f0c9a52-… --room 1234567890123456789',
  ]);
}
