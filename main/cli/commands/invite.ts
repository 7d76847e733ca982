import type { Command } from 'commander';
import type { ActionDefiner } from '../program-support';
import { addTargetOptions, examples, MEETING_OPTION } from './shared-options';

/** `roomcall invite`'s definition; its code (invite-run.ts) is loaded only when it runs. */

export function registerInvite(program: Command, define: ActionDefiner): void {
  const command = program
    .command('invite')
    .summary('call a meeting room or a SIP/H.323 address into a meeting')
    .description(
      'Call a meeting room (or a SIP/H.323 device) into a Tencent Meeting.\n\n' +
        "Without --meeting, the operator's meeting in progress is used: among the meetings the " +
        'operator created or was invited to (what `roomcall meetings` lists), the one that has ' +
        'started. When several have, you are asked which on a terminal, and the command fails ' +
        'with exit code 2 otherwise (always with --json).',
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
      '\nExit codes: 0 invited (with --wait: the room accepted), or already ringing or in the\n' +
      'meeting (not called again); 1 Tencent Meeting or the network failed; 2 bad input, or no\n' +
      'single meeting to call into; 3 with --wait: the call was placed but the room did not join\n' +
      '(rejected, no answer, still ringing after 75 s…); 4 unconfirmed: the reply to room-call\n' +
      "was lost and the call's status could not be read (check with `roomcall status`); 130\n" +
      'Ctrl-C, SIGTERM or SIGHUP (a ringing call is cancelled first). A lost reply is never\n' +
      "retried: the call's status says what happened.\n",
  );
  define(command, (code) => code.runInvite);
}
