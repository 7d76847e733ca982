/** `roomcall rooms` and `roomcall meetings` against the simulator. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Meeting, Room } from '../../main/core/wemeet/api';
import { closeAfterEach } from '../helpers/close-after-each';
import {
  SIM_CURRENT_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  SIM_SAME_START_MEETINGS,
  SIM_TWENTY_DIGIT_MEETING,
  SIM_UPCOMING_MEETINGS,
} from '../sim/index';
import { jsonOf, startCliHarness } from './cli-harness';

const harness = closeAfterEach(startCliHarness);

describe('roomcall rooms', () => {
  it('--json: every room of every page, with the API field names and IDs as strings', async () => {
    const h = await harness({ rooms: 120 });
    const result = await h.run(['rooms', '--json']);
    expect(result.code).toBe(0);
    const rooms = jsonOf<Room[]>(result);
    expect(rooms).toHaveLength(120);
    expect(rooms.map((r) => r.meeting_room_id)).toEqual(h.sim.rooms.map((r) => r.meeting_room_id));
    expect(rooms[0]).toEqual({
      meeting_room_id: SIM_EXAMPLE_ROOM_ID,
      meeting_room_name: '深圳·滨海大厦 18F 1801 会议室',
      meeting_room_location: '深圳-滨海大厦-18',
      account_new_type: expect.any(Number) as number,
      account_type: expect.any(Number) as number,
      participant_number: expect.any(Number) as number,
      meeting_room_status: 2,
      scheduled_status: expect.any(Number) as number,
      is_allow_call: true,
    });
    // 120 rooms at page_size 50: three pages.
    expect(h.requestsTo('GET', '/v1/meeting-rooms').map((r) => r.query['page'])).toEqual(
      expect.arrayContaining(['1', '2', '3']),
    );
  });

  it('a table with Chinese names aligned, status words and callable', async () => {
    const h = await harness();
    const result = await h.run(['rooms']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+NAME\s+LOCATION\s+STATUS\s+CALLABLE$/);
    expect(lines).toHaveLength(41);
    // Every row's STATUS column starts at the same display column as the header's.
    const statusColumn = stringWidth(lines[0]?.slice(0, lines[0].indexOf('STATUS')) ?? '');
    const row = (id: string) => lines.find((line) => line.startsWith(id)) ?? '';
    const offline = row(h.sim.roomWithOutcome('offline').meeting_room_id);
    expect(stringWidth(offline.slice(0, offline.indexOf('offline')))).toBe(statusColumn);
    expect(row(SIM_EXAMPLE_ROOM_ID)).toMatch(
      /深圳·滨海大厦 18F 1801 会议室\s+深圳-滨海大厦-18\s+idle\s+yes$/,
    );
    expect(lines.some((line) => /not activated\s+no$/.test(line))).toBe(true);
    expect(result.stderr).toBe('');
  });

  it('--search filters on the server', async () => {
    const h = await harness();
    const result = await h.run(['rooms', '--search', '长城', '--json']);
    expect(result.code).toBe(0);
    const rooms = jsonOf<Room[]>(result);
    expect(rooms.length).toBeGreaterThan(0);
    expect(rooms.every((r) => r.meeting_room_name.includes('长城'))).toBe(true);
    expect(h.requestsTo('GET', '/v1/meeting-rooms')[0]?.query['meeting_room_name']).toBe('长城');
  });

  it('refreshes the room cache on a full listing (not on a search)', async () => {
    const h = await harness();
    const cacheFile = path.join(h.dataDir, 'directory-cache.json');
    await h.run(['rooms', '--search', '长城']);
    await expect(readFile(cacheFile, 'utf8')).rejects.toThrow(/ENOENT/);
    await h.run(['rooms']);
    const cache = JSON.parse(await readFile(cacheFile, 'utf8')) as { rooms: Room[]; scope: string };
    expect(cache.rooms).toHaveLength(40);
    expect(cache.scope).toBe(`${h.sim.credentials.appId}@${h.sim.baseUrl}`);
  });

  it('a page failing for good: exit 1 with the code, no cache written', async () => {
    const h = await harness({ rooms: 120 });
    h.sim.faults.inject({ type: 'error', path: '/v1/meeting-rooms', code: 9042, status: 403 });
    const result = await h.run(['rooms']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('error 9042');
    expect(result.stdout).toBe('');
  });
});

describe('roomcall meetings', () => {
  it('--json: the API field names, big IDs as strings, in progress first', async () => {
    const h = await harness();
    const result = await h.run(['meetings', '--json']);
    expect(result.code).toBe(0);
    const meetings = jsonOf<Meeting[]>(result);
    // Every page (pos + cursory), de-duplicated: the current, 20-digit and invitee meetings,
    // the upcoming ones and the 40 that share a start time.
    expect(meetings).toHaveLength(3 + SIM_UPCOMING_MEETINGS + SIM_SAME_START_MEETINGS);
    expect(new Set(meetings.map((m) => m.meeting_id)).size).toBe(meetings.length);
    expect(meetings[0]).toMatchObject({
      meeting_id: SIM_CURRENT_MEETING.meeting_id,
      meeting_code: SIM_CURRENT_MEETING.meeting_code,
      status: 'MEETING_STATE_STARTED',
    });
    expect(result.stdout).toContain(`"meeting_id": "${SIM_TWENTY_DIGIT_MEETING.meeting_id}"`);
  });

  it('--json: start_at and end_at, the same times in ISO 8601 with the local offset', async () => {
    const h = await harness();
    const result = await h.run(['meetings', '--json'], { timeZone: 'America/New_York' });
    const meetings =
      jsonOf<(Meeting & { start_at: string | null; end_at: string | null })[]>(result);
    for (const m of meetings) {
      expect(m.start_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[45]:00$/);
      expect(Date.parse(m.start_at ?? '')).toBe(Number(m.start_time) * 1000);
      expect(Date.parse(m.end_at ?? '')).toBe(Number(m.end_time) * 1000);
    }
  });

  it('a table: * on the one in progress, codes grouped, local times, status words', async () => {
    const h = await harness();
    const result = await h.run(['meetings']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^\s+CODE\s+SUBJECT\s+START\s+END\s+STATUS$/);
    expect(lines[1]).toMatch(
      /^\*\s+806-146-667\s+产品周会 Weekly product sync\s+\d{4}-\d\d-\d\d \d\d:\d\d \+08:00\s+\d{4}-\d\d-\d\d \d\d:\d\d \+08:00\s+in progress$/,
    );
    expect(lines[2]).toMatch(/^\s+513-270-981\s+华南区季度复盘\s+.*scheduled$/);
    expect(lines.filter((line) => line.startsWith('*'))).toHaveLength(1);
  });

  it('times are shown in the local zone, labelled (Asia/Shanghai by default, UTC here)', async () => {
    const h = await harness();
    const current = h.sim.meetings.find((m) => m.meeting_id === SIM_CURRENT_MEETING.meeting_id);
    const start = Number(current?.start_time) * 1000;
    const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
    const china = await h.run(['meetings']);
    expect(china.stdout.split('\n')[1]).toContain(`${minute(start + 8 * 3_600_000)} +08:00`);
    const utc = await h.run(['meetings'], { timeZone: 'UTC' });
    expect(utc.stdout.split('\n')[1]).toContain(`${minute(start)} UTC`);
  });
});
