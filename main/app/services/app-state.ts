import { maskSecretId } from '../../core/wemeet/credentials';
import type { AppState, RelayState } from '../../shared/ipc/contract';
import type { Session } from './session';
import type { WarningLog } from './warnings';

export type AppPlatform = AppState['platform'];

export interface AppIdentity {
  readonly version: string;
  readonly platform: AppPlatform;
  /** The OS language, for the 'system' language setting. */
  readonly systemLocale: string;
}

/**
 * What the windows may know about the set-up: whether it is configured, the AppId, SdkId and
 * the SecretId's last characters, where the credentials come from, and whether the keychain
 * works. Never the SecretKey, never the whole SecretId.
 */
export async function buildAppState(
  identity: AppIdentity,
  session: Session,
  warnings: WarningLog,
  relay: RelayState | null = null,
): Promise<AppState> {
  const account = await session.account();
  const settings = await session.settings().then(
    (effective) => effective.settings,
    () => null,
  );
  const resolved = account.status === 'unavailable' ? null : account.credentials;
  return {
    version: identity.version,
    platform: identity.platform,
    systemLocale: identity.systemLocale,
    configured: account.status === 'ready',
    credentials:
      resolved === null
        ? null
        : {
            appId: resolved.credentials.appId,
            sdkId: resolved.credentials.sdkId ?? null,
            secretIdHint: maskSecretId(resolved.credentials.secretId),
            source: resolved.source,
          },
    // Through a relay the relay sets the operator: the settings' one is not the account's.
    operatorId: relay === null ? (settings?.operatorId ?? null) : null,
    keychain: session.keychainState(),
    warnings: [...warnings.list()],
    relay,
  };
}
