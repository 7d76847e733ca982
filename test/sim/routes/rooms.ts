/** GET /v1/meeting-rooms and GET /v1/meeting-rooms/{meeting_room_id}. */
import { ErrorCode, SimError, invalidParam } from '../errors';
import { checkOperator, decodeSegment } from '../state';
import type { Route, SimState } from '../state';
import type { SimRoom } from '../types';

function intParam(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value)) throw invalidParam(`${name} must be a positive integer`);
  return Number(value);
}

function listEntry(room: SimRoom): Record<string, unknown> {
  return {
    meeting_room_id: room.meeting_room_id,
    meeting_room_name: room.meeting_room_name,
    meeting_room_location: room.meeting_room_location,
    account_new_type: room.account_new_type,
    account_type: room.account_type,
    active_code: room.active_code,
    participant_number: room.participant_number,
    meeting_room_status: room.meeting_room_status,
    scheduled_status: room.scheduled_status,
    is_allow_call: room.is_allow_call,
  };
}

/** The fuzzy `meeting_room_name` filter: every whitespace-separated part, case-insensitive. */
function nameFilter(filter: string | undefined): ((room: SimRoom) => boolean) | null {
  const parts = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return null;
  return (room) => {
    const name = room.meeting_room_name.toLowerCase();
    return parts.every((part) => name.includes(part));
  };
}

export const listRooms: Route = {
  method: 'GET',
  pattern: /^\/v1\/meeting-rooms$/,
  handler(request, state: SimState) {
    const { query } = request;
    checkOperator(query['operator_id'], query['operator_id_type'], state);
    const page = intParam(query['page'], 'page', 1);
    const pageSize = intParam(query['page_size'], 'page_size', 20);
    if (page < 1) throw invalidParam('page starts at 1');
    if (pageSize < 1 || pageSize > 50) throw invalidParam('page_size must be 1..50');
    const filter = nameFilter(query['meeting_room_name']);
    const rooms = filter === null ? state.rooms : state.rooms.filter(filter);
    const start = (page - 1) * pageSize;
    const slice = rooms.slice(start, start + pageSize);
    return {
      total_count: rooms.length,
      current_size: slice.length,
      current_page: page,
      total_page: Math.ceil(rooms.length / pageSize),
      meeting_room_list: slice.map(listEntry),
    };
  },
};

export const getRoom: Route = {
  method: 'GET',
  pattern: /^\/v1\/meeting-rooms\/([^/]+)$/,
  handler(request, state) {
    const { query } = request;
    checkOperator(query['operator_id'], query['operator_id_type'], state);
    const id = decodeSegment(request.params[0] ?? '');
    const room = state.findRoom(id);
    if (room === undefined) {
      throw new SimError(400, ErrorCode.invalidParameter, `meeting room ${id} does not exist`);
    }
    const activated = room.meeting_room_status !== 0;
    return {
      basic_info: {
        rooms_id_list: activated ? [room.meeting_room_id] : [],
        meeting_room_name: room.meeting_room_name,
        city: room.city,
        building: room.building,
        floor: room.floor,
        participant_number: room.participant_number,
        device: room.device,
        desc: '',
        admin_password_enabled: false,
      },
      account_info: {
        account_new_type: room.account_new_type,
        account_type: room.account_type,
        valid_period: '-',
      },
      hardware_info: {
        factory: activated ? 'Tencent' : '',
        device_model: activated ? 'Rooms Bar' : '',
        sn: '',
        ip: activated ? room.h323_address : '',
        mac: '',
        rooms_version: activated ? '3.21.0.420' : '',
        firmware_version: '',
        health_status: room.meeting_room_status === 4 ? 'ERROR' : 'NORMAL',
        system_type: activated ? 'Android 9' : '',
        meeting_room_status: room.meeting_room_status,
        active_time: activated ? '2024-03-18 10:24:07' : '',
        net_type: 'ethernet',
        sip_address: activated ? room.sip_address : '',
        h323_address: activated ? room.h323_address : '',
      },
      pmi_info: { pmi_code: '', pmi_pwd: '' },
      monitor_status: 0,
      is_allow_call: room.is_allow_call,
      scheduled_status: room.scheduled_status,
    };
  },
};
