import { resolveAccount } from '../../core/account';
import { isLocked } from '../../core/managed/apply-managed';
import type { WhoAmI } from '../../core/relay/contract';
import type { CliContext } from '../context';
import { EXIT_OK, EXIT_USAGE, type ExitCode } from '../exit-codes';
import { describeFailure, type Failure } from '../failures';
import type { OptionValues } from '../options';
import { checkJson, printCheckFailure } from './auth-status-check';
import { DEFAULT_PROFILE } from '../../shared/model/settings-schema';

/**
 * `roomcall auth status` in relay mode: the relay in use and where it was set, where the
 * sign-in comes from, and who the relay says this is (GET /v1/me), as the live check. No
 * Tencent credential is looked for: a relay desktop has none.
 */

type Check = { readonly ok: true; readonly who: WhoAmI } | ({ readonly ok: false } & Failure);

export async function runRelayStatus(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const json = options.flag('json');
  const { settings } = await ctx.effectiveSettings();
  const relayUrl = settings.relayUrl ?? '';
  const profile = await ctx.profile();
  const account = await resolveAccount({
    env: ctx.deps.env,
    store: ctx.credentialStore(),
    relayTokens: ctx.relayTokenStore(),
    settings: { ...settings, profile },
  });
  const managed = await ctx.managed();
  const relaySource = isLocked(managed, 'relayUrl')
    ? 'organisation'
    : managed?.settings.relayUrl === relayUrl && (await ctx.settings()).relayUrl !== relayUrl
      ? 'organisation'
      : 'settings';
  const signIn = account.status === 'ready' && account.mode === 'relay' ? account : null;
  let check: Check | null = null;
  if (signIn !== null) {
    try {
      check = { ok: true, who: await ctx.createRelayApi(signIn).whoAmI() };
    } catch (error) {
      check = { ok: false, ...describeFailure(error, ctx.deps.timeZone) };
    }
  }

  if (json) {
    ctx.output.json({
      mode: 'relay',
      configured: signIn !== null,
      relay_url: relayUrl,
      relay_url_source: relaySource,
      source: signIn?.tokenSource ?? null,
      profile: signIn?.tokenSource === 'environment' ? null : profile,
      operator_id: check?.ok === true ? check.who.operator_id : null,
      via: check?.ok === true ? check.who.via : null,
      expires_at: check?.ok === true ? check.who.expires_at : null,
      check: checkJson(check),
    });
  } else {
    const out = ctx.output;
    out.line('Mode:        through a RoomCall relay (no Tencent Meeting credentials here)');
    out.line(
      `Relay:       ${relayUrl} (${relaySource === 'organisation' ? 'set by your organisation' : 'from the settings file'})`,
    );
    out.line(
      signIn === null
        ? `Sign-in:     none (keychain profile '${profile}')`
        : signIn.tokenSource === 'environment'
          ? 'Sign-in:     from the environment (ROOMCALL_RELAY_TOKEN)'
          : `Sign-in:     in the keychain (profile '${profile}')`,
    );
    if (check !== null && check.ok) {
      const { who } = check;
      out.line(`Operator:    ${who.operator_id} (as the relay identifies you)`);
      out.line(
        `Check:       OK: the relay knows you (${who.via === 'oidc' ? 'single sign-on' : 'issued token'}${who.expires_at === null ? '' : `, until ${who.expires_at}`}).`,
      );
    } else if (check !== null) {
      printCheckFailure(out, check);
    }
  }
  if (signIn === null) {
    const option = profile === DEFAULT_PROFILE ? '' : ` --profile ${profile}`;
    ctx.output.error(
      'You are not signed in to the relay.',
      `Run \`roomcall auth login --relay ${relayUrl}${option}\` (with --token, --stdin or --browser).`,
    );
    return EXIT_USAGE;
  }
  return check === null || check.ok ? EXIT_OK : check.exitCode;
}
