import { type Favorite } from '../../shared/model/favorites-schema';
import type { HistoryTarget } from '../../shared/model/history-schema';
import type { Meeting, Room } from '../../core/wemeet/api';
import { roomStatusFromCode } from '../../core/wemeet/schemas';
import type { CallTarget } from '../../core/wemeet/types';
import type { CallTargetView, MeetingSummary, RoomView } from '../../shared/ipc/contract';
import { favoriteDisplayName } from '../../shared/rules/favorites';

/** Core shapes (API field names) → the contract's views (what the windows show). */

export function meetingSummary(meeting: Meeting): MeetingSummary {
  return {
    meetingId: meeting.meeting_id,
    meetingCode: meeting.meeting_code,
    subject: meeting.subject,
    startTime: meeting.start_time === '' ? null : meeting.start_time,
    endTime: meeting.end_time === '' ? null : meeting.end_time,
    status: meeting.status,
    inProgress: meeting.status === 'MEETING_STATE_STARTED',
  };
}

export function roomView(room: Room): RoomView {
  return {
    meetingRoomId: room.meeting_room_id,
    name: room.meeting_room_name,
    location: room.meeting_room_location,
    status: roomStatusFromCode(room.meeting_room_status),
    callable: room.is_allow_call,
    participantNumber: room.participant_number ?? null,
  };
}

/** A call target with the words to show for it. */
export interface NamedTarget {
  readonly target: CallTarget;
  readonly view: CallTargetView;
}

export function favoriteTarget(favorite: Favorite): NamedTarget {
  if (favorite.kind === 'room') {
    return {
      target: { kind: 'room', meetingRoomId: favorite.meetingRoomId },
      view: {
        kind: 'room',
        meetingRoomId: favorite.meetingRoomId,
        name: favoriteDisplayName(favorite),
        location: favorite.location,
      },
    };
  }
  return {
    target: { kind: 'mra', protocol: favorite.protocol, dialString: favorite.dialString },
    view: {
      kind: 'mra',
      protocol: favorite.protocol,
      dialString: favorite.dialString,
      label: favorite.label,
    },
  };
}

export function historyTarget(view: CallTargetView): HistoryTarget {
  return view.kind === 'room'
    ? { kind: 'room', meetingRoomId: view.meetingRoomId, name: view.name.slice(0, 200) || null }
    : { kind: 'mra', protocol: view.protocol, dialString: view.dialString };
}
