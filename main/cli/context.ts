import { version } from '../../package.json';
import { resolveAccount, type RelayAccount } from '../core/account';
import { createRelayApi, type RelayApi } from '../core/relay/relay-api';
import { createRelayBearer } from '../core/relay/relay-bearer';
import { createOidcRefresher } from '../core/relay/relay-sign-in';
import { createKeytarRelayTokenStore } from '../core/secrets/relay-token-keychain';
import { relayTokenSecrets, type RelayTokenStore } from '../core/secrets/relay-token-store';
import { assertProfileName, type CredentialStore } from '../core/secrets/credential-store';
import { effectiveSettings, type EffectiveSettings } from '../core/managed/effective-settings';
import { loadManagedConfig } from '../core/managed/load-managed';
import type { ManagedConfig } from '../core/managed/managed-config';
import { listFavorites, type ListedFavorite } from '../core/managed/managed-favorites';
import {
  type OverridableSettings,
  type ResolvedCredentials,
} from '../core/secrets/env-credentials';
import { openDirectoryCache, type DirectoryCache } from '../core/store/directory-cache';
import { openFavorites, type FavoritesStore } from '../core/store/favorites';
import { openHistory, type HistoryStore } from '../core/store/history';
import { pathExists } from '../core/store/document-file';
import { type StoreWarning } from '../core/store/store-warning';
import { openSettings, type SettingsStore } from '../core/store/settings';
import type { WemeetApi } from '../core/wemeet/api';
import { createWemeetApi } from '../core/wemeet/api-impl';
import type { CliDeps } from './deps';
import type { Output } from './output';
import type { Settings } from '../shared/model/settings-schema';

/**
 * What one run of the CLI shares between its steps: the output, the data files (opened on
 * first use, warnings printed), the machine-wide managed configuration (read once, its
 * problems printed as warnings), the settings as the app computes them (the file, under the
 * organisation's values, under the environment), and the signed API (built only when a
 * command needs it, so local commands never touch the keychain).
 */

/** The account in use (the core's resolution, shared with the app), ready for requests. */
export interface Session {
  /** Tencent Meeting directly with the keychain's credentials, or through a RoomCall relay. */
  readonly mode: 'direct' | 'relay';
  readonly api: WemeetApi;
  readonly cacheScope: string;
  /**
   * For sentences ("No meeting of … is in progress"): the operator userid (direct), or "your
   * account" through a relay, which decides the operator from the sign-in.
   */
  readonly operatorId: string;
  /** Which settings the environment set (the rest came from the settings file or defaults). */
  readonly fromEnvironment: readonly OverridableSettings[];
}

export interface ApiAccount {
  readonly credentials: ResolvedCredentials['credentials'];
  readonly operatorId: string;
  readonly baseUrl: string;
}

export class CliContext {
  readonly deps: CliDeps;
  readonly output: Output;
  readonly #profileOption: string | undefined;
  #settings: Promise<Settings> | undefined;
  #effective: Promise<EffectiveSettings> | undefined;
  #managed: Promise<ManagedConfig | null> | undefined;
  #store: CredentialStore | undefined;
  #relayTokens: RelayTokenStore | undefined;
  #session: Promise<Session> | undefined;
  #settingsStore: SettingsStore | undefined;
  #favorites: FavoritesStore | undefined;
  #history: HistoryStore | undefined;
  #directory: DirectoryCache | undefined;

  constructor(deps: CliDeps, output: Output, profileOption: string | undefined) {
    this.deps = deps;
    this.output = output;
    this.#profileOption = profileOption;
  }

