import { DEFAULT_PROFILE } from '../shared/model/settings-schema';
import { credentialRuleWords, isUsableCredentialText } from '../shared/rules/credential-text';
import type { CredentialStore } from './secrets/credential-store';
import { RELAY_TOKEN_VAR } from './secrets/env-vars';
import {
  relayTokenSchema,
  type RelayToken,
  type RelayTokenStore,
} from './secrets/relay-token-store';
import {
  EnvironmentError,
  resolveCredentials,
  type Environment,
  type ResolvedCredentials,
} from './secrets/env-credentials';

/**
 * The account RoomCall acts for, resolved one way for the app and the CLI. Two modes:
 * - direct: the credentials (the WEMEET_* environment, else the keychain profile), the
 *   operator and the base URL from the effective settings;
 * - relay (settings.relayUrl set, by the person or their organisation): a RoomCall relay
 *   holds the enterprise secret and sets the operator; this machine has only the person's
 *   sign-in to it, from the keychain. No Tencent credential is read at all, from the keychain
 *   or the environment: a managed desktop pointed at a relay holds no enterprise secret.
 * Both give the scope the room directory cache is keyed to. What is missing is one
 * NotConfiguredError, which each front-end words its own way to fix (the app's Settings
 * window, the CLI's `roomcall auth login`; see their problem tables).
 */

export type MissingPart = 'credentials' | 'operator' | 'relay-sign-in';

/** No credentials or no operator yet: the person has to finish setting RoomCall up. */
export class NotConfiguredError extends Error {
  readonly kind = 'not-configured';
  readonly missing: MissingPart;
  /** The keychain profile that was looked in (not a secret). */
  readonly profile: string;
  /** What to do, when the front-ends do not word it themselves (relay-sign-in); else null. */
  readonly hint: string | null;
  constructor(missing: MissingPart, profile: string, relayUrl: string | null = null) {
    const which = profile === DEFAULT_PROFILE ? '' : ` for profile '${profile.slice(0, 80)}'`;
    const option = profile === DEFAULT_PROFILE ? '' : ` --profile ${profile.slice(0, 80)}`;
    super(
      missing === 'credentials'
        ? `No Tencent Meeting credentials are set up${which}.`
        : missing === 'operator'
          ? 'No operator is set up: RoomCall needs the enterprise userid it acts as.'
          : `You are not signed in to the RoomCall relay ${relayUrl ?? ''}${which}.`.replace(
              ' .',
              '.',
            ),
    );
    this.name = 'NotConfiguredError';
    this.missing = missing;
    this.profile = profile;
    this.hint =
      missing === 'relay-sign-in'
        ? `Sign in: \`roomcall auth login --relay ${relayUrl ?? '<url>'}${option} --browser\` (or --token with a token your IT department issued).`
        : null;
  }
}

/**
 * A saved operator userid that breaks the credential rule (visible ASCII): a settings file
 * edited by hand or written by an older version. Refused before any request rather than sent
 * and reported as a network or server error. The userid is no secret, but it is not quoted:
 * it may hold the very controls that make it unusable.
 */
export class InvalidOperatorError extends Error {
  readonly kind = 'invalid-operator';
  constructor() {
    super(
      `The saved operator userid is not usable: it must be 1-128 characters, ${credentialRuleWords()}.`,
    );
    this.name = 'InvalidOperatorError';
  }
}

export interface AccountSettings {
  readonly profile: string;
  readonly operatorId: string | null;
  readonly baseUrl: string;
  /** A RoomCall relay to go through; null or absent: Tencent Meeting directly. */
  readonly relayUrl?: string | null | undefined;
}

export interface AccountSources {
  readonly env: Environment;
  readonly store: CredentialStore;
  /** The relay sign-ins (keychain); needed only when settings.relayUrl is set. */
  readonly relayTokens?: RelayTokenStore | undefined;
  /** The effective settings (environment over managed over the settings file). */
  readonly settings: AccountSettings;
}

/** An account that can sign requests. Holds the SecretKey: it stays in main. */
export interface ReadyAccount {
  readonly status: 'ready';
  readonly mode: 'direct';
  readonly credentials: ResolvedCredentials;
  readonly operatorId: string;
  readonly baseUrl: string;
  /** Keys the room directory cache to this enterprise app and server: never a secret. */
  readonly cacheScope: string;
}

/**
 * An account that goes through a RoomCall relay: the person's sign-in (it stays in main) and
 * no Tencent credential (`credentials` is null, so code reading a direct account's finds none).
 */
