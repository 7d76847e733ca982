import { isLocked } from '../../core/managed/apply-managed';
import { lockReason, refusedCredentialChanges } from '../../core/managed/effective-settings';
import { MalformedCredentialsError } from '../../core/secrets/credential-store';
import { ENV_VARS } from '../../core/secrets/env-credentials';
import { describeCredentials } from '../../core/wemeet/credentials';
import type { CliContext } from '../context';
import { EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import { askLogin, readLoginFromStdin } from '../login-input';
import type { OptionValues } from '../options';
import { baseUrlSchema } from '../../shared/model/settings-schema';
import { liveCheck, setEnvCredentialVars } from './auth-checks';
import { isRelayLogin, runRelayLogin, runRelayLogout } from './auth-relay';

/** `roomcall auth login|logout`: what they do (their definitions are in auth.ts). */

export async function runLogin(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  // A relay (asked for, or set up): sign in to it; no Tencent credential is asked for.
  if (await isRelayLogin(ctx, options)) return runRelayLogin(ctx, options);
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

export async function runLogout(ctx: CliContext): Promise<ExitCode> {
  if ((await ctx.effectiveSettings()).settings.relayUrl !== null) return runRelayLogout(ctx);
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
