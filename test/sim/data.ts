/**
 * The simulated enterprise: its users, meeting rooms and meetings, generated deterministically
 * from a seed. A few well-known values are fixed whatever the seed (exported below) so tests,
 * demos and docs can name them.
 */
import { Rng } from './rng';
import type { CallBehaviour, MeetingState, SimMeeting, SimRoom } from './types';

/** Fake, fixed demo credentials: the reference's worked-example SecretId/SecretKey. */
export const SIM_APP_ID = '200000001';
export const SIM_SECRET_ID = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
export const SIM_SECRET_KEY = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';

/** The operator the demo credentials act as: an enterprise admin (the worked example's user). */
export const SIM_OPERATOR_ID = 'tester1';
/** Two colleagues: known users without admin rights. */
export const SIM_COLLEAGUE_ID = 'zhangwei';
export const SIM_OTHER_USER_ID = 'lina';
export const SIM_USERS: readonly string[] = [SIM_OPERATOR_ID, SIM_COLLEAGUE_ID, SIM_OTHER_USER_ID];
export const SIM_ADMINS: readonly string[] = [SIM_OPERATOR_ID];

/** The first room: idle, callable, accepts. Its ID is the one of the worked example. */
export const SIM_EXAMPLE_ROOM_ID = '1234567890123456789';

export interface WellKnownMeeting {
  readonly meeting_id: string;
  readonly meeting_code: string;
  readonly subject: string;
}

/** In progress now (MEETING_STATE_STARTED), 19 digits > 2^53; the operator created and hosts it. */
export const SIM_CURRENT_MEETING: WellKnownMeeting = {
  meeting_id: '7567173273889276131',
  meeting_code: '806146667',
  subject: '产品周会 Weekly product sync',
};

/** A 20-digit meeting_id (beyond int64 too), upcoming (INIT) in 30 min; the operator hosts it. */
export const SIM_TWENTY_DIGIT_MEETING: WellKnownMeeting = {
  meeting_id: '13434567890123927028',
  meeting_code: '513270981',
  subject: '华南区季度复盘',
};

/** Upcoming (INIT) in 2 h, created and hosted by SIM_COLLEAGUE_ID; the operator is only invited. */
export const SIM_INVITEE_MEETING: WellKnownMeeting = {
  meeting_id: '9130578260415238846',
  meeting_code: '302415689',
  subject: 'Design review: onboarding',
};

/** Ended yesterday: queryable by ID and code, absent from the operator's list, not callable. */
export const SIM_ENDED_MEETING: WellKnownMeeting = {
  meeting_id: '6283940175529033417',
  meeting_code: '771204396',
  subject: '招聘同步会',
};

/** A meeting ID and code that exist nowhere (9003). */
export const SIM_UNKNOWN_MEETING_ID = '8000000000000000001';
export const SIM_UNKNOWN_MEETING_CODE = '999999999';

/** How many upcoming meetings are generated on top of the well-known ones. */
export const SIM_UPCOMING_MEETINGS = 25;
/**
 * Upcoming meetings that all start at the same second (a training day's parallel sessions the
 * operator is invited to): more than two pages of 20 inside one start time, so the list's
 * paging hands back the same next_pos twice with a later next_cursory, and the meetings at
 * the page boundaries repeat, as the Go SDK warns (model.go, V1MeetingsGet200Response).
 */
export const SIM_SAME_START_MEETINGS = 40;

// ---------------------------------------------------------------------------------------------
// Rooms

interface Site {
  readonly city: string;
  readonly building: string;
  readonly english: boolean;
  readonly floors: number;
}

const SITES: readonly Site[] = [
  { city: '深圳', building: '滨海大厦', english: false, floors: 40 },
  { city: '深圳', building: '腾讯大厦', english: false, floors: 39 },
  { city: '深圳', building: '科兴科学园', english: false, floors: 22 },
  { city: '深圳', building: '前海国际中心', english: false, floors: 30 },
  { city: '北京', building: '银科大厦', english: false, floors: 25 },
  { city: '北京', building: '望京 SOHO', english: false, floors: 30 },
  { city: '北京', building: '融科资讯中心', english: false, floors: 18 },
  { city: '上海', building: '腾云大厦', english: false, floors: 35 },
  { city: '上海', building: '漕河泾科技绿洲', english: false, floors: 12 },
  { city: '广州', building: 'T.I.T 创意园', english: false, floors: 6 },
  { city: '广州', building: '珠江新城大厦', english: false, floors: 28 },
  { city: '成都', building: '天府软件园', english: false, floors: 15 },
  { city: '杭州', building: '西溪园区', english: false, floors: 8 },
  { city: '武汉', building: '光谷软件园', english: false, floors: 12 },
  { city: '西安', building: '高新大厦', english: false, floors: 20 },
  { city: 'Singapore', building: 'Marina One', english: true, floors: 30 },
  { city: 'Hong Kong', building: 'Times Square', english: true, floors: 40 },
];

