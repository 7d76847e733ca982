/**
 * A room's state, by Tencent's meeting_room_status code (the list's index): 0 not activated,
 * 1 not bound, 2 idle, 3 in use, 4 offline, 5 not logged in. 'unknown' for any other code.
 * One list for the core's mapping and the IPC contract's enum, so the two cannot drift.
 */
export const ROOM_STATUSES = [
  'not-activated',
  'not-bound',
  'idle',
  'in-use',
  'offline',
  'not-logged-in',
  'unknown',
] as const;

export type RoomStatus = (typeof ROOM_STATUSES)[number];
