import {
  resolveAccount,
  type ReadyAccount,
  type RelayAccount,
  type UnconfiguredAccount,
} from '../../core/account';
import { createRelayApi, type RelayApi } from '../../core/relay/relay-api';
import { createRelayBearer, type RelayTokenRefresher } from '../../core/relay/relay-bearer';
import {
  relayTokenSecrets,
  type RelayToken,
  type RelayTokenStore,
} from '../../core/secrets/relay-token-store';
import type { ManagedConfig } from '../../core/managed/managed-config';
import { type CredentialStore, type StoredCredentials } from '../../core/secrets/credential-store';
import type { Environment } from '../../core/secrets/env-credentials';
import { KeychainUnavailableError } from '../../core/secrets/keychain-errors';
import { pathExists } from '../../core/store/document-file';
import type { WemeetApi } from '../../core/wemeet/api';
import { createWemeetApi } from '../../core/wemeet/api-impl';
import type { WemeetClientOptions } from '../../core/wemeet/client-options';
import type { FetchLike } from '../../core/wemeet/transport';
import type { AppStores } from './stores';
import { isLocked } from '../../core/managed/apply-managed';
import { SettingsLockedError } from './errors';
import { effectiveSettings, type EffectiveSettings } from '../../core/managed/effective-settings';

/** Client knobs tests turn (a virtual clock, short timeouts); the app leaves the defaults. */
export type ApiTuning = Pick<
  WemeetClientOptions,
  'now' | 'nonce' | 'timeoutMs' | 'retry' | 'sleep' | 'random'
>;

export interface SessionOptions {
  readonly stores: AppStores;
  readonly env: Environment;
  readonly credentialStore: CredentialStore;
  /** The relay sign-ins (keychain); read only when a relayUrl is set. */
  readonly relayTokenStore: RelayTokenStore;
  /** Renews an OIDC sign-in near its expiry (main/core/relay/sign-in); none: sign in again. */
  readonly relayRefresh?: RelayTokenRefresher | undefined;
  readonly managed: ManagedConfig | null;
  /** Electron's net.fetch in the app (system proxy, OS certificates); global fetch elsewhere. */
  readonly fetch?: FetchLike | undefined;
  readonly appVersion: string;
  readonly api?: ApiTuning | undefined;
}

/**
 * The account the app acts for (the core's resolution, shared with the CLI), ready to sign
 * requests (direct) or to send them through a relay, or why it is not. Every service uses
 * `api` and `cacheScope` and works the same in both modes.
 */
export type Account =
  | (ReadyAccount & { readonly api: WemeetApi })
  | (RelayAccount & { readonly api: RelayApi })
  | UnconfiguredAccount
  /** The keychain or the WEMEET_* environment could not give credentials. */
  | { readonly status: 'unavailable'; readonly error: Error };

export interface KeychainState {
  readonly available: boolean;
  readonly message: string | null;
}

/**
 * Settings, managed configuration and credentials, resolved into one signed WemeetApi. The
 * SecretKey stays inside this object and the client it builds. When the keychain cannot be
 * used, that is reported as state (`keychainState`, an 'unavailable' account), never worked
 * around with a plaintext copy.
 */
export class Session {
  readonly stores: AppStores;
  readonly managed: ManagedConfig | null;
  readonly #options: SessionOptions;
  #settings: Promise<EffectiveSettings> | null = null;
  #account: Promise<Account> | null = null;
  #keychain: KeychainState = { available: true, message: null };
  /**
   * Every SecretId and SecretKey (and relay token) this process has seen, for the outgoing
   * secret guard.
   */
  readonly #secrets = new Set<string>();
  readonly #listeners = new Set<() => void>();

  constructor(options: SessionOptions) {
    this.#options = options;
    this.stores = options.stores;
    this.managed = options.managed;
  }

  /** Called after anything that changes the account or the settings. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  settings(): Promise<EffectiveSettings> {
    if (this.#settings !== null) return this.#settings;
    const pending: Promise<EffectiveSettings> = this.#loadSettings().catch((error: unknown) => {
      if (this.#settings === pending) this.#settings = null;
      throw error;
    });
    this.#settings = pending;
    return pending;
  }

  account(): Promise<Account> {
    if (this.#account !== null) return this.#account;
    const pending: Promise<Account> = this.#resolveAccount().then(
      (account) => {
        // A locked keychain may be unlocked in a minute: ask again next time.
        const retry =
          account.status === 'unavailable' && account.error instanceof KeychainUnavailableError;
        if (retry && this.#account === pending) this.#account = null;
        return account;
      },
      (error: unknown) => {
        if (this.#account === pending) this.#account = null;
        throw error;
      },
    );
    this.#account = pending;
    return pending;
  }

  /** The ready account, or the error that says what is missing. */
  async requireAccount(): Promise<Extract<Account, { status: 'ready' }>> {
    const account = await this.account();
    if (account.status === 'ready') return account;
    throw account.error;
  }

  /**
   * Which enterprise and operator the app acts for, as a comparable string (no secret), so a
   * change of account can be told from a change of language. Never rejects.
   */
  async accountKey(): Promise<string> {
    try {
      const account = await this.account();
      if (account.status !== 'ready') return account.status;
      if (account.mode === 'relay') return `relay@${account.relayUrl}/${account.profile}`;
      const { appId, sdkId } = account.credentials.credentials;
      return `${appId}/${sdkId ?? ''}@${account.baseUrl}#${account.operatorId}`;
    } catch {
      return 'unavailable';
    }
  }

