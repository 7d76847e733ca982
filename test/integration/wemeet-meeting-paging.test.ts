/**
 * The meeting list's paging against servers that break the rules (the simulator follows them):
 * a cursor that never moves, one that cycles, and one that moves for ever. Real HTTP on
 * loopback through the real client; the server here ignores signatures, it only answers pages.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_MEETING_PAGES } from '../../main/core/wemeet/api-impl';
import { createWemeetApi } from '../../main/core/wemeet/api-impl';

interface Asked {
  readonly pos: string | null;
  readonly cursory: string | null;
}

let server: Server | null = null;
afterEach(async () => {
  const running = server;
  server = null;
  if (running !== null) {
    running.closeAllConnections();
    await new Promise((resolve) => running.close(resolve));
  }
});

/** A server whose `answer` makes each page from the query's pos and cursory. */
async function pagingServer(
  answer: (asked: Asked, index: number) => Record<string, unknown>,
): Promise<{ baseUrl: string; asked: Asked[] }> {
  const asked: Asked[] = [];
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = { pos: url.searchParams.get('pos'), cursory: url.searchParams.get('cursory') };
    asked.push(query);
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer(query, asked.length - 1)));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, asked };
}

function meeting(n: number): Record<string, unknown> {
  return {
    subject: `m${n}`,
    meeting_id: String(7_000_000_000_000_000_000n + BigInt(n)),
    meeting_code: String(100_000_000 + n),
    start_time: String(1_900_000_000 + n),
    end_time: String(1_900_003_600 + n),
    status: 'MEETING_STATE_INIT',
    join_url: `https://meeting.tencent.com/dm/t${n}`,
  };
}

function api(baseUrl: string) {
  return createWemeetApi({
    baseUrl,
    credentials: { appId: '1', secretId: 'id', secretKey: 'key' },
    operatorId: 'tester1',
    timeoutMs: 2000,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
  });
}

describe('meeting list paging against a broken server', () => {
  it('stops when the server hands back the position it was just asked for', async () => {
    const { baseUrl, asked } = await pagingServer(() => ({
      meeting_number: 1,
      meeting_info_list: [meeting(1)],
      remaining: 5,
      next_pos: 1_900_000_001,
      next_cursory: 42,
    }));
    const meetings = await api(baseUrl).listOperatorMeetings();
    expect(asked).toEqual([
      { pos: null, cursory: null },
      { pos: '1900000001', cursory: '42' },
    ]);
    expect(meetings.map((m) => m.subject)).toEqual(['m1']);
  });

  it('stops when the cursor comes back to one already asked for', async () => {
    const { baseUrl, asked } = await pagingServer((_asked, index) => ({
      meeting_number: 1,
      meeting_info_list: [meeting(index % 2)],
      remaining: 1,
      next_pos: 1_900_000_000,
      next_cursory: index % 2 === 0 ? 10 : 20,
    }));
    const meetings = await api(baseUrl).listOperatorMeetings();
    expect(asked.map((a) => a.cursory)).toEqual([null, '10', '20']);
    expect(meetings.map((m) => m.subject)).toEqual(['m0', 'm1']);
  });

  it('gives up after a bounded number of pages when remaining never reaches 0', async () => {
    const { baseUrl, asked } = await pagingServer((_asked, index) => ({
      meeting_number: 1,
      meeting_info_list: [meeting(index)],
      remaining: 1,
      next_pos: 1_900_000_000 + index,
      next_cursory: 1_000 + index,
    }));
    const meetings = await api(baseUrl).listOperatorMeetings();
    expect(asked).toHaveLength(MAX_MEETING_PAGES);
    expect(meetings).toHaveLength(MAX_MEETING_PAGES);
  });

  it('reads absent remaining, next_pos and next_cursory as 0 (omitempty): one page', async () => {
    const { baseUrl, asked } = await pagingServer(() => ({
      meeting_number: 1,
      meeting_info_list: [meeting(3)],
    }));
    expect((await api(baseUrl).listOperatorMeetings()).map((m) => m.subject)).toEqual(['m3']);
    expect(asked).toHaveLength(1);
  });

  it('keeps paging on the same pos while the cursor advances', async () => {
    // Three pages inside one start time: pos stays, cursory moves, remaining ends at 0.
    const { baseUrl, asked } = await pagingServer((_asked, index) => ({
      meeting_number: 2,
      meeting_info_list: [meeting(index * 2), meeting(index * 2 + 1)],
      remaining: 2 - index,
      next_pos: 1_900_000_000,
      next_cursory: 500 + index,
    }));
    const meetings = await api(baseUrl).listOperatorMeetings();
    expect(asked).toEqual([
      { pos: null, cursory: null },
      { pos: '1900000000', cursory: '500' },
      { pos: '1900000000', cursory: '501' },
    ]);
    expect(meetings).toHaveLength(6);
  });
});
