import type { Command } from 'commander';

/** Option texts and help sections that several commands share, worded once. */

export const MEETING_OPTION =
  "meeting code (806-146-667), meeting ID or join link; default: the operator's meeting in progress";

/** --room / --sip / --h323 / --favorite: exactly one of them (checked by targets.ts). */
export function addTargetOptions(command: Command): Command {
  return command
    .option('--room <meeting_room_id>', 'a meeting room of the account (see `roomcall rooms`)')
    .option('--sip <address>', 'a SIP device: IP address or SIP URI (room@vc.example.com)')
    .option('--h323 <address>', 'an H.323 device: IP address or E.164 number (+861012345678)')
    .option('-f, --favorite <label|position|id>', 'a favourite (see `roomcall favorites list`)');
}

export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
