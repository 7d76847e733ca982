/**
 * The relay's two rate budgets against the simulator: each person's (every relay request) and
 * the company's (every request to Tencent, each directory page included), over real SQLite.
 */
import { describe, expect, it } from 'vitest';
import { SIM_COLLEAGUE_ID, SIM_CURRENT_MEETING, SIM_EXAMPLE_ROOM_ID } from '../sim/data';
import { closeAfterEach } from '../helpers/close-after-each';
import { startRelayHarness } from './support/relay-harness';

const start = closeAfterEach(startRelayHarness);

interface ErrorAnswer {
  error: { reason: string; category: string; message: string };
}

describe('rate budgets', () => {
  it("refuses a person's request over their budget with 429 and Retry-After; others go on", async () => {
    const h = await start({ settings: { personPerMinute: 2 } });
    const token = await h.token();
    const other = await h.token(SIM_COLLEAGUE_ID);
    expect((await h.call('/v1/me', { token })).status).toBe(200);
    expect((await h.call('/v1/meetings', { token })).status).toBe(200);
    const sentBefore = h.sim.requests.length;
    const refused = await h.call('/v1/meetings', { token });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await refused.json()) as ErrorAnswer;
    expect(body.error).toMatchObject({ reason: 'rate-limited', category: 'rate-limit' });
    expect(h.sim.requests.length).toBe(sentBefore);
    expect((await h.call('/v1/me', { token: other })).status).toBe(200);
    const [, entry] = await h.storage.audit.query({});
    expect(entry).toMatchObject({
      outcome: 'rate-limited',
      code: 'rate-limited',
      action: 'list-meetings',
    });
  });

  it("counts every page of a directory sync against the company's budget, and answers 429 when it would wait too long", async () => {
    // 200 rooms are 4 pages of 50; the budget holds 3 and refills one every 20 s (> 5 s).
    const h = await start({ sim: { rooms: 200 }, settings: { companyPerMinute: 3 } });
    const token = await h.token();
    const response = await h.call('/v1/rooms', { token });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(5);
    const body = (await response.json()) as ErrorAnswer;
    expect(body.error.reason).toBe('rate-limited');
    expect(body.error.message).toContain("company's");
    // At most the three the budget allowed went out (a page already granted may still be
    // cancelled on its way when the sync stops), never a fourth.
    const pages = h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms');
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(3);
    const [entry] = await h.storage.audit.query({});
    expect(entry).toMatchObject({ action: 'list-rooms', outcome: 'rate-limited' });
    // Nothing more reaches Tencent while the budget is empty, whoever asks.
    const other = await h.token(SIM_COLLEAGUE_ID);
    expect((await h.call('/v1/meetings', { token: other })).status).toBe(429);
    expect(h.sim.requests.filter((r) => r.path === '/v1/meetings').length).toBe(0);
  });

  it('a room-call the company budget holds back is rate-limited, never unconfirmed: it was not sent', async () => {
    const h = await start({ settings: { companyPerMinute: 1 } });
    const token = await h.token();
    const code = SIM_CURRENT_MEETING.meeting_code;
    expect((await h.call(`/v1/meetings/by-code?meeting_code=${code}`, { token })).status).toBe(200);
    const response = await h.call('/v1/room-calls', {
      token,
      body: {
        meeting_id: SIM_CURRENT_MEETING.meeting_id,
        target: { kind: 'room', meetingRoomId: SIM_EXAMPLE_ROOM_ID },
      },
    });
    expect(response.status).toBe(429);
    expect(((await response.json()) as ErrorAnswer).error.reason).toBe('rate-limited');
    expect(h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms/room-call')).toEqual([]);
    const [entry] = await h.storage.audit.query({});
    expect(entry).toMatchObject({ action: 'room-call', outcome: 'rate-limited' });
  });

  it('waits for the company budget when it refills soon, then answers', async () => {
    // 3 pages, a budget of 2 refilled once a second: the third page waits, then goes.
    const h = await start({ sim: { rooms: 120 }, settings: { companyPerMinute: 60 } });
    const token = await h.token();
    // Use up all but two of the budget's 60 with cheap requests first.
    for (let i = 0; i < 58; i++)
      await h.storage.budget.take('company', { capacity: 60, refillPerSecond: 1 });
    const response = await h.call('/v1/rooms', { token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rooms: unknown[] };
    expect(body.rooms.length).toBe(120);
    expect(h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms').length).toBe(3);
  });

  it('reads the directory from Tencent once for many people, within the TTL', async () => {
    const h = await start({ sim: { rooms: 120 } });
    const tokens = await Promise.all([h.token(), h.token(SIM_COLLEAGUE_ID), h.token('lina')]);
    const answers = await Promise.all(tokens.map((token) => h.call('/v1/rooms', { token })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(h.sim.requests.filter((r) => r.path === '/v1/meeting-rooms').length).toBe(3);
  });
});
