/**
 * The IPC contract: every call the windows can make and every event they can receive, with
 * zod schemas for each payload. Everything else is derived from this one module:
 * - the preload exposes exactly these verbs on `window.roomcall` (channel names: channels.ts);
 * - main registers one handler per verb and parses every request with `request` here;
 * - the renderer's `RoomcallBridge` type (bridge.ts) and its test double are inferred from it.
 *
 * Adding a call means adding it to its verb group (app-, meeting-, directory-, favorite- or
 * call-verbs.ts, each with its payloads) and writing its handler; nothing else.
 *
 * This module is imported by the renderer for types only (`import type`) so zod stays out of
 * the popover's bundle. It must stay free of Node and Electron imports.
 */
import { z } from 'zod';
import { appStateSchema, appVerbs, settingsViewSchema } from './app-verbs';
import { callVerbs, callViewSchema } from './call-verbs';
import { directoryStatusSchema, directoryVerbs } from './directory-verbs';
import { favoriteListSchema, favoriteVerbs } from './favorite-verbs';
import { currentMeetingSchema, meetingVerbs } from './meeting-verbs';
import { popoverVerbs } from './popover-verbs';
import { relayVerbs } from './relay-verbs';
import { none } from './shapes';

// The contract's payload types, for main and the windows: this module is their one address
// (the verb-group modules beside it are its parts).
export { ipcErrorSchema, type IpcError, type IpcErrorKind, type IpcResult } from './ipc-error';
export type { AppState, SettingsView } from './app-verbs';
export type { RelayState } from './relay-state';
export type { CurrentMeeting, MeetingSummary } from './meeting-verbs';
export type { Directory, DirectoryStatus, RoomView } from './directory-verbs';
export { importReportSchema, type FavoriteView, type ImportReportView } from './favorite-verbs';
export type { CallPhase, CallTargetView, CallView } from './call-verbs';

// ── the contract ──────────────────────────────────────────────────────────────

/**
 * Invoke calls: `window.roomcall.<verb>(request)` resolves to IpcResult<response>.
 * Requests are parsed with `.strict()` objects so unknown fields are refused, not ignored.
 */
export const invokeContract = {
  ...appVerbs,

  ...meetingVerbs,

  ...directoryVerbs,

  ...favoriteVerbs,

  ...callVerbs,

  ...popoverVerbs,

  ...relayVerbs,

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