export interface RelayAccount {
  readonly status: 'ready';
  readonly mode: 'relay';
  readonly relayUrl: string;
  readonly token: RelayToken;
  /** Where the sign-in came from: ROOMCALL_RELAY_TOKEN, or the keychain profile. */
  readonly tokenSource: 'environment' | 'keychain';
  /** The keychain profile the sign-in is (or would be) stored in. */
  readonly profile: string;
  readonly credentials: null;
  /** The relay's one shared directory: keyed to the relay, never a secret. */
  readonly cacheScope: string;
}

export interface UnconfiguredAccount {
  readonly status: 'not-configured';
  /** What was found, when only the operator is missing. */
  readonly credentials: ResolvedCredentials | null;
  readonly error: NotConfiguredError;
}

export type ResolvedAccount = ReadyAccount | RelayAccount | UnconfiguredAccount;

/**
 * Resolves the account, or says what is missing. Throws what reading the credentials throws
 * (KeychainUnavailableError, MalformedCredentialsError, EnvironmentError), and an
 * InvalidOperatorError for a saved operator that breaks the credential rule: those are not
 * "not set up yet" but "cannot be read now", and each front-end reports them as such.
 */
export async function resolveAccount(sources: AccountSources): Promise<ResolvedAccount> {
  const { settings } = sources;
  const relayUrl = settings.relayUrl ?? null;
  if (relayUrl !== null) return resolveRelayAccount(sources, relayUrl);
  const credentials = await resolveCredentials({
    env: sources.env,
    store: sources.store,
    profile: settings.profile,
  });
  if (credentials === null) {
    return {
      status: 'not-configured',
      credentials: null,
      error: new NotConfiguredError('credentials', settings.profile),
    };
  }
  if (settings.operatorId !== null && !isUsableCredentialText('operatorId', settings.operatorId)) {
    throw new InvalidOperatorError();
  }
  if (settings.operatorId === null) {
    return {
      status: 'not-configured',
      credentials,
      error: new NotConfiguredError('operator', settings.profile),
    };
  }
  return {
    status: 'ready',
    mode: 'direct',
    credentials,
    operatorId: settings.operatorId,
    baseUrl: settings.baseUrl,
    cacheScope: `${credentials.credentials.appId}@${settings.baseUrl}`,
  };
}

/** The directory cache scope of a relay: one per relay, shared by everyone signed in to it. */
export function relayCacheScope(relayUrl: string): string {
  return `relay@${relayUrl}`;
}

/**
 * Relay mode: the profile's relay sign-in, if it was made for this relay. A sign-in made for
 * another address is not sent here (a token goes only to the relay that issued it): the
 * person signs in again. Throws what reading the keychain throws (KeychainUnavailableError,
 * MalformedRelayTokenError).
 */
async function resolveRelayAccount(
  sources: AccountSources,
  relayUrl: string,
): Promise<RelayAccount | UnconfiguredAccount> {
  const { profile } = sources.settings;
  const fromEnv = relayTokenFromEnv(sources.env, relayUrl);
  if (fromEnv !== null) {
    return {
      status: 'ready',
      mode: 'relay',
      relayUrl,
      token: fromEnv,
      tokenSource: 'environment',
      profile,
      credentials: null,
      cacheScope: relayCacheScope(relayUrl),
    };
  }
  if (sources.relayTokens === undefined) {
    throw new TypeError('resolveAccount: a relayUrl is set but no relay token store was given');
  }
  const token = await sources.relayTokens.get(profile);
  if (token === null || token.relayUrl !== relayUrl) {
    return {
      status: 'not-configured',
      credentials: null,
      error: new NotConfiguredError('relay-sign-in', profile, relayUrl),
    };
  }
  return {
    status: 'ready',
    mode: 'relay',
    relayUrl,
    token,
    tokenSource: 'keychain',
    profile,
    credentials: null,
    cacheScope: relayCacheScope(relayUrl),
  };
}

/** ROOMCALL_RELAY_TOKEN as a sign-in to `relayUrl`; null when unset (empty counts as unset). */
function relayTokenFromEnv(env: Environment, relayUrl: string): RelayToken | null {
  const value = env[RELAY_TOKEN_VAR];
  if (value === undefined || value === '') return null;
  const token = { relayUrl, kind: 'token' as const, accessToken: value, expiresAtMs: null };
  if (!relayTokenSchema.safeParse(token).success) {
    throw new EnvironmentError(
      `${RELAY_TOKEN_VAR} is not a usable token: 1-16384 visible ASCII characters without spaces.`,
      [RELAY_TOKEN_VAR],
    );
  }
  return token;
}
