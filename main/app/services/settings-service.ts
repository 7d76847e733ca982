import { lockedChange } from '../../core/managed/apply-managed';
import type { SettingsPatch } from '../../core/store/settings';
import type { Settings } from '../../shared/model/settings-schema';
import type { SettingsView } from '../../shared/ipc/contract';
import { SettingsLockedError } from './errors';
import type { Session } from './session';
import { lockReason } from '../../core/managed/effective-settings';

export interface SettingsServiceOptions {
  readonly session: Session;
  /** After a saved change: which keys changed, and the view to push as settingsChanged. */
  readonly onChange: (view: SettingsView, changed: readonly (keyof Settings)[]) => void;
}

/**
 * The settings windows see and change. A change to a value the organisation locked, or the
 * environment set, is refused with the reason; sending a locked value unchanged is fine, so a
 * form may post every field back.
 */
export class SettingsService {
  readonly #options: SettingsServiceOptions;

  constructor(options: SettingsServiceOptions) {
    this.#options = options;
  }

  async view(): Promise<SettingsView> {
    const { settings, locked } = await this.#options.session.settings();
    return { settings, locked: [...locked] };
  }

  async update(patch: SettingsPatch): Promise<SettingsView> {
    const { session } = this.#options;
    const current = await session.settings();
    const changes = changedFields(patch, current.settings);
    const keys = Object.keys(changes) as (keyof Settings)[];
    const refused = keys.filter((key) => current.locked.includes(key));
    if (refused.length > 0) {
      const managedOnly = refused.filter((key) => !current.fromEnvironment.includes(key as never));
      const message =
        managedOnly.length === refused.length
          ? (lockedChange(session.managed, changes) ?? '')
          : `${refused.map((key) => lockReason(key, current.fromEnvironment)).join('; ')}: it cannot be changed here.`;
      throw new SettingsLockedError(message, refused);
    }
    if (keys.length === 0) return this.view();
    await session.stores.settings.update(changes);
    session.invalidate();
    const view = await this.view();
    this.#options.onChange(view, keys);
    return view;
  }
}

/** The fields of `patch` whose value differs from `current` (undefined means "not given"). */
function changedFields(patch: SettingsPatch, current: Settings): Partial<Settings> {
  const changes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined && value !== current[key as keyof Settings]) changes[key] = value;
  }
  return changes;
}
