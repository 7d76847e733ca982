/**
 * Which Tencent Meeting request failed, in words a window can use: a server code documented
 * for one request (10002 "room call status query failed", for room-call) reads wrong on
 * another (the room list). Named from the request's method and path, never its query (which
 * holds the operator). Pure, so main (to-ipc-error.ts) and the renderer share it.
 *
 * Paths: reference/tencent-meeting-api.md §3 (meeting rooms) and §4 (meetings).
 */
export const API_REQUESTS = [
  'rooms', // GET /v1/meeting-rooms: the room list
  'room', // GET /v1/meeting-rooms/{meeting_room_id}: one room's details
  'call', // PUT /v1/meeting-rooms/room-call
  'cancel', // PUT /v1/meeting-rooms/cancel-room-call
  'call-status', // POST /v1/meeting-rooms/room-call-info
  'meetings', // GET /v1/meetings[/{meeting_id}]: finding the meeting
] as const;

export type ApiRequest = (typeof API_REQUESTS)[number];

const ROOMS = '/v1/meeting-rooms';

/** The request a method and path name; null for one RoomCall does not word on its own. */
export function apiRequestOf(method: string, path: string): ApiRequest | null {
  const verb = method.toUpperCase();
  const bare = path.split('?')[0]?.replace(/\/+$/, '') ?? '';
  if (bare === `${ROOMS}/room-call` && verb === 'PUT') return 'call';
  if (bare === `${ROOMS}/cancel-room-call` && verb === 'PUT') return 'cancel';
  if (bare === `${ROOMS}/room-call-info` && verb === 'POST') return 'call-status';
  if (verb !== 'GET') return null;
  if (bare === ROOMS) return 'rooms';
  if (/^\/v1\/meeting-rooms\/[^/]+$/.test(bare)) return 'room';
  if (bare === '/v1/meetings' || /^\/v1\/meetings\/[^/]+$/.test(bare)) return 'meetings';
  return null;
}
