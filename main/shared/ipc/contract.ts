/**
 * The IPC contract: every call the windows can make and every event they can receive, with
 * zod schemas for each payload. Everything else is derived from this one module:
 * - the preload exposes exactly these verbs on `window.roomcall` (channel names: channels.ts);
 * - main registers one handler per verb and parses every request with `request` here;
 * - the renderer's `RoomcallBridge` type (bridge.ts) and its test double are inferred from it.
 *
 * Adding a call means adding it here and writing its handler; nothing else.
 *
 * This module is imported by the renderer for types only (`import type`) so zod stays out of
 * the popover's bundle. It must stay free of Node and Electron imports.
 */
import { z } from 'zod';
import { settingsSchema } from '../model/settings-schema';
import { addressFavoriteSchema, roomFavoriteSchema } from '../model/favorites-schema';
import { historyEntrySchema } from '../model/history-schema';

// ── shared shapes ─────────────────────────────────────────────────────────────

const digits = (min: number, max: number) =>
  z.string().regex(new RegExp(`^\\d{${String(min)},${String(max)}}$`));

/** What the UI needs to tell a person what went wrong, in its own language. */
export const ipcErrorSchema = z.object({
  kind: z.enum([
    'validation', // the request did not match the contract, or the input is not usable
    'forbidden', // the sender is not one of the app's own pages
    'not-configured', // no credentials or no operator yet
    'keychain', // the OS keychain is unavailable or refused
    'no-meeting', // an invite needs a current meeting and there is none
    'meeting', // the meeting could not be found, is over, or is ambiguous
    'api', // the server answered with an error code
    'network',
    'timeout',
    'response', // the server's answer was not understood
    'storage', // a local file could not be written (read-only, disk full)
    'busy', // another RoomCall process (app or CLI) held the file's lock: try again shortly
    'internal',
  ]),
  /**
   * A complete sentence for people: in the UI's language when it describes what the person
   * typed or saved (input and favourites checks; such sentences in Chinese end with '。'), in
   * English otherwise (the UI uses `kind`/`code` for its own copy).
   */
  message: z.string(),
  /** The server's error_code, when the server sent one. */
  code: z.number().int().nullable(),
  /** What to do next after `message`: the windows show it under `message` whenever they show it. */
  hint: z.string().nullable(),
});
export type IpcError = z.output<typeof ipcErrorSchema>;
export type IpcErrorKind = IpcError['kind'];

export type IpcResult<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: IpcError };

const meetingSummarySchema = z.object({
  meetingId: digits(1, 24),
  meetingCode: z.string(),
  subject: z.string(),
  /** Unix seconds as decimal strings, as the API gives them; null when unknown. */
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  status: z.string(),
  inProgress: z.boolean(),
});
export type MeetingSummary = z.output<typeof meetingSummarySchema>;

/**
 * The meeting invites go into. `auto` follows the operator's in-progress meeting; `manual`
 * is one the person typed or picked, and sticks until cleared.
 */
const currentMeetingSchema = z.object({
  state: z.enum(['unconfigured', 'loading', 'none', 'one', 'several', 'manual', 'error']),
  selected: meetingSummarySchema.nullable(),
  /** In-progress meetings found for the operator (several → the person chooses). */
  candidates: z.array(meetingSummarySchema),
  error: ipcErrorSchema.nullable(),
  /** ISO time of the last successful lookup. */
  checkedAt: z.string().nullable(),
});
export type CurrentMeeting = z.output<typeof currentMeetingSchema>;

const roomStatusSchema = z.enum([
  'not-activated',
  'not-bound',
  'idle',
  'in-use',
  'offline',
  'not-logged-in',
  'unknown',
]);

const roomViewSchema = z.object({
  meetingRoomId: z.string(),
  name: z.string(),
  location: z.string(),
  status: roomStatusSchema,
  callable: z.boolean(),
  participantNumber: z.number().int().nullable(),
});
export type RoomView = z.output<typeof roomViewSchema>;

const directoryStatusSchema = z.object({
  /** ISO time the cached list was fetched; null when there is none yet. */
  fetchedAt: z.string().nullable(),
  roomCount: z.number().int(),
  syncing: z.boolean(),
  progress: z.object({ loaded: z.number().int(), total: z.number().int() }).nullable(),
  error: ipcErrorSchema.nullable(),
});
export type DirectoryStatus = z.output<typeof directoryStatusSchema>;

const directorySchema = directoryStatusSchema.extend({ rooms: z.array(roomViewSchema) });
export type Directory = z.output<typeof directorySchema>;

const callTargetViewSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('room'),
    meetingRoomId: z.string(),
    name: z.string(),
    location: z.string(),
  }),
  z.object({
    kind: z.literal('mra'),
    protocol: z.enum(['sip', 'h323']),
    dialString: z.string(),
    label: z.string().nullable(),
  }),
]);
export type CallTargetView = z.output<typeof callTargetViewSchema>;

const callPhaseSchema = z.enum([
  'resolving', // finding the meeting
  'calling', // room-call sent
  'checking', // room-call's reply was lost: reading the call's status to learn what happened
  'ringing',
  'accepted',
  'rejected',
  'no-answer',
  'ended', // joined-or-cancelled / left: the server's status 5 or 6
  'cancelling',
  'cancelled',
  'timed-out', // no settled status before the deadline
  'unconfirmed', // the reply was lost and the status could not be read: it may be ringing
  'failed',
]);
export type CallPhase = z.output<typeof callPhaseSchema>;

/** One invite as the windows see it; pushed as `callProgress` on every change. */
const callViewSchema = z.object({
  callId: z.string(),
  target: callTargetViewSchema,
  favoriteId: z.string().nullable(),
  meeting: meetingSummarySchema.nullable(),
  phase: callPhaseSchema,
  /** True once nothing will change any more. */
  settled: z.boolean(),
  error: ipcErrorSchema.nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
});
export type CallView = z.output<typeof callViewSchema>;

const credentialsStatusSchema = z.object({
  appId: z.string(),
  sdkId: z.string().nullable(),
  /** "…7QX": the most any window learns about the SecretId. Never the SecretKey. */
  secretIdHint: z.string(),
  source: z.enum(['keychain', 'environment']),
});

const appStateSchema = z.object({
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
});
export type AppState = z.output<typeof appStateSchema>;

const settingsViewSchema = z.object({
  settings: settingsSchema,
  /** Settings an IT department locked through managed configuration. */
  locked: z.array(z.string()),
});
export type SettingsView = z.output<typeof settingsViewSchema>;

export const importReportSchema = z.object({
  added: z.number().int(),
  /** The first skipped entries (at most 20, favorites-import.ts's MAX_REPORTED_SKIPS). */
  skipped: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  /** How many were skipped in all; absent from older answers (then skipped.length). */
  skippedCount: z.number().int().min(0).optional(),
});
/** What an import did, as the windows show it (the store's own ImportReport lists the items). */
export type ImportReportView = z.output<typeof importReportSchema>;

/**
 * A favourite as the windows see it: the stored shape (favorites-schema.ts, unchanged on disk)
 * plus `managed`, true for the organisation's (managed configuration), which cannot be removed,
 * renamed, edited or moved. The windows go by this flag, never by the id.
 */
const managed = { managed: z.boolean() };
const favoriteViewSchema = z.discriminatedUnion('kind', [
  roomFavoriteSchema.extend(managed),
  addressFavoriteSchema.extend(managed),
]);
export type FavoriteView = z.output<typeof favoriteViewSchema>;

const favoriteListSchema = z.array(favoriteViewSchema);

// ── requests ──────────────────────────────────────────────────────────────────

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
} satisfies Record<keyof z.output<typeof settingsSchema>, z.ZodType>);

const none = z.undefined();
const favoriteId = z.string().min(1).max(64);
const label = z.string().max(100).nullable();

/** Who to call: a saved favourite, or a room or address picked in the picker. */
const callRequestSchema = z.union([
  z.object({ favoriteId }).strict(),
  z
    .object({
      room: z
        .object({
          meetingRoomId: z.string().min(1).max(128),
          name: z.string().max(200),
          location: z.string().max(200),
        })
        .strict(),
    })
    .strict(),
  z
    .object({
      mra: z
        .object({
          protocol: z.enum(['sip', 'h323']),
          dialString: z.string().min(1).max(255),
          label,
        })
        .strict(),
    })
    .strict(),
]);

const newFavoriteSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('room'),
      meetingRoomId: z.string().min(1).max(128),
      name: z.string().max(200),
      location: z.string().max(200),
      label: label.optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('mra'),
      protocol: z.enum(['sip', 'h323']),
      dialString: z.string().min(1).max(255),
      label,
    })
    .strict(),
]);

// ── the contract ──────────────────────────────────────────────────────────────

/**
 * Invoke calls: `window.roomcall.<verb>(request)` resolves to IpcResult<response>.
 * Requests are parsed with `.strict()` objects so unknown fields are refused, not ignored.
 */
