import type { SimRoom } from '../sim/types';

/**
 * A simulator room as RoomCall names a room (a window's startCall `room`, and with its kind a
 * favourite): the ID, name and location the directory shows. One mapping for every test that
 * invites or stars a simulator room.
 */
export function simRoomRef(room: SimRoom): {
  readonly meetingRoomId: string;
  readonly name: string;
  readonly location: string;
} {
  return {
    meetingRoomId: room.meeting_room_id,
    name: room.meeting_room_name,
    location: room.meeting_room_location,
  };
}

/** The favourite of a simulator room, as addFavorite takes it. */
export function simRoomFavorite(room: SimRoom): ReturnType<typeof simRoomRef> & {
  readonly kind: 'room';
} {
  return { kind: 'room', ...simRoomRef(room) };
}
