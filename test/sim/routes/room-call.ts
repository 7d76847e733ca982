/**
 * The room-call family: PUT room-call, PUT cancel-room-call, POST room-call-info.
 * Outcome rules: data.ts (roomBehaviour) for rooms, mraBehaviour below for SIP/H.323 addresses.
 */
import {
  type JsonObject,
  meetingIdField,
  optionalObject,
  parseJsonObject,
  peekMeetingId,
  requiredInteger,
  requiredString,
} from '../body';
import { CallStatus, formatResponseTime } from '../calls';
import type { CallOutcome } from '../calls';
import { CALLABLE_STATES, RoomStatus } from '../data';
import { ErrorCode, SimError, callFailed, invalidParam } from '../errors';
import { checkOperator, meetingNotFound } from '../state';
import type { Route, RouteRequest, SimState } from '../state';
import type { CallBehaviour, SimMeeting, SimRoom } from '../types';

type Target =
  | { readonly kind: 'room'; readonly key: string; readonly room: SimRoom }
  | {
      readonly kind: 'mra';
      readonly key: string;
      readonly protocol: 1 | 2;
      readonly dialString: string;
    };

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}(:\d{1,5})?$/;
const SIP_URI = /^(sips?:)?[^\s@:]+@[A-Za-z0-9.-]+(:\d{1,5})?$/i;
const E164 = /^\+?\d{3,20}$/;
const H323_ALIAS = /^([^\s@]+@[A-Za-z0-9.-]+|[A-Za-z0-9.-]+##[^\s#]+)$/;

/** Whether a dial string fits its protocol (SIP: IP or URI; H.323: IP, E.164, alias@host). */
export function validDialString(protocol: 1 | 2, dial: string): boolean {
  if (IPV4.test(dial)) return true;
  return protocol === 1 ? SIP_URI.test(dial) : E164.test(dial) || H323_ALIAS.test(dial);
}

/**
 * What a call to an MRA address does: "unreachable" in the dial string → room-call fails
 * (500/10004); "busy" → rejected; "noanswer" → never answers; anything else → accepted.
 * E.164 numbers (H.323) cannot carry words, so their last three digits speak instead, after
 * the SIP status codes: …404 unreachable, …486 busy (rejected), …408 no answer.
 */
export function mraBehaviour(dialString: string): CallBehaviour {
  const dial = dialString.toLowerCase();
  if (dial.includes('unreachable') || (E164_ENDING.test(dial) && dial.endsWith('404')))
    return 'fail';
  if (dial.includes('busy') || (E164_ENDING.test(dial) && dial.endsWith('486'))) return 'reject';
  if (dial.includes('noanswer') || (E164_ENDING.test(dial) && dial.endsWith('408')))
    return 'no-answer';
  return 'accept';
}

const E164_ENDING = /^\+?\d{4,15}$/;

function parseTarget(body: JsonObject, state: SimState): Target {
  const roomId = body['meeting_room_id'];
  const mra = optionalObject(body, 'mra_address');
  const hasRoom = roomId !== undefined && roomId !== null && roomId !== '';
  if (hasRoom && mra !== undefined) {
    throw invalidParam('meeting_room_id and mra_address are exclusive: send exactly one');
  }
  if (hasRoom) {
    const id = requiredString(body, 'meeting_room_id');
    const room = state.findRoom(id);
    if (room === undefined) throw invalidParam(`meeting room ${id} does not exist`);
    return { kind: 'room', key: `room:${id}`, room };
  }
  if (mra === undefined) throw invalidParam('meeting_room_id or mra_address is required');
  const protocol = requiredInteger(mra, 'protocol');
  if (protocol !== 1 && protocol !== 2) {
    throw invalidParam('mra_address.protocol must be 1 (SIP) or 2 (H.323)');
  }
  const dialString = requiredString(mra, 'dial_string').trim();
  if (!validDialString(protocol, dialString)) {
    throw invalidParam(
      protocol === 1
        ? `mra_address.dial_string "${dialString}" is not an IP address or SIP URI`
        : `mra_address.dial_string "${dialString}" is not an IP address or E.164 number`,
    );
  }
  return { kind: 'mra', key: `mra:${protocol}:${dialString.toLowerCase()}`, protocol, dialString };
}

interface Common {
  readonly operatorId: string;
  readonly meeting: SimMeeting;
  readonly target: Target;
  readonly body: JsonObject;
}

/** The fields every call API shares, checked in the order a real server would. */
function parseCommon(request: RouteRequest, state: SimState, allowNumericId: boolean): Common {
  const body = parseJsonObject(request.bodyText);
  const peek = peekMeetingId(body);
  if (peek !== undefined) request.noteMeetingId(peek.raw, peek.encoding);
  const operatorIdType = body['operator_id_type'];
  const operatorId = checkOperator(
    body['operator_id'] === undefined ? undefined : requiredString(body, 'operator_id'),
    operatorIdType === undefined ? undefined : requiredInteger(body, 'operator_id_type'),
    state,
  );
  const meetingId = meetingIdField(body, allowNumericId);
  const target = parseTarget(body, state);
  const meeting = state.findMeeting(meetingId);
  if (meeting === undefined) throw meetingNotFound(meetingId);
  checkPermission(operatorId, meeting, target, state);
  return { operatorId, meeting, target, body };
}

/**
 * Rooms: an admin of the enterprise, or a host / participant of the meeting.
 * MRA addresses: only the meeting's host (co-hosts are not modelled) → 9042 otherwise.
 */
function checkPermission(
  operatorId: string,
  meeting: SimMeeting,
  target: Target,
  state: SimState,
): void {
  const isHost = meeting.hosts.includes(operatorId);
  if (target.kind === 'mra') {
    if (!isHost) {
      throw new SimError(
        400,
        ErrorCode.permissionDenied,
        'permission denied: calling a SIP/H.323 address needs the host or a co-host of the meeting',
      );
    }
    return;
  }
  const member = isHost || meeting.participants.includes(operatorId);
  if (!member && !state.admins.has(operatorId)) {
    throw new SimError(
      400,
      ErrorCode.permissionDenied,
      'permission denied: only an admin or a participant of the meeting can call its rooms',
    );
  }
}

function roomFailure(room: SimRoom): string {
  if (!room.is_allow_call) return `meeting room ${room.meeting_room_id} does not allow calls`;
  switch (room.meeting_room_status) {
    case RoomStatus.offline:
      return `meeting room ${room.meeting_room_id} is offline`;
    case RoomStatus.notActivated:
      return `meeting room ${room.meeting_room_id} is not activated`;
    case RoomStatus.notBound:
      return `meeting room ${room.meeting_room_id} has no device bound`;
    case RoomStatus.notLoggedIn:
      return `meeting room ${room.meeting_room_id} is not logged in`;
    default:
      return `meeting room ${room.meeting_room_id} cannot be called`;
  }
}

export const roomCall: Route = {
  method: 'PUT',
  pattern: /^\/v1\/meeting-rooms\/room-call$/,
  handler(request, state) {
    const { meeting, target } = parseCommon(request, state, true);
    if (!CALLABLE_STATES.includes(meeting.status)) {
      throw callFailed(`call failed: meeting ${meeting.meeting_id} is not in progress or upcoming`);
    }
    const behaviour =
      target.kind === 'room' ? target.room.behaviour : mraBehaviour(target.dialString);
    if (behaviour === 'fail') {
      throw callFailed(
        target.kind === 'room'
          ? `call failed: ${roomFailure(target.room)}`
          : `call failed: ${target.dialString} is unreachable`,
      );
    }
    const previous = state.calls.get(meeting.meeting_id, target.key);
    if (previous !== undefined && state.calls.read(previous).status === CallStatus.accepted) {
      throw callFailed('call failed: the room is already in the meeting');
    }
    const outcome: CallOutcome = behaviour;
    const call = state.calls.start(meeting.meeting_id, target.key, outcome);
    return { invite_id: call.inviteId, status: 2 };
  },
};

function instanceId(body: JsonObject): number {
  const value = requiredInteger(body, 'instance_id');
  if (value < 1 || value > 8) throw invalidParam('instance_id must be 1..8 (1 = PC)');
  return value;
}

export const cancelRoomCall: Route = {
  method: 'PUT',
  pattern: /^\/v1\/meeting-rooms\/cancel-room-call$/,
  handler(request, state) {
    const { meeting, target, body } = parseCommon(request, state, false);
    const inviteId = requiredString(body, 'invite_id');
    instanceId(body);
    const call = state.calls.get(meeting.meeting_id, target.key);
    if (call?.inviteId !== inviteId) {
      throw invalidParam(`invite_id ${inviteId} is not a call to that target in this meeting`);
    }
    state.calls.cancel(call);
    return {};
  },
};

export const roomCallInfo: Route = {
  method: 'POST',
  pattern: /^\/v1\/meeting-rooms\/room-call-info$/,
  handler(request, state) {
    const { meeting, target, body } = parseCommon(request, state, false);
    instanceId(body);
    const call = state.calls.get(meeting.meeting_id, target.key);
    if (call === undefined) return { status: CallStatus.notCalled, response_time: '' };
    const reading = state.calls.read(call);
    return { status: reading.status, response_time: formatResponseTime(reading.since) };
  },
};
