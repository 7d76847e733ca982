/** The IPC contract's room directory verbs and their payloads (assembled in contract.ts). */
import { z } from 'zod';
import { ipcErrorSchema } from './ipc-error';
import { none } from './shapes';
import { ROOM_STATUSES } from '../rules/room-status';

const roomStatusSchema = z.enum(ROOM_STATUSES);

const roomViewSchema = z.object({
  meetingRoomId: z.string(),
  name: z.string(),
  location: z.string(),
  status: roomStatusSchema,
  callable: z.boolean(),
  participantNumber: z.number().int().nullable(),
});
export type RoomView = z.output<typeof roomViewSchema>;

export const directoryStatusSchema = z.object({
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

/** The organisation's rooms, cached and refreshed in the background. */
export const directoryVerbs = {
  getDirectory: { request: none, response: directorySchema },
  /** Starts a background refresh; progress arrives as `directoryChanged`. */
  refreshDirectory: { request: none, response: directoryStatusSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
