import type { Command } from 'commander';
import { resolveAccount } from '../../core/account';
import { isLocked } from '../../core/managed/apply-managed';
import { lockReason, refusedCredentialChanges } from '../../core/managed/effective-settings';
import { MalformedCredentialsError } from '../../core/secrets/credential-store';
import { ENV_VARS, type ResolvedCredentials } from '../../core/secrets/env-credentials';
import { describeCredentials } from '../../core/wemeet/credentials';
import type { WemeetApi } from '../../core/wemeet/api';
import type { CliContext } from '../context';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type ExitCode } from '../exit-codes';
import { describeFailure, type Failure } from '../failures';
import { askLogin, readLoginFromStdin } from '../login-input';
import type { OptionValues } from '../options';
import type { ActionDefiner } from '../program-support';
import { examples } from './shared-options';
import { DEFAULT_BASE_URL } from '../../shared/rules/base-url';
import { baseUrlSchema } from '../../shared/model/settings-schema';
import { DEFAULT_PROFILE } from '../../shared/model/settings-schema';

/**
 * `roomcall auth login|status|logout`: credentials in the OS keychain (one entry per
 * profile), the operator in the settings file. The environment's WEMEET_* variables always
 * win over both, so these commands say when they are set.
 */

const ENV_CREDENTIAL_VARS = [
  ENV_VARS.appId,
  ENV_VARS.sdkId,
  ENV_VARS.secretId,
  ENV_VARS.secretKey,
] as const;

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
    .option('--base-url <url>', 'the API base URL to save (private deployments, simulators)');
  login.addHelpText(
    'after',
    examples([
      'roomcall auth login',
      'roomcall auth login --profile test',
      'secret-tool lookup app roomcall | roomcall auth login --stdin',
    ]),
  );
  define(login, runLogin);

  const status = auth
    .command('status')
    .summary('show what is configured and test it with a signed request')
    .option('--json', 'print one JSON document on stdout');
  status.addHelpText('after', examples(['roomcall auth status', 'roomcall auth status --json']));
  define(status, runStatus);

  const logout = auth
    .command('logout')
    .summary("remove the profile's credentials from the keychain");
  logout.addHelpText(
    'after',
    examples(['roomcall auth logout', 'roomcall auth logout --profile test']),
  );
  define(logout, runLogout);
}

async function runLogin(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const baseUrlOption = options.string('baseUrl');
  const baseUrlIssue =
    baseUrlOption === undefined ? undefined : baseUrlSchema.safeParse(baseUrlOption).error;
  if (baseUrlIssue !== undefined) {
    throw new UsageError(`--base-url: ${baseUrlIssue.issues[0]?.message ?? 'not a URL'}.`);
  }
  const profile = await ctx.profile();
  const { settings } = await ctx.effectiveSettings();
  const managed = await ctx.managed();
  // Against what is saved (the environment wins for a run, it locks nothing login saves).
  const saved = await ctx.savedSettings();
  if (baseUrlOption !== undefined && baseUrlOption !== saved.settings.baseUrl) {
    if (isLocked(managed, 'baseUrl')) throw lockedError(['baseUrl']);
  }
  await assertKeychainUsable(ctx, profile);
  // Before anything is asked or saved: a settings file login could not write (a newer
  // version's, or a damaged one stuck in place) must not leave a keychain entry behind.
  await ctx.settingsStore.assertWritable();
  const input = options.flag('stdin')
    ? await readLoginFromStdin(ctx.deps.stdin)
    : await askOnTerminal(ctx, settings.operatorId);
  ctx.output.protect(input.credentials.secretKey, input.credentials.secretId);
  // What the organisation locked, by the app's rule (its credentials form). Against the saved
  // settings without the environment: WEMEET_* values only win for a run, they lock nothing
  // that login saves (the notes below say they take precedence).
  const refused = refusedCredentialChanges(saved, managed, {
    appId: input.credentials.appId,
    sdkId: input.credentials.sdkId,
    operatorId: input.operatorId,
  });
  if (refused.length > 0) throw lockedError(refused);

  const baseUrl = baseUrlOption ?? settings.baseUrl;
  const api = ctx.createApi(
    { credentials: input.credentials, operatorId: input.operatorId, baseUrl },
    settings.meetingIdEncoding,
  );
  const check = await liveCheck(api);
  if (!check.ok) {
    ctx.output.error(`The credentials were not saved: ${check.message}`, check.hint);
    return check.exitCode;
  }

  await ctx.credentialStore().set(profile, input.credentials);
  await ctx.settingsStore.update({
    operatorId: input.operatorId,
    ...(baseUrlOption === undefined ? {} : { baseUrl: baseUrlOption }),
  });
  const summary = describeCredentials(input.credentials);
  ctx.output.line(
    `Logged in: AppId ${summary.appId}, SdkId ${summary.sdkId ?? 'none'}, SecretId ${summary.secretIdHint}, operator ${input.operatorId}.`,
  );
  ctx.output.line(`Saved in the keychain (profile '${profile}'); ${check.words}`);
  const envSet = setEnvCredentialVars(ctx);
  if (envSet.length > 0) {
    ctx.output.note(
      `Note: ${envSet.join(', ')} ${envSet.length === 1 ? 'is' : 'are'} set in this environment and take precedence over the keychain.`,
    );
  }
  if (ctx.deps.env[ENV_VARS.operatorId] !== undefined && ctx.deps.env[ENV_VARS.operatorId] !== '') {
    ctx.output.note(
      `Note: ${ENV_VARS.operatorId} is set and takes precedence over the saved operator.`,
    );
  }
  return EXIT_OK;
}

