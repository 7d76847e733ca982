import { defaultSettings, type Settings } from '../../shared/model/settings-schema';
import type { LockableKey, ManagedConfig } from './managed-config';

/**
 * How managed values meet the user's own settings (docs/managed-config.md):
 * - a locked value always wins, and the UI shows the field read-only;
 * - an unlocked value is where a new user starts: it fills a user who has no settings yet,
 *   and an operator userid the user has not set;
 * - everything else is the user's.
 */

export function isLocked(managed: ManagedConfig | null, key: LockableKey): boolean {
  return managed?.locked.has(key) ?? false;
}

export function applyManagedSettings(
  user: Settings | null,
  managed: ManagedConfig | null,
): Settings {
  const base = user ?? defaultSettings();
  if (managed === null) return base;
  const prefilled: Settings =
    user === null
      ? { ...base, ...managed.settings }
      : {
          ...base,
          operatorId: base.operatorId ?? managed.settings.operatorId ?? null,
        };
  const locked: Partial<Settings> = {};
  for (const [key, value] of Object.entries(managed.settings)) {
    if (managed.locked.has(key as keyof Settings)) {
      Object.assign(locked, { [key]: value });
    }
  }
  return { ...prefilled, ...locked };
}

/**
 * The user-facing check for a change: null when it may be saved, else why not. The settings
 * store does not know about managed values, so the app asks this before every save.
 */
export function lockedChange(
  managed: ManagedConfig | null,
  patch: Partial<Record<LockableKey, unknown>>,
): string | null {
  const keys = Object.keys(patch).filter((key) => isLocked(managed, key as LockableKey));
  return keys.length === 0
    ? null
    : `${keys.join(', ')} ${keys.length === 1 ? 'is' : 'are'} set by your organisation and cannot be changed here.`;
}

/**
 * The update feed, by the same rule as settings: a locked managed feed always, else the user's
 * own, else the managed one. Null means update checks stay off.
 */
export function resolveUpdateFeedUrl(
  managed: ManagedConfig | null,
  userFeedUrl: string | null,
): string | null {
  const managedFeed = managed?.updateFeedUrl ?? null;
  if (isLocked(managed, 'updateFeedUrl')) return managedFeed;
  return userFeedUrl ?? managedFeed;
}
