import { z } from 'zod';
import { baseUrlProblem, baseUrlProblemMessage, DEFAULT_BASE_URL } from '../rules/base-url';
import { normalizeRelayUrl, relayUrlProblem } from '../rules/relay-url';

/**
 * The user's settings, modelled once: this schema gives the type, the defaults, and the checks
 * a hand-edited file must pass. It is zod and nothing else (no Node, no file access) so the IPC
 * contract can share it; the store is main/core/store/settings.ts. No secret belongs here: credentials live
 * in the keychain.
 */

export const DEFAULT_PROFILE = 'default';

/**
 * A profile name (the settings' `profile`) is a keychain account name and appears in messages
 * and file names, so it is kept to a boring, portable alphabet.
 */
export const profileNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/,
    'a profile name is 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
  );

/**
 * https, or http to loopback only (rules/base-url.ts says why). The settings window's field
 * checks the same rule as you type.
 */
export const baseUrlSchema = z
  .string()
  .trim()
  .superRefine((text, context) => {
    const problem = baseUrlProblem(text);
    if (problem !== null)
      context.addIssue({ code: 'custom', message: baseUrlProblemMessage(problem) });
  });

/**
 * A RoomCall relay's address (issue 17): https, or http to loopback only, because every
 * request carries the person's sign-in token (rules/relay-url.ts). Kept normalised (no
 * trailing slash, lower-case host): the form a signed-in token is bound to.
 */
export const relayUrlSchema = z
  .string()
  .trim()
  .superRefine((text, context) => {
    const problem = relayUrlProblem(text);
    if (problem !== null) context.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalizeRelayUrl);

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
  /**
   * The RoomCall relay to go through instead of Tencent Meeting directly; null: direct. Set,
   * RoomCall needs no Tencent credentials: the person signs in to the relay.
   */
  relayUrl: relayUrlSchema.nullable().default(null),
});

export type Settings = z.output<typeof settingsSchema>;
export type Language = Settings['language'];

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
