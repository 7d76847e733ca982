/** The simulator's entry point for tests, the web preview, demos and benchmarks. */
export { startSimulator } from './server';
export * from './types';
export {
  SIM_APP_ID,
  SIM_SECRET_ID,
  SIM_SECRET_KEY,
  SIM_OPERATOR_ID,
  SIM_COLLEAGUE_ID,
  SIM_OTHER_USER_ID,
  SIM_EXAMPLE_ROOM_ID,
  SIM_CURRENT_MEETING,
  SIM_TWENTY_DIGIT_MEETING,
  SIM_INVITEE_MEETING,
  SIM_ENDED_MEETING,
  SIM_UNKNOWN_MEETING_ID,
  SIM_UNKNOWN_MEETING_CODE,
  SIM_UPCOMING_MEETINGS,
  SIM_SAME_START_MEETINGS,
  RoomStatus,
  roomBehaviour,
} from './data';
export type { WellKnownMeeting } from './data';
export { mraBehaviour, validDialString } from './routes/room-call';
export { CallStatus, formatResponseTime } from './calls';
export { ErrorCode } from './errors';
export { MEETINGS_PAGE_SIZE } from './routes/meetings';
