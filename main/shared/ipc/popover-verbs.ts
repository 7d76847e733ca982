/** The IPC contract's popover start-up verb and its payload (assembled in contract.ts). */
import { z } from 'zod';
import { appVerbs } from './app-verbs';
import { callVerbs } from './call-verbs';
import { favoriteVerbs } from './favorite-verbs';
import { ipcErrorSchema } from './ipc-error';
import { meetingVerbs } from './meeting-verbs';
import { none } from './shapes';

/** One part of the snapshot: what its own verb would have answered, success or failure. */
function partOf<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: ipcErrorSchema }),
  ]);
}

/**
 * Everything the popover's first screen shows, each part exactly as the verb named beside it
 * answers (the same schemas, composed from the same handlers). Each part succeeds or fails on
 * its own, as separate calls would: a busy favourites file still lets the meeting show. The
 * room directory is not in it (it can hold thousands of rooms; the popover asks for it after
 * its first paint).
 */
const popoverSnapshotSchema = z.object({
  appState: partOf(appVerbs.getAppState.response),
  settings: partOf(appVerbs.getSettings.response),
  meeting: partOf(meetingVerbs.getCurrentMeeting.response),
  favorites: partOf(favoriteVerbs.listFavorites.response),
  calls: partOf(callVerbs.listCalls.response),
  history: partOf(callVerbs.listHistory.response),
});

/** The popover's start: its data in one round trip instead of six (issue 16). */
export const popoverVerbs = {
  getPopoverSnapshot: { request: none, response: popoverSnapshotSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
