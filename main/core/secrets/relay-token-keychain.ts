import { assertProfileName } from './credential-store';
import { createKeytarEntries, type KeytarStoreOptions } from './keytar-store';
import {
  parseRelayToken,
  relayTokenAccount,
  relayTokenSecrets,
  serializeRelayToken,
  type RelayToken,
  type RelayTokenStore,
} from './relay-token-store';

/**
 * The relay sign-in in the OS keychain: service "RoomCall" like the credentials, account
 * `relay:<profile>` (relay-token-store.ts), the token as one JSON document. Same keytar
 * loading and the same KeychainUnavailableError as the credentials' store (keytar-store.ts):
 * no plaintext fallback.
 */
export function createKeytarRelayTokenStore(options: KeytarStoreOptions = {}): RelayTokenStore {
  const entries = createKeytarEntries(options);
  return {
    async get(profile: string): Promise<RelayToken | null> {
      assertProfileName(profile);
      const raw = await entries.get(relayTokenAccount(profile));
      return raw === null ? null : parseRelayToken(profile, raw);
    },
    async set(profile: string, token: RelayToken): Promise<void> {
      assertProfileName(profile);
      const serialized = serializeRelayToken(token);
      await entries.set(relayTokenAccount(profile), serialized, [
        serialized,
        ...relayTokenSecrets(token),
      ]);
    },
    async delete(profile: string): Promise<boolean> {
      assertProfileName(profile);
      return entries.delete(relayTokenAccount(profile));
    },
  };
}
