import { resolveAccount } from '../../core/account';
import { isLocked } from '../../core/managed/apply-managed';
import { type ResolvedCredentials } from '../../core/secrets/env-credentials';
import { describeCredentials } from '../../core/wemeet/credentials';
import type { CliContext } from '../context';
import { EXIT_OK, EXIT_USAGE, type ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';
import { liveCheck } from './auth-checks';
import { runRelayStatus } from './auth-relay-status';
import { checkJson, printCheckFailure } from './auth-status-check';
import { DEFAULT_BASE_URL } from '../../shared/rules/base-url';
import { DEFAULT_PROFILE } from '../../shared/model/settings-schema';

/** `roomcall auth status`: where the credentials, operator and base URL come from, and a live check. */

export async function runStatus(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const json = options.flag('json');
  const { settings, fromEnvironment } = await ctx.effectiveSettings();
  if (settings.relayUrl !== null) return runRelayStatus(ctx, options);
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
    account.status !== 'ready' || account.mode !== 'direct'
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
      check: checkJson(check),
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
      else printCheckFailure(ctx.output, check);
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
