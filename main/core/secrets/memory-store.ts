import {
  assertProfileName,
  parseStoredCredentials,
  serializeCredentials,
  type CredentialStore,
  type StoredCredentials,
} from './credential-store';
import {
  parseRelayToken,
  serializeRelayToken,
  type RelayToken,
  type RelayTokenStore,
} from './relay-token-store';

/**
 * A keychain-like store in memory, for tests. It keeps the serialized text, exactly as the
 * keychain would, so the same validation runs on the way in and out and callers get copies.
 */
export interface MemoryEntries<T> {
  get(profile: string): Promise<T | null>;
  set(profile: string, value: T): Promise<void>;
  delete(profile: string): Promise<boolean>;
  /** Puts raw text in an entry, as a broken or foreign keychain entry would look. */
  putRaw(profile: string, raw: string): void;
  /** The profiles that have an entry, for assertions. */
  profiles(): string[];
}

/** The one in-memory store behind both: text in a Map, through the real (de)serializers. */
function createMemoryEntries<T>(
  serialize: (value: T) => string,
  parse: (profile: string, raw: string) => T,
  initial: Readonly<Record<string, T>>,
): MemoryEntries<T> {
  const entries = new Map<string, string>();
  for (const [profile, value] of Object.entries(initial)) {
    assertProfileName(profile);
    entries.set(profile, serialize(value));
  }

  return {
    get(profile) {
      return settle(() => {
        assertProfileName(profile);
        const raw = entries.get(profile);
        return raw === undefined ? null : parse(profile, raw);
      });
    },
    set(profile, value) {
      return settle(() => {
        assertProfileName(profile);
        entries.set(profile, serialize(value));
      });
    },
    delete(profile) {
      return settle(() => {
        assertProfileName(profile);
        return entries.delete(profile);
      });
    },
    putRaw(profile, raw) {
      entries.set(profile, raw);
    },
    profiles() {
      return [...entries.keys()].sort();
    },
  };
}

/** Runs now, but reports like the real store: a throw becomes a rejection, never a sync throw. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}

/** A CredentialStore in memory, for tests. */
export type MemoryCredentialStore = CredentialStore & MemoryEntries<StoredCredentials>;

export function createMemoryStore(
  initial: Readonly<Record<string, StoredCredentials>> = {},
): MemoryCredentialStore {
  return createMemoryEntries(serializeCredentials, parseStoredCredentials, initial);
}

/** A RelayTokenStore in memory, for tests: serialized text, validated both ways like the real one. */
export type MemoryRelayTokenStore = RelayTokenStore & MemoryEntries<RelayToken>;

export function createMemoryRelayTokenStore(): MemoryRelayTokenStore {
  return createMemoryEntries(serializeRelayToken, parseRelayToken, {});
}
