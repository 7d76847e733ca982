/** The IPC contract's account and settings verbs and their payloads (assembled in contract.ts). */
import { z } from 'zod';
import { settingsSchema } from '../model/settings-schema';
import { relayStateSchema } from './relay-state';
import { none } from './shapes';

const credentialsStatusSchema = z.object({
  appId: z.string(),
  sdkId: z.string().nullable(),
  /** "…7QX": the most any window learns about the SecretId. Never the SecretKey. */
  secretIdHint: z.string(),
  source: z.enum(['keychain', 'environment']),
});

export const appStateSchema = z.object({
  version: z.string(),
  platform: z.enum(['darwin', 'win32', 'linux', 'web']),
  /** The OS language ("zh-CN", "en-US"…), for the 'system' language setting. */
  systemLocale: z.string(),
  configured: z.boolean(),
  credentials: credentialsStatusSchema.nullable(),
  operatorId: z.string().nullable(),
  keychain: z.object({ available: z.boolean(), message: z.string().nullable() }),
  /** Local files that were damaged and moved aside, to tell the person once. */
  warnings: z.array(z.object({ file: z.string(), message: z.string() })),
  /** The relay in use and the sign-in to it (issue 17); null: Tencent Meeting directly. */
  relay: relayStateSchema.nullable(),
});
export type AppState = z.output<typeof appStateSchema>;

export const settingsViewSchema = z.object({
  settings: settingsSchema,
  /** Settings an IT department locked through managed configuration. */
  locked: z.array(z.string()),
});
export type SettingsView = z.output<typeof settingsViewSchema>;

/**
 * A settings change: only the fields it names. Not `settingsSchema.partial()`: zod 4 applies
 * a field's default inside .optional(), so that would fill every field left out with its
 * default and reset it (language, operator, base URL…) on every save. `satisfies` makes a new
 * settings field fail to compile here until it is listed.
 */
const settingsFields = settingsSchema.shape;
const settingsPatchSchema = z.strictObject({
  operatorId: settingsFields.operatorId.unwrap().optional(),
  baseUrl: settingsFields.baseUrl.unwrap().optional(),
  language: settingsFields.language.unwrap().optional(),
  launchAtLogin: settingsFields.launchAtLogin.unwrap().optional(),
  globalShortcut: settingsFields.globalShortcut.unwrap().optional(),
  pollIntervalMs: settingsFields.pollIntervalMs.unwrap().optional(),
  meetingRefreshMs: settingsFields.meetingRefreshMs.unwrap().optional(),
  meetingIdEncoding: settingsFields.meetingIdEncoding.unwrap().optional(),
  profile: settingsFields.profile.unwrap().optional(),
  relayUrl: settingsFields.relayUrl.unwrap().optional(),
} satisfies Record<keyof z.output<typeof settingsSchema>, z.ZodType>);

/** Credentials, the connection test, diagnostics and settings. */
export const appVerbs = {
  getAppState: { request: none, response: appStateSchema },
  /** Write-only: the SecretKey goes in and never comes back out. */
  saveCredentials: {
    request: z
      .object({
        appId: z.string().min(1).max(64),
        sdkId: z.string().max(64).nullable(),
        secretId: z.string().min(1).max(256),
        secretKey: z.string().min(1).max(256),
        operatorId: z.string().min(1).max(128),
      })
      .strict(),
    response: appStateSchema,
  },
  /** A live signed call that proves the credentials and the operator work. */
  testConnection: {
    request: none,
    response: z.object({ roomCount: z.number().int(), inProgressMeetings: z.number().int() }),
  },
  logout: { request: none, response: appStateSchema },
  /**
   * The person dismissed the warnings the settings window showed: favourites set aside as
   * invalid are marked seen (no process warns about them again) and the shown warnings leave
   * the list. Answers the new state (also pushed as appStateChanged).
   */
  dismissWarnings: { request: none, response: appStateSchema },
  /**
   * A plain-text report for support (versions, OS, settings without secrets, managed
   * configuration, recent log lines). `copied`: main put it on the clipboard; false where it
   * cannot (web preview), and the page copies it itself.
   */
  copyDiagnostics: {
    request: none,
    response: z.object({ report: z.string(), copied: z.boolean() }),
  },

  getSettings: { request: none, response: settingsViewSchema },
  updateSettings: {
    request: settingsPatchSchema,
    response: settingsViewSchema,
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
