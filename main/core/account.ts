import { DEFAULT_PROFILE } from '../shared/model/settings-schema';
import { credentialRuleWords, isUsableCredentialText } from '../shared/rules/credential-text';
import type { CredentialStore } from './secrets/credential-store';
import {
  resolveCredentials,
  type Environment,
  type ResolvedCredentials,
} from './secrets/env-credentials';

/**
 * The account RoomCall acts for, resolved one way for the app and the CLI: the credentials
 * (the WEMEET_* environment, else the keychain profile), the operator and the base URL from
 * the effective settings, and the scope the room directory cache is keyed to. What is missing
 * is one NotConfiguredError, which each front-end words its own way to fix (the app's
 * Settings window, the CLI's `roomcall auth login`; see their problem tables).
 */

export type MissingPart = 'credentials' | 'operator';

/** No credentials or no operator yet: the person has to finish setting RoomCall up. */
export class NotConfiguredError extends Error {
  readonly kind = 'not-configured';
  readonly missing: MissingPart;
  /** The keychain profile that was looked in (not a secret). */
  readonly profile: string;
  constructor(missing: MissingPart, profile: string) {
    const which = profile === DEFAULT_PROFILE ? '' : ` for profile '${profile.slice(0, 80)}'`;
    super(
      missing === 'credentials'
        ? `No Tencent Meeting credentials are set up${which}.`
        : 'No operator is set up: RoomCall needs the enterprise userid it acts as.',
    );
    this.name = 'NotConfiguredError';
    this.missing = missing;
    this.profile = profile;
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
}

export interface AccountSources {
  readonly env: Environment;
  readonly store: CredentialStore;
  /** The effective settings (environment over managed over the settings file). */
  readonly settings: AccountSettings;
}

/** An account that can sign requests. Holds the SecretKey: it stays in main. */
export interface ReadyAccount {
  readonly status: 'ready';
  readonly credentials: ResolvedCredentials;
  readonly operatorId: string;
  readonly baseUrl: string;
  /** Keys the room directory cache to this enterprise app and server: never a secret. */
  readonly cacheScope: string;
}

export interface UnconfiguredAccount {
  readonly status: 'not-configured';
  /** What was found, when only the operator is missing. */
  readonly credentials: ResolvedCredentials | null;
  readonly error: NotConfiguredError;
}

export type ResolvedAccount = ReadyAccount | UnconfiguredAccount;

/**
 * Resolves the account, or says what is missing. Throws what reading the credentials throws
 * (KeychainUnavailableError, MalformedCredentialsError, EnvironmentError), and an
 * InvalidOperatorError for a saved operator that breaks the credential rule: those are not
 * "not set up yet" but "cannot be read now", and each front-end reports them as such.
 */
export async function resolveAccount(sources: AccountSources): Promise<ResolvedAccount> {
  const { settings } = sources;
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
    credentials,
    operatorId: settings.operatorId,
    baseUrl: settings.baseUrl,
    cacheScope: `${credentials.credentials.appId}@${settings.baseUrl}`,
  };
}