/** A change the managed configuration locks: refused as the app refuses it (exit 2). */
function lockedError(keys: readonly string[]): UsageError {
  const reasons = keys.map((key) => lockReason(key, []));
  return new UsageError(
    `${reasons.join('; ')}: it cannot be changed here. Nothing was saved.`,
    'Ask your IT department, or log in with the values they set (see `roomcall auth status`).',
  );
}

/**
 * Reaches the keychain before asking for five fields, so a locked or missing one is reported
 * first. A malformed entry is no obstacle: logging in again is how it gets fixed.
 */
async function assertKeychainUsable(ctx: CliContext, profile: string): Promise<void> {
  try {
    await ctx.credentialStore().get(profile);
  } catch (error) {
    if (!(error instanceof MalformedCredentialsError)) throw error;
  }
}

async function askOnTerminal(ctx: CliContext, operatorDefault: string | null) {
  const { stdin, stderr } = ctx.deps;
  if (!stdin.isTTY || !stderr.isTTY) {
    throw new UsageError(
      'No terminal to ask for the credentials on.',
      'Use `roomcall auth login --stdin` with a JSON document, or set the WEMEET_* variables.',
    );
  }
  return askLogin(ctx.deps.prompt, operatorDefault);
}

async function runStatus(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const json = options.flag('json');
  const { settings, fromEnvironment } = await ctx.effectiveSettings();
  const profile = await ctx.profile();
  // The same resolution as every other command's (core account.ts), shown rather than thrown.
  const account = await resolveAccount({
    env: ctx.deps.env,
    store: ctx.credentialStore(),
    settings: { ...settings, profile },
  });
  const resolved = account.credentials;
  if (resolved !== null)
    ctx.output.protect(resolved.credentials.secretKey, resolved.credentials.secretId);
  const managed = await ctx.managed();
  const saved = await ctx.settings();
  // The organisation's when it locks the value, or pre-filled it and the file does not hold it.
  const fromOrganisation = (key: 'operatorId' | 'baseUrl'): boolean =>
    managed !== null &&
    managed.settings[key] !== undefined &&
    (isLocked(managed, key) ||
      (settings[key] === managed.settings[key] && saved[key] !== settings[key]));
  const operatorSource = fromEnvironment.includes('operatorId')
    ? 'environment'
    : fromOrganisation('operatorId')
      ? 'organisation'
      : 'settings';
  const baseUrlSource = fromEnvironment.includes('baseUrl')
    ? 'environment'
    : fromOrganisation('baseUrl')
      ? 'organisation'
      : settings.baseUrl === DEFAULT_BASE_URL
        ? 'default'
        : 'settings';

  const check =
    account.status !== 'ready'
      ? null
      : await liveCheck(
          ctx.createApi(
            {
              credentials: account.credentials.credentials,
              operatorId: account.operatorId,
              baseUrl: account.baseUrl,
            },
            settings.meetingIdEncoding,
          ),
        );
  const missing = check === null;

  if (json) {
    const summary = resolved === null ? null : describeCredentials(resolved.credentials);
    ctx.output.json({
      configured: !missing,
      source: resolved?.source ?? null,
      profile: resolved?.source === 'environment' ? null : profile,
      app_id: summary?.appId ?? null,
      sdk_id: summary?.sdkId ?? null,
      secret_id_hint: summary?.secretIdHint ?? null,
      operator_id: settings.operatorId,
      operator_source: settings.operatorId === null ? null : operatorSource,
      base_url: settings.baseUrl,
      base_url_source: baseUrlSource,
      check:
        check === null
          ? null
          : check.ok
            ? { ok: true }
            : { ok: false, code: check.code, message: check.message, hint: check.hint },
    });
  } else {
    printStatus(ctx, resolved, profile, {
      operatorId: settings.operatorId,
      operatorSource,
      baseUrl: settings.baseUrl,
      baseUrlSource,
    });
    if (check !== null) {
      if (check.ok) ctx.output.line(`Check:       OK: ${check.words}`);
      else {
        ctx.output.line(`Check:       FAILED: ${check.message}`);
        if (check.hint !== null) ctx.output.line(`             ${check.hint}`);
      }
    }
  }
  if (missing) {
    ctx.output.error(
      resolved === null ? 'No credentials are set up.' : 'No operator is set up.',
      `Run \`roomcall auth login${profile === DEFAULT_PROFILE ? '' : ` --profile ${profile}`}\`, or set the WEMEET_* variables.`,
    );
    return EXIT_USAGE;
  }
  return check.ok ? EXIT_OK : check.exitCode;
}

