import {
  openJsonDocument,
  type JsonDocumentOptions,
  type LoadedDocument,
  type Migration,
} from './json-document';
import { STORE_FILES } from './paths';
import { settingsSchema, type Settings } from '../../shared/model/settings-schema';

/** The settings file. The schema, type and defaults are in main/shared/model/settings-schema.ts. */

export const SETTINGS_VERSION = 1;

/**
 * migrations[n] upgrades a version-n file to n + 1. Version 1 is the first format, so there is
 * none yet; when version 2 comes, add `1: (fields) => ({ ...fields, … })` and bump
 * SETTINGS_VERSION (json-document refuses to open without every step in place).
 */
export const settingsMigrations: Readonly<Record<number, Migration>> = {};

/** Some settings; `undefined` values are allowed (zod's `.partial()` output) and ignored. */
export type SettingsPatch = { readonly [K in keyof Settings]?: Settings[K] | undefined };

export interface SettingsStore {
  readonly file: string;
  load(): Promise<LoadedDocument<Settings>>;
  /**
   * Saves the given fields over what is on disk; resolves to the whole saved settings. A key
   * given as undefined is left as it is (never silently reset to its default).
   */
  update(patch: SettingsPatch): Promise<Settings>;
  /**
   * Throws what `update` would throw before writing anything (ReadOnlyDocumentError for a file
   * from a newer version or one that cannot be moved aside, DocumentBusyError), writing nothing:
   * for a caller that must know the settings can be saved before it changes something else
   * (`auth login` writes the keychain and then the settings).
   */
  assertWritable(): Promise<void>;
}

export function openSettings(options: JsonDocumentOptions): SettingsStore {
  const document = openJsonDocument(
    {
      name: 'settings',
      fileName: STORE_FILES.settings,
      version: SETTINGS_VERSION,
      schema: settingsSchema,
      migrations: settingsMigrations,
    },
    options,
  );
  return {
    file: document.file,
    load: () => document.load(),
    update: (patch) =>
      document.update((current) => {
        const given = Object.fromEntries(
          Object.entries(patch).filter(([, value]) => value !== undefined),
        );
        return { ...current, ...given };
      }),
    // Returning `current` itself writes nothing (json-document's rule) after the same checks.
    assertWritable: () => document.update((current) => current).then(() => undefined),
  };
}