export const invokeContract = {
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

  getCurrentMeeting: { request: none, response: currentMeetingSchema },
  refreshCurrentMeeting: { request: none, response: currentMeetingSchema },
  /** What the person typed: a meeting code, ID or join link (parsed in main). */
  setMeeting: {
    request: z.object({ text: z.string().max(2000) }).strict(),
    response: currentMeetingSchema,
  },
  chooseMeeting: {
    request: z.object({ meetingId: digits(1, 24) }).strict(),
    response: currentMeetingSchema,
  },
  /** Back to following the operator's in-progress meeting. */
  clearMeeting: { request: none, response: currentMeetingSchema },

  getDirectory: { request: none, response: directorySchema },
  /** Starts a background refresh; progress arrives as `directoryChanged`. */
  refreshDirectory: { request: none, response: directoryStatusSchema },

  listFavorites: { request: none, response: favoriteListSchema },
  addFavorite: {
    request: newFavoriteSchema,
    response: z.object({ status: z.enum(['added', 'duplicate']), favorite: favoriteViewSchema }),
  },
  removeFavorite: { request: z.object({ id: favoriteId }).strict(), response: favoriteListSchema },
  moveFavorite: {
    request: z.object({ id: favoriteId, toIndex: z.number().int().min(0).max(10_000) }).strict(),
    response: favoriteListSchema,
  },
  renameFavorite: {
    request: z.object({ id: favoriteId, label }).strict(),
    response: favoriteListSchema,
  },
  /**
   * A new protocol, dial string and label for an address favourite, in one change that keeps
   * its id and place: refused whole (nothing changed) when another favourite calls that address.
   */
  updateAddressFavorite: {
    request: z
      .object({
        id: favoriteId,
        protocol: z.enum(['sip', 'h323']),
        dialString: z.string().min(1).max(255),
        label,
      })
      .strict(),
    response: favoriteListSchema,
  },
  /**
   * Main asks where to save (the native save dialog; the web preview saves into its own
   * exports folder) and writes the favourites there. `saved` only once the file is written.
   */
  exportFavorites: {
    request: none,
    response: z.discriminatedUnion('status', [
      z.object({ status: z.literal('saved'), path: z.string() }),
      z.object({ status: z.literal('cancelled') }),
    ]),
  },
  importFavorites: {
    request: z.object({ json: z.string().max(5 * 1024 * 1024) }).strict(),
    response: importReportSchema,
  },

  /**
   * One call per click: while a call to the same target is still in flight, the existing
   * call is returned instead of ringing the room twice.
   */
  startCall: { request: callRequestSchema, response: callViewSchema },
  cancelCall: {
    request: z.object({ callId: z.string().min(1).max(64) }).strict(),
    response: callViewSchema,
  },
  listCalls: { request: none, response: z.array(callViewSchema) },
  listHistory: { request: none, response: z.array(historyEntrySchema) },

  openWindow: {
    request: z.object({ window: z.enum(['picker', 'settings']) }).strict(),
    response: z.null(),
  },
  hidePopover: { request: none, response: z.null() },
  /** Opens one of the app's known help pages in the browser; no arbitrary URLs. */
  openHelp: {
    request: z.object({ topic: z.enum(['credentials', 'permissions', 'clock']) }).strict(),
    response: z.null(),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

/** Events main pushes to every window: `window.roomcall.on(event, listener)`. */
export const eventContract = {
  appStateChanged: appStateSchema,
  settingsChanged: settingsViewSchema,
  meetingChanged: currentMeetingSchema,
  /** Sync progress and completion; windows fetch rooms with getDirectory when fetchedAt moves. */
  directoryChanged: directoryStatusSchema,
  favoritesChanged: favoriteListSchema,
  callProgress: callViewSchema,
  /** The popover was shown: a cue to refresh what is on screen. */
  popoverShown: z.null(),
} as const satisfies Record<string, z.ZodType>;

export type InvokeContract = typeof invokeContract;
export type EventContract = typeof eventContract;
export type InvokeVerb = keyof InvokeContract;
export type EventName = keyof EventContract;

export type RequestOf<V extends InvokeVerb> = z.input<InvokeContract[V]['request']>;
export type ParsedRequestOf<V extends InvokeVerb> = z.output<InvokeContract[V]['request']>;

/** What testConnection found: the settings window shows it step by step. */
export type ConnectionReport = ResponseOf<'testConnection'>;

/** The help pages a window may ask main to open (main keeps their addresses). */
export type HelpTopic = ParsedRequestOf<'openHelp'>['topic'];
export type ResponseOf<V extends InvokeVerb> = z.output<InvokeContract[V]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<EventContract[E]>;
