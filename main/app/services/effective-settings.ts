import { applyManagedSettings } from '../../core/managed/apply-managed';
import type { ManagedConfig } from '../../core/managed/managed-config';
import {
  ENV_VARS,
  withEnvSettings,
  type Environment,
  type OverridableSettings,
} from '../../core/secrets/env-credentials';
import type { Settings } from '../../core/store/settings-schema';

/**
 * The settings the app runs with: the user's file, under the organisation's managed values,
 * under the WEMEET_* environment (which wins, as in the CLI, so a preview or a script gets
 * exactly what it set). `locked` names what the person cannot change here, and why.
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
