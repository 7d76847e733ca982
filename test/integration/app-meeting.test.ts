import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SIM_CURRENT_MEETING,
  SIM_TWENTY_DIGIT_MEETING,
  SIM_UNKNOWN_MEETING_CODE,
} from '../sim/index';
import type { SimMeeting } from '../sim/index';
import { startAppHarness, type AppHarness } from './app-harness';

const MEETINGS = '/v1/meetings';

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

function current(): SimMeeting {
  const meeting = h.sim.meetings.find((m) => m.meeting_id === SIM_CURRENT_MEETING.meeting_id);
  if (meeting === undefined) throw new Error('the simulator lost its current meeting');
  return meeting;
}

/** Lookups of the operator's meetings: first pages of GET /v1/meetings (no code, no pos). */
function listings(): number {
  return h
    .requestsTo('GET', MEETINGS)
    .filter((r) => r.query['meeting_code'] === undefined && r.query['pos'] === undefined).length;
}

describe('current meeting (against the simulator)', () => {
  beforeEach(async () => {
    h = await startAppHarness();
  });

  it("finds the operator's one in-progress meeting and pushes it", async () => {
    const view = await h.ok('refreshCurrentMeeting');
    expect(view.state).toBe('one');
    expect(view.selected?.meetingId).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(view.selected?.meetingCode).toBe(SIM_CURRENT_MEETING.meeting_code);
    expect(view.selected?.inProgress).toBe(true);
    expect(view.checkedAt).toBe(new Date(h.time.now).toISOString());
    expect(h.eventsNamed('meetingChanged').at(-1)?.state).toBe('one');
  });

  it('asks the person to choose when several are in progress, then sticks to the choice', async () => {
    h.sim.meetings.push({
      ...current(),
      meeting_id: '5550000000000000001',
      meeting_code: '555000001',
      subject: 'Second stand-up',
    });
    const view = await h.ok('refreshCurrentMeeting');
    expect(view.state).toBe('several');
    expect(view.selected).toBeNull();
    expect(view.candidates.map((m) => m.meetingId).sort()).toEqual(
      ['5550000000000000001', SIM_CURRENT_MEETING.meeting_id].sort(),
    );
    // No meeting is chosen yet: an invite says so instead of guessing.
    const refused = await h.call('startCall', {
      room: {
        meetingRoomId: h.sim.roomWithOutcome('accepted').meeting_room_id,
        name: '',
        location: '',
      },
    });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'no-meeting' } });

    const requestsBefore = h.sim.requests.length;
    const chosen = await h.ok('chooseMeeting', {
      meetingId: '5550000000000000001',
    });
    expect(chosen.state).toBe('manual');
    expect(chosen.selected?.subject).toBe('Second stand-up');
    // A candidate is chosen from what was found: no lookup needed.
    expect(h.sim.requests.length).toBe(requestsBefore);
  });

  it('reports none when no meeting is in progress', async () => {
    current().status = 'MEETING_STATE_ENDED';
    const view = await h.ok('refreshCurrentMeeting');
    expect(view).toMatchObject({ state: 'none', selected: null, candidates: [], error: null });
  });

  it('takes a typed code, a join link or an ID, and clearing goes back to following', async () => {
    const byCode = await h.ok('setMeeting', { text: '513 270 981' });
    expect(byCode.state).toBe('manual');
    expect(byCode.selected?.meetingId).toBe(SIM_TWENTY_DIGIT_MEETING.meeting_id);

    const byLink = await h.ok('setMeeting', {
      text: `https://meeting.tencent.com/s/${SIM_CURRENT_MEETING.meeting_code}`,
    });
    expect(byLink.selected?.meetingId).toBe(SIM_CURRENT_MEETING.meeting_id);

    const byId = await h.ok('setMeeting', {
      text: SIM_TWENTY_DIGIT_MEETING.meeting_id,
    });
    expect(byId.selected?.meetingId).toBe(SIM_TWENTY_DIGIT_MEETING.meeting_id);
    expect(byId.selected?.inProgress).toBe(false);

    const cleared = await h.ok('clearMeeting');
    expect(cleared.state).toBe('one');
    expect(cleared.selected?.meetingId).toBe(SIM_CURRENT_MEETING.meeting_id);
  });

  it('a chosen meeting that had not started says in progress once it starts (read again on refresh)', async () => {
    const chosen = await h.ok('setMeeting', { text: SIM_TWENTY_DIGIT_MEETING.meeting_id });
    expect(chosen.selected).toMatchObject({ inProgress: false, status: 'MEETING_STATE_INIT' });

    const upcoming = h.sim.meetings.find(
      (m) => m.meeting_id === SIM_TWENTY_DIGIT_MEETING.meeting_id,
    );
    if (upcoming === undefined) throw new Error('the simulator lost its upcoming meeting');
    upcoming.status = 'MEETING_STATE_STARTED';
    const refreshed = await h.ok('refreshCurrentMeeting');
    expect(refreshed.state).toBe('manual');
    expect(refreshed.selected).toMatchObject({
      meetingId: SIM_TWENTY_DIGIT_MEETING.meeting_id,
      inProgress: true,
    });
    expect(h.eventsNamed('meetingChanged').at(-1)?.selected?.inProgress).toBe(true);

    // In progress now: further refreshes need no read of it by ID.
    const byIdBefore = h.requestsTo('GET', `${MEETINGS}/${SIM_TWENTY_DIGIT_MEETING.meeting_id}`);
    await h.ok('refreshCurrentMeeting');
    expect(h.requestsTo('GET', `${MEETINGS}/${SIM_TWENTY_DIGIT_MEETING.meeting_id}`).length).toBe(
      byIdBefore.length,
    );
  });

  it('says why typed text is refused, without asking the server for unusable input', async () => {
    const before = h.sim.requests.length;
    const typo = await h.call('setMeeting', { text: '806-146-66' });
    expect(typo).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(!typo.ok && typo.error.message).toContain('9 digits');
    expect(h.sim.requests.length).toBe(before);

    const unknown = await h.call('setMeeting', { text: SIM_UNKNOWN_MEETING_CODE });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'meeting' } });
  });

  it("takes a join link (/dm/…), found by join_url among all pages of the operator's meetings", async () => {
    // The operator's last upcoming meeting: only on the list's last page.
    const own = h.sim.meetings
      .filter((m) => m.creator === h.sim.operatorId && m.status === 'MEETING_STATE_INIT')
      .sort((a, b) => Number(a.start_time) - Number(b.start_time));
    const target = own.at(-1);
    if (target === undefined) throw new Error('no upcoming meeting of the operator');
    const before = h.requestsTo('GET', MEETINGS).length;
    const byLink = await h.ok('setMeeting', {
      text: `${target.join_url}/?from=wechat`,
    });
    expect(byLink.state).toBe('manual');
    expect(byLink.selected?.meetingId).toBe(target.meeting_id);
    const pages = h.requestsTo('GET', MEETINGS).slice(before);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages.slice(1).every((r) => r.query['cursory'] !== undefined)).toBe(true);
  });

  it("a join link of none of the operator's meetings says what to paste instead, in the UI's language", async () => {
    const link = 'https://meeting.tencent.com/dm/NoSuchMeeting9';
    const refused = await h.call('setMeeting', { text: link });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(!refused.ok && refused.error.message).toContain(
      `The join link '${link}' is not the link of any in-progress or upcoming meeting`,
    );
    expect(!refused.ok && refused.error.message).toContain('paste the 9-digit meeting code');

    await h.ok('updateSettings', { language: 'zh-CN' });
    const chinese = await h.call('setMeeting', { text: link });
    expect(chinese).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(!chinese.ok && chinese.error.message).toBe(
      `入会链接“${link}”不属于当前账号用户任何进行中或即将开始的会议（只能查询这些会议）；请改为粘贴 9 位会议号（例如 806-146-667），可在会议邀请或会议详情中找到，或粘贴邀请中带有会议号（meeting_code=）的链接。`,
    );
    // Nothing was chosen: the tracker still follows the meeting in progress.
    expect((await h.ok('getCurrentMeeting')).state).not.toBe('manual');
  });

  it('refuses 10- and 18-digit numbers before any request, in both languages', async () => {
    const before = h.sim.requests.length;
    const ten = await h.call('setMeeting', { text: '8061466670' });
    expect(!ten.ok && ten.error.message).toBe(
      "'8061466670' has 10 digits: a meeting code has 9 (e.g. 806-146-667) and a meeting ID 19 or 20 (e.g. 7567173273889276131).",
    );
    await h.ok('updateSettings', { language: 'zh-CN' });
    const eighteen = await h.call('setMeeting', { text: '756717327388927613' });
    expect(eighteen).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(!eighteen.ok && eighteen.error.message).toBe(
      '“756717327388927613”有 18 位数字：会议号为 9 位（例如 806-146-667），会议 ID 为 19 或 20 位（例如 7567173273889276131）。',
    );
    // No look-up by code or ID (a background refresh of the list would not be one).
    const lookups = h.sim.requests
      .slice(before)
      .filter(
        (r) =>
          r.path.startsWith(`${MEETINGS}/`) ||
          (r.path === MEETINGS && r.query['meeting_code'] !== undefined),
      );
    expect(lookups).toEqual([]);
  });

  it('looks up when a window opens, refreshes only while one is visible', async () => {
    const refreshMs = 60_000;
    h.app.meeting.setVisible(true);
    await h.waitForEvent('meetingChanged', (view) => view.state === 'one');
    expect(listings()).toBe(1);

    // Each interval while visible: one more lookup (the next is scheduled after it returns).
    for (let round = 2; round <= 3; round += 1) {
      await waitFor(() => h.time.pendingTimers === 1);
      h.time.advance(refreshMs);
      await waitFor(() => listings() === round);
    }

    h.app.meeting.setVisible(false);
    await waitFor(() => h.time.pendingTimers === 0);
    h.time.advance(refreshMs * 10);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listings()).toBe(3);

    // The popover opening again refreshes at once.
    h.app.meeting.windowOpened();
    await waitFor(() => listings() === 4);
  });

  it('follows settings.meetingRefreshMs', async () => {
    await h.ok('updateSettings', { meetingRefreshMs: 5_000 });
    h.app.meeting.setVisible(true);
    await waitFor(() => listings() === 1 && h.time.pendingTimers === 1);
    h.time.advance(5_000);
    await waitFor(() => listings() === 2);
  });

  it('keeps the last meeting when a refresh fails, and shows the error', async () => {
    await h.ok('refreshCurrentMeeting');
    h.sim.faults.inject({ type: 'http-500', path: MEETINGS, times: 5 });
    const view = await h.ok('refreshCurrentMeeting');
    expect(view.state).toBe('error');
    expect(view.error?.kind).toBe('api');
    expect(view.selected?.meetingId).toBe(SIM_CURRENT_MEETING.meeting_id);
  });
});

describe('current meeting before set-up', () => {
  beforeEach(async () => {
    h = await startAppHarness({ configured: false });
  });

  it('is unconfigured and makes no request', async () => {
    const view = await h.ok('refreshCurrentMeeting');
    expect(view.state).toBe('unconfigured');
    expect(h.sim.requests).toEqual([]);
    const refused = await h.call('setMeeting', { text: SIM_CURRENT_MEETING.meeting_code });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'not-configured' } });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
