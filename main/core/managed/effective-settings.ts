import {
  ENV_VARS,
  withEnvSettings,
  type Environment,
  type OverridableSettings,
} from '../secrets/env-credentials';
import type { Settings } from '../../shared/model/settings-schema';
import { applyManagedSettings, isLocked } from './apply-managed';
import type { ManagedConfig } from './managed-config';

/**
 * The settings RoomCall runs with, for the app and the CLI alike: the user's file, under the
 * organisation's managed values, under the WEMEET_* environment (which wins, so a preview or a
 * script gets exactly what it set). `locked` names what the person cannot change, and why.
 */
export interface EffectiveSettings {
  readonly settings: Settings;
  /** Managed locks (settings keys, and appId / sdkId / updateFeedUrl) and environment overrides. */
  readonly locked: readonly string[];
  readonly fromEnvironment: readonly OverridableSettings[];
}

/** `user` is null when the person has no settings file yet (managed values then pre-fill). */
export function effectiveSettings(
  user: Settings | null,
  managed: ManagedConfig | null,
  env: Environment,
): EffectiveSettings {
  const withManaged = applyManagedSettings(user, managed);
  const { settings, fromEnvironment } = withEnvSettings(withManaged, env);
  const locked = new Set<string>([...(managed?.locked ?? []), ...fromEnvironment]);
  return { settings, locked: [...locked].sort(), fromEnvironment };
}

/** Why a key is locked, for the refusal message. */
export function lockReason(key: string, fromEnvironment: readonly OverridableSettings[]): string {
  if ((fromEnvironment as readonly string[]).includes(key)) {
    const variable = key === 'baseUrl' ? ENV_VARS.baseUrl : ENV_VARS.operatorId;
    return `${key} is set by the ${variable} environment variable`;
  }
  return `${key} is set by your organisation`;
}

/** What saving credentials would set: the AppId, the SdkId (null or '' for none), the operator. */
export interface CredentialChange {
  readonly appId: string;
  readonly sdkId: string | null | undefined;
  readonly operatorId: string;
}

/**
 * The keys a credentials save may not change (the app's credentials form, `roomcall auth
 * login`): a locked AppId or SdkId other than the organisation's, and an operator other than
 * the current one while it is locked (by the organisation or the environment). Empty when the
 * save may go ahead; `lockReason` says why for each key.
 */
export function refusedCredentialChanges(
  current: EffectiveSettings,
  managed: ManagedConfig | null,
  input: CredentialChange,
): string[] {
  const sdkId = input.sdkId === null || input.sdkId === '' ? undefined : input.sdkId;
  const refused: string[] = [];
  if (isLocked(managed, 'appId') && managed?.appId !== input.appId) refused.push('appId');
  if (isLocked(managed, 'sdkId') && (managed?.sdkId ?? undefined) !== sdkId) refused.push('sdkId');
  const operatorChanged = input.operatorId !== current.settings.operatorId;
  if (operatorChanged && current.locked.includes('operatorId')) refused.push('operatorId');
  return refused;
}
