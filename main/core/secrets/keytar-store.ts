import {
  assertProfileName,
  parseStoredCredentials,
  serializeCredentials,
  type CredentialStore,
  type StoredCredentials,
} from './credential-store';
import {
  classifyKeychainMessage,
  KeychainUnavailableError,
  scrubSystemMessage,
} from './keychain-errors';

/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, the Secret Service
 * (gnome-keyring, KWallet, KeePassXC) on Linux. One generic-password entry per profile:
 * service "RoomCall", account = profile name, password = the credentials as one JSON document.
 *
 * keytar is imported on first use, not at module load, so that the CLI's commands that need no
 * secret work on a machine without libsecret, and a missing native module becomes a
 * KeychainUnavailableError that says what to install instead of a crash at start-up.
 */

export const KEYCHAIN_SERVICE = 'RoomCall';

/** The part of keytar RoomCall uses. */
export interface KeytarApi {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarStoreOptions {
  /** Tests inject a fake; the default imports the real native module. */
  readonly loadKeytar?: () => Promise<unknown>;
  readonly platform?: NodeJS.Platform;
  /** Another service name keeps test entries apart from real ones. */
  readonly service?: string;
}

/**
 * keytar is CommonJS with a native addon, so it is loaded with `require` wherever there is one:
 * the app's main bundle is CommonJS (out/main/main.cjs), where Electron's own require reads
 * node_modules/keytar from app.asar and keytar.node from app.asar.unpacked; the CLI's ESM
 * bundle gets a require from createRequire (scripts/build.mjs's banner). import() would go
 * through the ESM resolver inside app.asar instead, a path that has regressed in Electron
 * more than once. Unbundled ESM (tests) has no require and imports it.
 */
async function importKeytar(): Promise<unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- on purpose, see above
  if (typeof require === 'function') return require('keytar') as unknown;
  return import('keytar');
}

/** keytar is CommonJS: Node's ESM loader exposes it as `default`, bundlers as either. */
function pickKeytarApi(loaded: unknown): KeytarApi | null {
  const candidates = [loaded];
  if (typeof loaded === 'object' && loaded !== null && 'default' in loaded) {
    candidates.unshift(loaded.default);
  }
  for (const candidate of candidates) {
    if (isKeytarApi(candidate)) return candidate;
  }
  return null;
}

function isKeytarApi(value: unknown): value is KeytarApi {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['getPassword'] === 'function' &&
    typeof record['setPassword'] === 'function' &&
    typeof record['deletePassword'] === 'function'
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Raw keychain entries of one service, by account name: what both stores are built on. */
export interface KeytarEntries {
  get(account: string): Promise<string | null>;
  /** `secrets`: values a failure's message must not quote. */
  set(account: string, text: string, secrets: readonly string[]): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export function createKeytarEntries(options: KeytarStoreOptions = {}): KeytarEntries {
  const platform = options.platform ?? process.platform;
  const service = options.service ?? KEYCHAIN_SERVICE;
  const load = options.loadKeytar ?? importKeytar;
  let keytar: Promise<KeytarApi> | null = null;

  function api(): Promise<KeytarApi> {
    keytar ??= load().then(
      (loaded) => {
        const picked = pickKeytarApi(loaded);
        if (picked === null) {
          throw new KeychainUnavailableError(
            'module-missing',
            platform,
            'keytar has no getPassword/setPassword',
          );
        }
        return picked;
      },
      (error: unknown) => {
        // e.g. "libsecret-1.so.0: cannot open shared object file" or a module built for
        // another Node ABI. No secret is involved yet, so the message can be shown as is.
        throw new KeychainUnavailableError(
          'module-missing',
          platform,
          scrubSystemMessage(messageOf(error), []),
        );
      },
    );
    // A failed load is not cached: the user may fix the system and retry in the same app run.
    keytar.catch(() => {
      keytar = null;
    });
    return keytar;
  }

  /** Runs one keychain call; its failure becomes a KeychainUnavailableError without secrets. */
  async function call<T>(
    operation: (keytar: KeytarApi) => Promise<T>,
    secrets: readonly string[],
  ): Promise<T> {
    const loaded = await api();
    try {
      // keytar validates its arguments by throwing synchronously: await inside the try.
      return await operation(loaded);
    } catch (error) {
      const said = scrubSystemMessage(messageOf(error), secrets);
      throw new KeychainUnavailableError(classifyKeychainMessage(said, platform), platform, said);
    }
  }

  return {
    get: (account) => call((k) => k.getPassword(service, account), []),
    set: (account, text, secrets) => call((k) => k.setPassword(service, account, text), secrets),
    delete: (account) => call((k) => k.deletePassword(service, account), []),
  };
}

export function createKeytarStore(options: KeytarStoreOptions = {}): CredentialStore {
  const entries = createKeytarEntries(options);
  return {
    async get(profile: string): Promise<StoredCredentials | null> {
      assertProfileName(profile);
      const raw = await entries.get(profile);
      return raw === null ? null : parseStoredCredentials(profile, raw);
    },

    async set(profile: string, value: StoredCredentials): Promise<void> {
      assertProfileName(profile);
      const serialized = serializeCredentials(value);
      await entries.set(profile, serialized, [serialized, value.secretKey, value.secretId]);
    },

    async delete(profile: string): Promise<boolean> {
      assertProfileName(profile);
      return entries.delete(profile);
    },
  };
}
