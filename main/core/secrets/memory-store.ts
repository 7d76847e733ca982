import {
  assertProfileName,
  parseStoredCredentials,
  serializeCredentials,
  type CredentialStore,
  type StoredCredentials,
} from './credential-store';
import { parseRelayToken, serializeRelayToken, type RelayTokenStore } from './relay-token-store';

/**
 * A CredentialStore in memory, for tests. It keeps the serialized text, exactly as the keychain
 * would, so the same validation runs on the way in and out and callers get copies.
 */
export interface MemoryCredentialStore extends CredentialStore {
  /** Puts raw text in an entry, as a broken or foreign keychain entry would look. */
  putRaw(profile: string, raw: string): void;
  /** The profiles that have an entry, for assertions. */
  profiles(): string[];
}

export function createMemoryStore(
  initial: Readonly<Record<string, StoredCredentials>> = {},
): MemoryCredentialStore {
  const entries = new Map<string, string>();
  for (const [profile, value] of Object.entries(initial)) {
    assertProfileName(profile);
    entries.set(profile, serializeCredentials(value));
  }

  return {
    get(profile) {
      return settle(() => {
        assertProfileName(profile);
        const raw = entries.get(profile);
        return raw === undefined ? null : parseStoredCredentials(profile, raw);
      });
    },
    set(profile, value) {
      return settle(() => {
        assertProfileName(profile);
        entries.set(profile, serializeCredentials(value));
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

/** A RelayTokenStore in memory, for tests: serialized text, validated both ways like the real one. */
export interface MemoryRelayTokenStore extends RelayTokenStore {
  putRaw(profile: string, raw: string): void;
  profiles(): string[];
}

export function createMemoryRelayTokenStore(): MemoryRelayTokenStore {
  const entries = new Map<string, string>();
  return {
    get(profile) {
      return settle(() => {
        assertProfileName(profile);
        const raw = entries.get(profile);
        return raw === undefined ? null : parseRelayToken(profile, raw);
      });
    },
    set(profile, token) {
      return settle(() => {
        assertProfileName(profile);
        entries.set(profile, serializeRelayToken(token));
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
