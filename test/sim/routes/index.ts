import type { Route } from '../state';
import { meetingById, meetingsQuery } from './meetings';
import { cancelRoomCall, roomCall, roomCallInfo } from './room-call';
import { getRoom, listRooms } from './rooms';

/** Every endpoint, most specific first (room-call before the {meeting_room_id} pattern). */
export const ROUTES: readonly Route[] = [
  roomCall,
  cancelRoomCall,
  roomCallInfo,
  listRooms,
  getRoom,
  meetingsQuery,
  meetingById,
];