const HALLS = [
  '长城厅',
  '黄河厅',
  '长江厅',
  '泰山厅',
  '黄山厅',
  '华山厅',
  '西湖厅',
  '漓江厅',
  '珠峰厅',
  '昆仑厅',
  '洞庭厅',
  '鼓浪屿',
  '天山厅',
  '峨眉厅',
  '青城厅',
  '桂林厅',
];
const ENGLISH_HALLS = [
  'Boardroom',
  'Huddle',
  'Orchid',
  'Lotus',
  'Focus Room',
  'Town Hall',
  'Harbour View',
  'Sakura',
  'Everest',
  'Apollo',
];

/** meeting_room_status values */
export const RoomStatus = {
  notActivated: 0,
  notBound: 1,
  idle: 2,
  inUse: 3,
  offline: 4,
  notLoggedIn: 5,
} as const;

/**
 * What a call to this room does, from its current fields (so a test may change a room):
 * - status other than idle (2) / in use (3), or is_allow_call false → room-call fails (500/10004);
 * - otherwise the ID's last digit: 3 → rejected, 7 → never answers, anything else → accepted.
 */
export function roomBehaviour(room: {
  meeting_room_id: string;
  meeting_room_status: number;
  is_allow_call: boolean;
}): CallBehaviour {
  const { meeting_room_status: status } = room;
  if (!room.is_allow_call || (status !== RoomStatus.idle && status !== RoomStatus.inUse)) {
    return 'fail';
  }
  const last = room.meeting_room_id.charAt(room.meeting_room_id.length - 1);
  if (last === '3') return 'reject';
  if (last === '7') return 'no-answer';
  return 'accept';
}

class Room implements SimRoom {
  meeting_room_id = '';
  meeting_room_name = '';
  meeting_room_location = '';
  city = '';
  building = '';
  floor = '';
  account_new_type = 1;
  account_type = 0;
  active_code = '';
  participant_number = 8;
  meeting_room_status: number = RoomStatus.idle;
  scheduled_status = 1;
  is_allow_call = true;
  device = 'ROOMS';
  sip_address = '';
  h323_address = '';

  /** Derived from the current fields: never stale, never serialised. */
  get behaviour(): CallBehaviour {
    return roomBehaviour(this);
  }
}

interface Curated {
  readonly site: number;
  readonly floor: number;
  readonly label: string;
  readonly status: number;
  readonly allow: boolean;
  /** The last digit of the ID, which decides the outcome of a callable room. */
  readonly lastDigit: string;
}

/** The first rooms, whatever the seed: one of each behaviour (see README.md). */
const CURATED: readonly Curated[] = [
  { site: 0, floor: 18, label: '1801 会议室', status: 2, allow: true, lastDigit: '9' },
  { site: 4, floor: 5, label: '长城厅', status: 2, allow: true, lastDigit: '3' },
  { site: 7, floor: 12, label: '1203 会议室', status: 2, allow: true, lastDigit: '7' },
  { site: 9, floor: 2, label: '黄河厅', status: 4, allow: true, lastDigit: '1' },
  { site: 11, floor: 8, label: '泰山厅', status: 2, allow: false, lastDigit: '5' },
  { site: 0, floor: 20, label: '2005 会议室', status: 3, allow: true, lastDigit: '1' },
  { site: 12, floor: 3, label: '西湖厅', status: 0, allow: false, lastDigit: '2' },
  { site: 15, floor: 12, label: 'Boardroom', status: 2, allow: true, lastDigit: '5' },
];

function randomStatus(rng: Rng): number {
  const r = rng.next();
  if (r < 0.6) return RoomStatus.idle;
  if (r < 0.75) return RoomStatus.inUse;
  if (r < 0.85) return RoomStatus.offline;
  if (r < 0.9) return RoomStatus.notLoggedIn;
  if (r < 0.95) return RoomStatus.notActivated;
  return RoomStatus.notBound;
}

function roomName(site: Site, floor: number, label: string): string {
  return site.english
    ? `${site.building} L${floor} ${label}`
    : `${site.city}·${site.building} ${floor}F ${label}`;
}

function siteAt(index: number): Site {
  const site = SITES[index];
  if (site === undefined) throw new Error(`no site ${index}`);
  return site;
}

