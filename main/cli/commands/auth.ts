import type { Command } from 'commander';
import { ENV_CREDENTIAL_VARS, ENV_VARS } from '../../core/secrets/env-vars';
import type { ActionDefiner } from '../program-support';
import { examples } from './shared-options';

/**
 * `roomcall auth login|status|logout`: credentials in the OS keychain (one entry per
 * profile), the operator in the settings file. The environment's WEMEET_* variables always
 * win over both, so these commands say when they are set. Their code is in auth-run.ts and
 * auth-status.ts, loaded only when one runs.
 */

export function registerAuth(program: Command, define: ActionDefiner): void {
  const auth = program
    .command('auth')
    .summary('log in, check and log out (credentials in the OS keychain)')
    .description(
      "Manage the enterprise app's credentials (AppId, SdkId, SecretId, SecretKey), kept in " +
        'the OS keychain, and the operator userid, kept in the settings file. ' +
        `The environment variables ${ENV_CREDENTIAL_VARS.join(', ')} and ${ENV_VARS.operatorId} ` +
        'always take precedence over both.',
    );

  const login = auth
    .command('login')
    .summary('save credentials in the keychain after checking them')
    .description(
      'Ask for AppId, SdkId (optional), SecretId, SecretKey (not shown) and the operator userid, ' +
        'check them with a signed request, then save the credentials in the keychain and the ' +
        'operator in the settings. Nothing is saved when the check fails.',
    )
    .option(
      '--stdin',
      'read {"appId","sdkId"?,"secretId","secretKey","operatorId"} as JSON from stdin instead of asking',
    )
    .option('--base-url <url>', 'the API base URL to save (private deployments, simulators)')
    .option(
      '--relay <url>',
      "sign in to your organisation's RoomCall relay instead (no Tencent credentials here)",
    )
    .option(
      '--token <token>',
      'with a relay: the token your IT department issued (or --stdin, or asked, not shown)',
    )
    .option('--browser', "with a relay: sign in through the browser (your company's sign-in)");
  login.addHelpText(
    'after',
    examples([
      'roomcall auth login',
      'roomcall auth login --profile test',
      'secret-tool lookup app roomcall | roomcall auth login --stdin',
      'roomcall auth login --relay https://roomcall-relay.example.com',
      'roomcall auth login --relay https://roomcall-relay.example.com --browser',
    ]),
  );
  define(login, (code) => code.runLogin);

  const status = auth
    .command('status')
    .summary('show what is configured and test it with a signed request')
    .option('--json', 'print one JSON document on stdout');
  status.addHelpText('after', examples(['roomcall auth status', 'roomcall auth status --json']));
  define(status, (code) => code.runAuthStatus);

  const logout = auth
    .command('logout')
    .summary("remove the profile's credentials from the keychain");
  logout.addHelpText(
    'after',
    examples(['roomcall auth logout', 'roomcall auth logout --profile test']),
  );
  define(logout, (code) => code.runLogout);
}
