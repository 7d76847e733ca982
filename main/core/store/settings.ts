import { z } from 'zod';
import { DEFAULT_PROFILE, profileNameSchema } from '../secrets/credential-store';
import {
  openJsonDocument,
  type JsonDocument,
  type JsonDocumentOptions,
  type LoadedDocument,
  type Migration,
} from './json-document';
import { STORE_FILES } from './paths';

/**
 * The user's settings, modelled once: this schema gives the type, the defaults, and the checks
 * a hand-edited file must pass. No secret belongs here: credentials live in the keychain.
 */

export const DEFAULT_BASE_URL = 'https://api.meeting.qq.com';

export const baseUrlSchema = z.url({
  protocol: /^https?$/,
  error: 'expected an http(s) URL such as https://api.meeting.qq.com',
});

/** An enterprise userid: sent as operator_id, shown in the UI. */
export const operatorIdSchema = z
  .string()
  .min(1)
  .max(128)
  .refine((value) => value.trim() === value && !/\p{Cc}/u.test(value), {
    error: 'no surrounding spaces or control characters',
  });

export const settingsSchema = z.object({
  /** The operator's enterprise userid; null until the user sets one. */
  operatorId: operatorIdSchema.nullable().default(null),
  baseUrl: baseUrlSchema.default(DEFAULT_BASE_URL),
  language: z.enum(['system', 'zh-CN', 'en']).default('system'),
  launchAtLogin: z.boolean().default(false),
  /** An Electron accelerator such as "CommandOrControl+Shift+R"; null for none. */
  globalShortcut: z.string().min(1).max(100).nullable().default(null),
  /** How often a ringing call's status is polled. */
  pollIntervalMs: z.int().min(500).max(60_000).default(2_000),
  /** How often the in-progress meetings list is refreshed. */
  meetingRefreshMs: z.int().min(5_000).max(3_600_000).default(60_000),
  /** How meeting_id goes into a request body: a JSON string, or a bare (lossless) number. */
  meetingIdEncoding: z.enum(['string', 'number']).default('string'),
  /** The keychain profile in use. */
  profile: profileNameSchema.default(DEFAULT_PROFILE),
});

export type Settings = z.output<typeof settingsSchema>;
export type Language = Settings['language'];

export const SETTINGS_VERSION = 1;

/**
 * migrations[n] upgrades a version-n file to n + 1. Version 1 is the first format, so there is
 * none yet; when version 2 comes, add `1: (fields) => ({ ...fields, … })` and bump
 * SETTINGS_VERSION (json-document refuses to open without every step in place).
 */
export const settingsMigrations: Readonly<Record<number, Migration>> = {};

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

export interface SettingsStore {
  readonly file: string;
  load(): Promise<LoadedDocument<Settings>>;
  /** Saves the given fields over what is on disk; resolves to the whole saved settings. */
  update(patch: Partial<Settings>): Promise<Settings>;
}

export function openSettings(options: JsonDocumentOptions): SettingsStore {
  const document: JsonDocument<Settings> = openJsonDocument(
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
    update: (patch) => document.update((current) => ({ ...current, ...patch })),
  };
}