const SOURCE_WORDS: Readonly<Record<string, string>> = {
  environment: 'from the environment',
  organisation: 'set by your organisation',
  default: 'default',
  settings: 'from the settings file',
};

function printStatus(
  ctx: CliContext,
  resolved: ResolvedCredentials | null,
  profile: string,
  where: {
    operatorId: string | null;
    operatorSource: string;
    baseUrl: string;
    baseUrlSource: string;
  },
): void {
  const out = ctx.output;
  if (resolved === null) {
    out.line(`Credentials: none (keychain profile '${profile}' is empty, no WEMEET_* variables)`);
  } else {
    const summary = describeCredentials(resolved.credentials);
    out.line(
      resolved.source === 'environment'
        ? 'Credentials: from the environment (WEMEET_* variables)'
        : `Credentials: from the keychain (profile '${profile}')`,
    );
    out.line(`  AppId:     ${summary.appId}`);
    out.line(`  SdkId:     ${summary.sdkId ?? 'none'}`);
    out.line(`  SecretId:  ${summary.secretIdHint}`);
    out.line('  SecretKey: set (never shown)');
  }
  out.line(
    where.operatorId === null
      ? 'Operator:    none'
      : `Operator:    ${where.operatorId} (${SOURCE_WORDS[where.operatorSource] ?? 'from the settings file'})`,
  );
  out.line(
    `Base URL:    ${where.baseUrl} (${SOURCE_WORDS[where.baseUrlSource] ?? 'from the settings file'})`,
  );
}

async function runLogout(ctx: CliContext): Promise<ExitCode> {
  const profile = await ctx.profile();
  const removed = await ctx.credentialStore().delete(profile);
  ctx.output.line(
    removed
      ? `Removed the credentials of profile '${profile}' from the keychain.`
      : `No credentials were stored in the keychain for profile '${profile}'.`,
  );
  const envSet = setEnvCredentialVars(ctx);
  if (envSet.length > 0) {
    ctx.output.note(
      `Note: ${envSet.join(', ')} ${envSet.length === 1 ? 'is' : 'are'} still set in this environment: commands keep using ${envSet.length === 1 ? 'it' : 'them'} until unset.`,
    );
  }
  return EXIT_OK;
}

/** Which WEMEET_* credential variables are set (names only; incomplete sets count too). */
function setEnvCredentialVars(ctx: CliContext): string[] {
  // Names only, not readEnvCredentials: a partial set would throw, and logout must still
  // report it rather than fail on it.
  return ENV_CREDENTIAL_VARS.filter((name) => {
    const value = ctx.deps.env[name];
    return value !== undefined && value !== '';
  });
}

/** On failure, the failure as every command reports it (describeFailure), exit code included. */
type CheckResult =
  { readonly ok: true; readonly words: string } | ({ readonly ok: false } & Failure);

/**
 * One signed read that needs valid credentials and a known operator: the operator's meetings.
 * Its result in words, with the server's code on failure.
 */
async function liveCheck(api: WemeetApi): Promise<CheckResult> {
  try {
    const meetings = await api.listOperatorMeetings();
    return {
      ok: true,
      words: `a signed request to Tencent Meeting succeeded (${meetings.length} meeting${meetings.length === 1 ? '' : 's'} in progress or upcoming).`,
    };
  } catch (error) {
    const failure = describeFailure(error);
    return {
      ok: false,
      ...failure,
      exitCode: failure.exitCode === EXIT_USAGE ? EXIT_USAGE : EXIT_FAILURE,
    };
  }
}