  /** Store options: the data folder, and warnings (a file moved aside) printed on stderr. */
  get #storeOptions() {
    return {
      dir: this.deps.dataDir,
      onWarning: (warning: StoreWarning) => {
        this.output.warn(warning.message);
      },
      now: () => new Date(this.deps.clock.now()),
    };
  }

  get settingsStore(): SettingsStore {
    this.#settingsStore ??= openSettings(this.#storeOptions);
    return this.#settingsStore;
  }

  get favorites(): FavoritesStore {
    this.#favorites ??= openFavorites(this.#storeOptions);
    return this.#favorites;
  }

  get history(): HistoryStore {
    this.#history ??= openHistory(this.#storeOptions);
    return this.#history;
  }

  get directory(): DirectoryCache {
    this.#directory ??= openDirectoryCache(this.#storeOptions);
    return this.#directory;
  }

  /** The settings file as saved (use `effectiveSettings` for what applies). */
  settings(): Promise<Settings> {
    this.#settings ??= this.settingsStore.load().then((loaded) => loaded.value);
    return this.#settings;
  }

  /** --profile, else the settings' profile, else "default"; checked before any keychain use. */
  async profile(): Promise<string> {
    const profile = this.#profileOption ?? (await this.effectiveSettings()).settings.profile;
    assertProfileName(profile);
    return profile;
  }

  credentialStore(): CredentialStore {
    this.#store ??= this.deps.credentialStore();
    return this.#store;
  }

  /** The relay sign-ins: the keychain's `relay:<profile>` entries (a fake in tests). */
  relayTokenStore(): RelayTokenStore {
    this.#relayTokens ??= this.deps.relayTokenStore?.() ?? createKeytarRelayTokenStore();
    return this.#relayTokens;
  }

  /**
   * The machine-wide managed configuration (docs/managed-config.md), read once per run from
   * ROOMCALL_MANAGED_CONFIG or the platform's path. A file with a problem applies nothing: its
   * message is printed as a warning, as the app shows it, and the command goes on without it.
   */
  managed(): Promise<ManagedConfig | null> {
    this.#managed ??= this.#loadManaged();
    return this.#managed;
  }

  async #loadManaged(): Promise<ManagedConfig | null> {
    const loaded = await loadManagedConfig({
      context: { env: this.deps.env, platform: process.platform },
    });
    if (loaded.status === 'invalid') this.output.warn(loaded.message);
    if (loaded.status !== 'ok') return null;
    for (const problem of loaded.config.userProblems) {
      this.output.warn(`The managed configuration ${loaded.file}: ${problem}`);
    }
    return loaded.config;
  }

  /**
   * The settings in force, computed as the app does (core effectiveSettings): the environment's
   * WEMEET_* values, then the organisation's locked ones, then the settings file, then the
   * organisation's defaults (which pre-fill only a person without a settings file).
   */
  effectiveSettings(): Promise<EffectiveSettings> {
    this.#effective ??= this.#loadEffective();
    return this.#effective;
  }

  async #loadEffective(): Promise<EffectiveSettings> {
    return effectiveSettings(await this.#user(), await this.managed(), this.deps.env);
  }

  /**
   * The same without the environment: what is saved, under the organisation's values. What
   * `auth login` checks a change against (WEMEET_* values win for a run but lock nothing saved).
   */
  async savedSettings(): Promise<EffectiveSettings> {
    return effectiveSettings(await this.#user(), await this.managed(), {});
  }

  /** The settings file, or null when there is none yet (the organisation's values pre-fill). */
  async #user(): Promise<Settings | null> {
    const saved = await this.settings();
    return (await pathExists(this.settingsStore.file)) ? saved : null;
  }

  /** The person's favourites, then the organisation's (`managed: true`), as the app lists them. */
  async listFavorites(): Promise<ListedFavorite[]> {
    const { value } = await this.favorites.load();
    return listFavorites(value, await this.managed());
  }

  /**
   * The signed API for the configured account. Throws the core's NotConfiguredError (exit 2)
   * when the credentials or the operator are missing; failures.ts says what to do.
   */
  session(): Promise<Session> {
    this.#session ??= this.#openSession();
    return this.#session;
  }

  async #openSession(): Promise<Session> {
    const { settings, fromEnvironment } = await this.effectiveSettings();
    const account = await resolveAccount({
      env: this.deps.env,
      store: this.credentialStore(),
      relayTokens: this.relayTokenStore(),
      settings: { ...settings, profile: await this.profile() },
    });
    if (account.credentials !== null) {
      const { secretKey, secretId } = account.credentials.credentials;
      this.output.protect(secretKey, secretId);
    }
    if (account.status !== 'ready') throw account.error;
    if (account.mode === 'relay') {
      return {
        mode: 'relay',
        api: this.createRelayApi(account),
        cacheScope: account.cacheScope,
        operatorId: 'your account',
        fromEnvironment,
      };
    }
    const { credentials, operatorId, baseUrl, cacheScope } = account;
    return {
      mode: 'direct',
      operatorId,
      cacheScope,
      api: this.createApi(
        { credentials: credentials.credentials, operatorId, baseUrl },
        settings.meetingIdEncoding,
      ),
      fromEnvironment,
    };
  }

  /**
   * The relay's API for a relay account (the session's, or the sign-in `auth login --relay` is
   * about to save): the sign-in never printed, the client tuned like the direct one.
   */
  createRelayApi(account: Pick<RelayAccount, 'relayUrl' | 'token' | 'profile'>): RelayApi {
    const { clock } = this.deps;
    this.output.protect(...relayTokenSecrets(account.token));
    return createRelayApi({
      ...this.#clientTuning(),
      relayUrl: account.relayUrl,
      bearer: createRelayBearer({
        token: account.token,
        refresh: createOidcRefresher(this.deps.fetch),
        save: (token) => this.relayTokenStore().set(account.profile, token),
        now: () => clock.now(),
      }),
    });
  }

  /** An API for any account: the session's, or the one `auth login` is about to save. */
  createApi(account: ApiAccount, meetingIdEncoding: Settings['meetingIdEncoding']): WemeetApi {
    this.output.protect(account.credentials.secretKey, account.credentials.secretId);
    return createWemeetApi({
      ...this.#clientTuning(),
      baseUrl: account.baseUrl,
      credentials: account.credentials,
      operatorId: account.operatorId,
      meetingIdEncoding,
    });
  }

  /** What the direct and the relay client are given alike: transport, clock, version, tuning. */
  #clientTuning() {
    const { clock, client } = this.deps;
    return {
      fetch: this.deps.fetch,
      now: () => clock.now(),
      // The client's sleep must reject on abort; the CLI clock's resolves early.
      sleep: async (ms: number, signal?: AbortSignal) => {
        await clock.sleep(ms, signal);
        signal?.throwIfAborted();
      },
      appVersion: version,
      retry: client?.retry,
      timeoutMs: client?.timeoutMs,
    };
  }
}