export function generateRooms(count: number, seed: number): SimRoom[] {
  const rng = new Rng(seed * 7919 + 17);
  const rooms: SimRoom[] = [];
  const names = new Set<string>();
  const ids = new Set<string>();

  // Where the fallback numbering of each floor goes on from (keeps big accounts linear).
  const nextNumber = new Map<string, number>();
  const uniqueName = (site: Site, floor: number, label: string): string => {
    let name = roomName(site, floor, label);
    const floorKey = `${site.city}|${site.building}|${floor}`;
    let k = nextNumber.get(floorKey) ?? 1;
    for (; names.has(name); k++) {
      const numbered = site.english
        ? `Room ${floor}${String(k).padStart(2, '0')}`
        : `${floor}${String(k).padStart(2, '0')} 会议室`;
      name = roomName(site, floor, numbered);
    }
    nextNumber.set(floorKey, k);
    names.add(name);
    return name;
  };

  for (let i = 0; i < count; i++) {
    const curated = CURATED[i];
    const room = new Room();
    let site: Site;
    let floor: number;
    let label: string;
    let lastDigit: string;
    if (curated !== undefined) {
      site = siteAt(curated.site);
      floor = curated.floor;
      label = curated.label;
      lastDigit = curated.lastDigit;
      room.meeting_room_status = curated.status;
      room.is_allow_call = curated.allow;
    } else {
      site = siteAt(rng.int(0, SITES.length - 1));
      floor = rng.int(1, site.floors);
      const hall = rng.chance(0.3);
      if (site.english) {
        label = hall
          ? rng.pick(ENGLISH_HALLS)
          : `Room ${floor}${String(rng.int(1, 30)).padStart(2, '0')}`;
      } else {
        label = hall
          ? rng.pick(HALLS)
          : `${floor}${String(rng.int(1, 30)).padStart(2, '0')} 会议室`;
      }
      lastDigit = String(rng.int(0, 9));
      room.meeting_room_status = randomStatus(rng);
      const unusable =
        room.meeting_room_status === RoomStatus.notActivated ||
        room.meeting_room_status === RoomStatus.notBound;
      room.is_allow_call = !unusable && !rng.chance(0.08);
    }

    let id = i === 0 ? SIM_EXAMPLE_ROOM_ID : '';
    while (id === '' || ids.has(id)) {
      id = `1${rng.digits(10)}${String(i).padStart(7, '0')}${lastDigit}`;
    }
    ids.add(id);

    room.meeting_room_id = id;
    room.meeting_room_name = uniqueName(site, floor, label);
    room.meeting_room_location = `${site.city}-${site.building}-${floor}`;
    room.city = site.city;
    room.building = site.building;
    room.floor = String(floor);
    room.account_new_type = rng.chance(0.7) ? 1 : 0;
    room.account_type = rng.chance(0.9) ? 0 : rng.pick([1, 2]);
    room.active_code = rng.chars(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789');
    room.participant_number = rng.pick([4, 6, 8, 10, 12, 16, 20, 30, 50]);
    room.scheduled_status = rng.chance(0.8) ? 1 : 0;
    const ip = `10.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(2, 254)}`;
    room.sip_address = `${id}@${ip}`;
    room.h323_address = ip;
    rooms.push(room);
  }
  return rooms;
}

// ---------------------------------------------------------------------------------------------
// Meetings

const SUBJECTS = [
  '周例会',
  '项目启动会',
  '需求评审',
  '技术方案评审',
  '客户演示 Customer demo',
  '1:1',
  'Sprint planning',
  'Retro',
  '月度经营分析会',
  '招聘面试',
  '架构委员会',
  '市场部周会',
  'Partner sync',
  '培训:安全意识',
  '预算评审',
  '上线复盘',
];

const TOKEN_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function meeting(
  rng: Rng,
  fields: Omit<SimMeeting, 'join_url' | 'start_time' | 'end_time' | 'updated_ms'> & {
    startSec: number;
    endSec: number;
  },
): SimMeeting {
  const { startSec, endSec, ...rest } = fields;
  return {
    ...rest,
    start_time: String(startSec),
    end_time: String(endSec),
    // Each meeting's join_url is its short link (reference §4): https://meeting.tencent.com/dm/<token>.
    join_url: `https://meeting.tencent.com/dm/${rng.chars(12, TOKEN_ALPHABET)}`,
    // Set below, once every meeting exists, so that each is unique.
    updated_ms: 0,
  };
}

/** The enterprise's meetings, times relative to `nowMs` (the server clock at start). */
export function generateMeetings(nowMs: number, seed: number): SimMeeting[] {
  const rng = new Rng(seed * 104729 + 3);
  const now = Math.floor(nowMs / 1000);
  const minute = 60;
  const op = SIM_OPERATOR_ID;
  const meetings: SimMeeting[] = [
    meeting(rng, {
      ...SIM_CURRENT_MEETING,
      status: 'MEETING_STATE_STARTED',
      type: 0,
      creator: op,
      hosts: [op],
      participants: [op, SIM_COLLEAGUE_ID, SIM_OTHER_USER_ID],
      startSec: now - 15 * minute,
      endSec: now + 45 * minute,
    }),
    meeting(rng, {
      ...SIM_TWENTY_DIGIT_MEETING,
      status: 'MEETING_STATE_INIT',
      type: 0,
      creator: op,
      hosts: [op],
      participants: [op, SIM_OTHER_USER_ID],
      startSec: now + 30 * minute,
      endSec: now + 90 * minute,
    }),
    meeting(rng, {
      ...SIM_INVITEE_MEETING,
      status: 'MEETING_STATE_INIT',
      type: 0,
      creator: SIM_COLLEAGUE_ID,
      hosts: [SIM_COLLEAGUE_ID],
      participants: [SIM_COLLEAGUE_ID, op],
      startSec: now + 120 * minute,
      endSec: now + 180 * minute,
    }),
    meeting(rng, {
      ...SIM_ENDED_MEETING,
      status: 'MEETING_STATE_ENDED',
      type: 0,
      creator: op,
      hosts: [op],
      participants: [op, SIM_COLLEAGUE_ID],
      startSec: now - 26 * 60 * minute,
      endSec: now - 25 * 60 * minute,
    }),
  ];

  const ids = new Set(meetings.map((m) => m.meeting_id));
  const codes = new Set(meetings.map((m) => m.meeting_code));
  ids.add(SIM_UNKNOWN_MEETING_ID);
  codes.add(SIM_UNKNOWN_MEETING_CODE);
  // Upcoming meetings over the next two weeks, on the half hour.
  const firstSlot = Math.ceil((now + 4 * 60 * minute) / (30 * minute)) * 30 * minute;
  for (let i = 0; i < SIM_UPCOMING_MEETINGS; i++) {
    let id = '';
    while (id === '' || ids.has(id)) id = rng.digits(19, true);
    ids.add(id);
    let code = '';
    while (code === '' || codes.has(code)) code = rng.digits(9, true);
    codes.add(code);
    const startSec = firstSlot + i * 12 * 60 * minute + rng.int(0, 6) * 30 * minute;
    const hostedByColleague = rng.chance(0.25);
    const creator = hostedByColleague ? SIM_COLLEAGUE_ID : op;
    meetings.push(
      meeting(rng, {
        subject: rng.pick(SUBJECTS),
        meeting_id: id,
        meeting_code: code,
        status: 'MEETING_STATE_INIT',
        type: 0,
        creator,
        hosts: [creator],
        participants: hostedByColleague ? [creator, op] : [op, SIM_OTHER_USER_ID],
        startSec,
        endSec: startSec + rng.pick([30, 60, 90]) * minute,
      }),
    );
  }

  // The training day: in about three hours, on the hour, all at once; the colleague made them.
  const sharedStart = Math.ceil((now + 3 * 60 * minute) / (60 * minute)) * 60 * minute;
  for (let i = 0; i < SIM_SAME_START_MEETINGS; i++) {
    let id = '';
    while (id === '' || ids.has(id)) id = rng.digits(19, true);
    ids.add(id);
    let code = '';
    while (code === '' || codes.has(code)) code = rng.digits(9, true);
    codes.add(code);
    meetings.push(
      meeting(rng, {
        subject: `培训:分组 ${i + 1} Training group ${i + 1}`,
        meeting_id: id,
        meeting_code: code,
        status: 'MEETING_STATE_INIT',
        type: 0,
        creator: SIM_COLLEAGUE_ID,
        hosts: [SIM_COLLEAGUE_ID],
        participants: [SIM_COLLEAGUE_ID, op],
        startSec: sharedStart,
        endSec: sharedStart + 60 * minute,
      }),
    );
  }

  // Last modified: some time in the past month, unique ms (the cursor's order within a start
  // time), shuffled so that it is not the order of creation.
  const updated = new Set<number>();
  for (const m of meetings) {
    let ms = 0;
    while (ms === 0 || updated.has(ms)) ms = nowMs - rng.int(60_000, 30 * 24 * 3_600_000);
    updated.add(ms);
    m.updated_ms = ms;
  }
  return meetings;
}

export const LISTED_STATES: readonly MeetingState[] = [
  'MEETING_STATE_INIT',
  'MEETING_STATE_STARTED',
];
/** Meetings a room can be called into. */
export const CALLABLE_STATES: readonly MeetingState[] = LISTED_STATES;