  keychainState(): KeychainState {
    return this.#keychain;
  }

  knownSecrets(): readonly string[] {
    return [...this.#secrets];
  }

  /** Stores credentials in the keychain profile in use; write-only, nothing comes back. */
  async saveCredentials(credentials: StoredCredentials): Promise<void> {
    this.#remember(credentials);
    const { settings } = await this.settings();
    // A desktop the organisation points at its relay keeps no enterprise secret (issue 17).
    if (settings.relayUrl !== null && isLocked(this.managed, 'relayUrl')) {
      throw new SettingsLockedError(RELAY_LOCKED, ['relayUrl']);
    }
    await this.#writeKeychain(() =>
      this.#options.credentialStore.set(settings.profile, credentials),
    );
  }

  /**
   * Removes the profile's keychain entry: the relay sign-in in relay mode, else the
   * credentials. True when there was one.
   */
  async logout(): Promise<boolean> {
    const { settings } = await this.settings();
    const removed =
      settings.relayUrl === null
        ? await this.#options.credentialStore.delete(settings.profile)
        : await this.#options.relayTokenStore.delete(settings.profile);
    this.invalidate();
    return removed;
  }

  /**
   * Stores a relay sign-in (a pasted token, or what the browser sign-in gave) for the relay in
   * use; the windows' sign-in will call this. Refused for another relay than the settings'.
   */
  async saveRelayToken(token: RelayToken): Promise<void> {
    const { settings } = await this.settings();
    if (settings.relayUrl !== token.relayUrl) {
      throw new TypeError('saveRelayToken: the sign-in is for another relay than the one in use');
    }
    await this.#writeKeychain(() => this.#options.relayTokenStore.set(settings.profile, token));
  }

  /** One keychain write: what it says of the keychain is remembered, then all is read again. */
  async #writeKeychain(write: () => Promise<void>): Promise<void> {
    try {
      await write();
      this.#keychain = { available: true, message: null };
    } catch (error) {
      if (error instanceof KeychainUnavailableError) {
        this.#keychain = { available: false, message: error.message };
      }
      throw error;
    }
    this.invalidate();
  }

  /** Forgets what was resolved, so the next use reads settings and credentials again. */
  invalidate(): void {
    this.#settings = null;
    this.#account = null;
    for (const listener of this.#listeners) listener();
  }

  async #loadSettings(): Promise<EffectiveSettings> {
    const { settings: store } = this.stores;
    const loaded = await store.load();
    // Managed values pre-fill only a person who has no settings file yet.
    const user = (await pathExists(store.file)) ? loaded.value : null;
    return effectiveSettings(user, this.managed, this.#options.env);
  }

  async #resolveAccount(): Promise<Account> {
    const { settings } = await this.settings();
    let account: Awaited<ReturnType<typeof resolveAccount>>;
    try {
      account = await resolveAccount({
        env: this.#options.env,
        store: this.#options.credentialStore,
        relayTokens: this.#options.relayTokenStore,
        settings,
      });
      if (account.credentials?.source !== 'environment')
        this.#keychain = { available: true, message: null };
    } catch (error) {
      if (error instanceof KeychainUnavailableError) {
        this.#keychain = { available: false, message: error.message };
      }
      return { status: 'unavailable', error: asError(error) };
    }
    if (account.credentials !== null) this.#remember(account.credentials.credentials);
    if (account.status !== 'ready') return account;
    if (account.mode === 'relay') {
      // The sign-in is a secret like the SecretKey: the outgoing guard keeps it from windows.
      for (const value of relayTokenSecrets(account.token)) this.#secrets.add(value);
      return { ...account, api: this.#relayApi(account) };
    }
    const api = createWemeetApi({
      ...this.#options.api,
      baseUrl: account.baseUrl,
      credentials: account.credentials.credentials,
      operatorId: account.operatorId,
      fetch: this.#options.fetch,
      appVersion: this.#options.appVersion,
      meetingIdEncoding: settings.meetingIdEncoding,
    });
    return { ...account, api };
  }

  /** The relay's API, with the sign-in as bearer (renewed and saved back when it can be). */
  #relayApi(account: RelayAccount): RelayApi {
    const { relayTokenStore, relayRefresh, api: tuning } = this.#options;
    return createRelayApi({
      relayUrl: account.relayUrl,
      bearer: createRelayBearer({
        token: account.token,
        refresh: relayRefresh,
        save: (token) => relayTokenStore.set(account.profile, token),
        now: tuning?.now,
      }),
      fetch: this.#options.fetch,
      appVersion: this.#options.appVersion,
      timeoutMs: tuning?.timeoutMs,
      retry: tuning?.retry,
      sleep: tuning?.sleep,
      random: tuning?.random,
      now: tuning?.now,
    });
  }

  #remember(credentials: StoredCredentials): void {
    this.#secrets.add(credentials.secretKey);
    this.#secrets.add(credentials.secretId);
  }
}

const RELAY_LOCKED =
  'Your organisation points RoomCall at its relay (relayUrl): no Tencent Meeting credentials are kept on this computer.';

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error('Credentials could not be read.');
}
