import { Command } from 'commander';
import { version } from '../../package.json';
import { registerAuth } from './commands/auth';
import { registerCalls } from './commands/calls';
import { registerDirectory } from './commands/directory';
import { registerFavorites } from './commands/favorites';
import { registerHistory } from './commands/history';
import { registerInvite } from './commands/invite';
import { registerRelay } from './commands/relay';
import { examples } from './commands/shared-options';
import type { CliDeps } from './deps';
import type { ExitCode } from './exit-codes';
import type { Output } from './output';
import { actionDefiner } from './program-support';

/**
 * The command tree. A fresh program per run (commander keeps parse state on its objects), with
 * output going through the injected sinks and commander's own exits turned into exceptions
 * that run.ts maps to exit codes.
 */

const ROOT_HELP =
  examples([
    'roomcall auth login',
    'roomcall rooms --search 长城',
    'roomcall invite --room 1234567890123456789 --wait',
    'roomcall invite --meeting 806-146-667 --favorite 1 --json | jq -r .invite_id',
  ]) +
  `
Environment (always takes precedence over the keychain, the settings file and the
organisation's managed configuration):
  WEMEET_APP_ID, WEMEET_SDK_ID (optional), WEMEET_SECRET_ID, WEMEET_SECRET_KEY
                       the enterprise app's credentials
  WEMEET_OPERATOR_ID   the userid RoomCall acts as
  WEMEET_BASE_URL      the API (default https://api.meeting.qq.com); https, or plain
                       http to this machine only (127.0.0.1, ::1, localhost)
  ROOMCALL_DATA_DIR    where settings, favourites, history and the room cache live
  ROOMCALL_MANAGED_CONFIG
                       the managed configuration to read instead of the machine's
                       (docs/managed-config.md)

Exit codes:
  0    success
  1    Tencent Meeting, the network or the keychain failed (the server's code is on stderr),
       or a data file could not be saved (busy with another RoomCall's change: try again)
  2    usage or input error, found before any room is called (also a change the
       organisation's managed configuration does not allow)
  3    invite --wait: the call was placed but the room did not join
  4    invite: unconfirmed (the reply was lost and the status could not be read: it may ring)
  130  interrupted (Ctrl-C, SIGTERM, SIGHUP); a ringing call is cancelled first

Reference: docs/cli.md
`;

export function buildProgram(
  deps: CliDeps,
  output: Output,
  onExit: (code: ExitCode) => void,
): Command {
  const program = new Command('roomcall');
  // Set before the subcommands are added: commander copies these settings into each.
  program
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        output.raw('stdout', text);
      },
      writeErr: (text) => {
        output.raw('stderr', text);
      },
      outputError: (text, write) => {
        write(`roomcall: ${text}`);
      },
      getOutHelpWidth: () => deps.stdout.columns ?? 80,
      getErrHelpWidth: () => deps.stderr.columns ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    // --profile is the program's option; subcommands' help lists it too.
    .configureHelp({ showGlobalOptions: true })
    .showHelpAfterError('(add --help for usage and examples)')
    .showSuggestionAfterError(true);

  program
    .description(
      'Invite meeting rooms and SIP/H.323 devices into Tencent Meeting calls (腾讯会议).',
    )
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help (every command has its own, with examples)')
    .option(
      '-p, --profile <name>',
      'keychain profile to use (default: the settings\' profile, "default")',
    )
    .addHelpText('after', ROOT_HELP);

  const define = actionDefiner(deps, output, onExit);
  registerInvite(program, define);
  registerCalls(program, define);
  registerDirectory(program, define);
  registerAuth(program, define);
  registerFavorites(program, define);
  registerHistory(program, define);
  registerRelay(program, define);
  return program;
}
