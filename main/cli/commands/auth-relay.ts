import { isLocked } from '../../core/managed/apply-managed';
import { lockReason } from '../../core/managed/effective-settings';
import { signInToRelayWithBrowser } from '../../core/relay/relay-sign-in';
import {
  MalformedRelayTokenError,
  relayTokenSecrets,
  type RelayToken,
} from '../../core/secrets/relay-token-store';
import { browserOpener } from './auth-browser';
import { RELAY_TOKEN_VAR } from '../../core/secrets/env-vars';
import { relayUrlSchema } from '../../shared/model/settings-schema';
import type { CliContext } from '../context';
import type { InputSource } from '../deps';
import { EXIT_OK, UsageError, type ExitCode } from '../exit-codes';
import type { OptionValues } from '../options';
import { describeFailure } from '../failures';

/**
 * `roomcall auth login|logout` in relay mode (issue 17): the person signs in to the RoomCall
 * relay their organisation runs, with a token an admin issued (`--token`, stdin or a hidden
 * question) or through the browser (`--browser`, OIDC), and RoomCall keeps the sign-in in the
 * keychain (`relay:<profile>`). No Tencent credential is asked for, read or stored.
 */

const MAX_TOKEN_BYTES = 16_384;

/** Whether `auth login` signs in to a relay: asked to, or the settings already point at one. */
export async function isRelayLogin(ctx: CliContext, options: OptionValues): Promise<boolean> {
  if (options.string('relay') !== undefined) return true;
  if (options.string('token') !== undefined || options.flag('browser')) return true;
  return (await ctx.effectiveSettings()).settings.relayUrl !== null;
}

export async function runRelayLogin(ctx: CliContext, options: OptionValues): Promise<ExitCode> {
  const relayUrl = await chosenRelayUrl(ctx, options);
  const profile = await ctx.profile();
  await assertRelayKeychainUsable(ctx, profile);
  await ctx.settingsStore.assertWritable();
  const token: RelayToken = options.flag('browser')
    ? await signInToRelayWithBrowser({
        relayUrl,
        openBrowser: browserOpener(ctx),
        fetch: ctx.deps.fetch,
      })
    : { relayUrl, kind: 'token', accessToken: await readToken(ctx, options), expiresAtMs: null };
  ctx.output.protect(...relayTokenSecrets(token));

  // Who the relay says this token is: proves the token before anything is saved.
  const api = ctx.createRelayApi({ relayUrl, token, profile });
  const who = await api
    .whoAmI()
    .catch((error: unknown) => describeFailure(error, ctx.deps.timeZone));
  if ('exitCode' in who) {
    ctx.output.error(`The sign-in was not saved: ${who.message}`, who.hint);
    return who.exitCode;
  }
  await ctx.relayTokenStore().set(profile, token);
  const saved = await ctx.savedSettings();
  if (saved.settings.relayUrl !== relayUrl) await ctx.settingsStore.update({ relayUrl });
  ctx.output.line(
    `Signed in to the relay ${relayUrl} as ${who.operator_id} (${who.via === 'oidc' ? 'single sign-on' : 'issued token'}${who.expires_at === null ? '' : `, until ${who.expires_at}`}).`,
  );
  ctx.output.line(
    `Saved in the keychain (profile '${profile}'); no Tencent Meeting credentials are needed on this computer.`,
  );
  if (nonEmpty(ctx.deps.env[RELAY_TOKEN_VAR])) {
    ctx.output.note(`Note: ${RELAY_TOKEN_VAR} is set and takes precedence over the keychain.`);
  }
  return EXIT_OK;
}

/**
 * `auth logout` in relay mode: the sign-in leaves the keychain. A relay the person chose
 * themselves is forgotten too (the next `auth login` is direct again, unless --relay); one
 * their organisation set stays.
 */
export async function runRelayLogout(ctx: CliContext): Promise<ExitCode> {
  const profile = await ctx.profile();
  const removed = await ctx.relayTokenStore().delete(profile);
  ctx.output.line(
    removed
      ? `Signed out: removed the relay sign-in of profile '${profile}' from the keychain.`
      : `No relay sign-in was stored in the keychain for profile '${profile}'.`,
  );
  const managed = await ctx.managed();
  const saved = await ctx.settings();
  if (saved.relayUrl !== null && !isLocked(managed, 'relayUrl')) {
    await ctx.settingsStore.update({ relayUrl: null });
    ctx.output.line(`RoomCall no longer goes through the relay ${saved.relayUrl}.`);
  }
  if (nonEmpty(ctx.deps.env[RELAY_TOKEN_VAR])) {
    ctx.output.note(`Note: ${RELAY_TOKEN_VAR} is still set in this environment.`);
  }
  return EXIT_OK;
}

/** --relay, checked and normalised, against the organisation's lock; else the settings'. */
async function chosenRelayUrl(ctx: CliContext, options: OptionValues): Promise<string> {
  const given = options.string('relay');
  const saved = await ctx.savedSettings();
  if (given === undefined) {
    const current = (await ctx.effectiveSettings()).settings.relayUrl;
    if (current === null) {
      throw new UsageError('--relay <url> is needed: no relay is set up yet.');
    }
    return current;
  }
  const parsed = relayUrlSchema.safeParse(given);
  if (!parsed.success) {
    throw new UsageError(`--relay: ${parsed.error.issues[0]?.message ?? 'not a URL'}.`);
  }
  const managed = await ctx.managed();
  if (isLocked(managed, 'relayUrl') && parsed.data !== saved.settings.relayUrl) {
    throw new UsageError(
      `${lockReason('relayUrl', [])}: it cannot be changed here. Nothing was saved.`,
      `Sign in to ${saved.settings.relayUrl ?? 'the relay it names'} (leave out --relay).`,
    );
  }
  return parsed.data;
}

/** A broken entry is no obstacle (signing in replaces it); a locked keychain is said first. */
async function assertRelayKeychainUsable(ctx: CliContext, profile: string): Promise<void> {
  try {
    await ctx.relayTokenStore().get(profile);
  } catch (error) {
    if (!(error instanceof MalformedRelayTokenError)) throw error;
  }
}

/** --token, else stdin (--stdin), else a hidden question on the terminal. */
async function readToken(ctx: CliContext, options: OptionValues): Promise<string> {
  const given = options.string('token');
  let text: string;
  if (given !== undefined) text = given;
  else if (options.flag('stdin')) text = await readAllText(ctx.deps.stdin);
  else {
    const { stdin, stderr } = ctx.deps;
    if (!stdin.isTTY || !stderr.isTTY) {
      throw new UsageError(
        'No terminal to ask for the relay token on.',
        'Use `roomcall auth login --relay <url> --stdin` with the token on stdin, or --token.',
      );
    }
    const answer = await ctx.deps.prompt.askHidden('Relay token (not shown): ');
    if (answer === null) throw new UsageError('Sign-in cancelled: nothing was saved.');
    text = answer;
  }
  const token = text.trim();
  if (!/^[\x21-\x7e]{1,16384}$/.test(token)) {
    // Never quoted: it is a secret, even when mistyped.
    throw new UsageError(
      'The relay token is not usable: it is 1-16384 visible ASCII characters without spaces.',
    );
  }
  return token;
}

async function readAllText(input: InputSource): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input.chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    size += buffer.byteLength;
    if (size > MAX_TOKEN_BYTES + 2) {
      throw new UsageError(`--stdin: the input is larger than ${MAX_TOKEN_BYTES} bytes.`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function nonEmpty(value: string | undefined): boolean {
  return value !== undefined && value !== '';
}
