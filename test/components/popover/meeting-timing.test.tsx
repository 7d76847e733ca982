/**
 * Issue 14: a meeting that has not started says so ("Starts in 10 min" / "10 分钟后开始"),
 * one in progress says "In progress", and the header stays compact (one line of subject).
 */
import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { meetingTiming } from '../../../renderer/src/popover/meeting-timing';
import { popoverMessages } from '../../../renderer/src/popover/messages';
import { MEETING, OTHER_MEETING } from '../fake-bridge';
import { settle, withBridge } from '../setup';
import type { MeetingSummary } from '../../../main/shared/ipc/contract';

const seconds = (ms: number) => String(Math.floor(ms / 1000));

function scheduled(startInMs: number): MeetingSummary {
  const start = Date.now() + startInMs;
  return {
    ...OTHER_MEETING,
    status: 'MEETING_STATE_INIT',
    inProgress: false,
    startTime: seconds(start),
    endTime: seconds(start + 60 * 60_000),
  };
}

async function headerFor(meeting: MeetingSummary, language: 'en' | 'zh-CN' = 'en') {
  withBridge((world) => {
    world.meeting = { ...world.meeting, state: 'manual', selected: meeting };
    world.settings.settings.language = language;
  });
  render(<PopoverApp />);
  await settle();
  await settle();
  return screen.getByRole('region', { name: language === 'en' ? 'Current meeting' : '当前会议' });
}

describe('the meeting’s timing', () => {
  it('counts down to a meeting that has not started', async () => {
    const header = await headerFor(scheduled(10 * 60_000));
    expect(within(header).getByText('Starts in 10 min')).toBeTruthy();
    expect(within(header).queryByText('In progress')).toBeNull();
  });

  it('says it in Chinese', async () => {
    const header = await headerFor(scheduled(10 * 60_000), 'zh-CN');
    expect(within(header).getByText('10 分钟后开始')).toBeTruthy();
  });

  it('says a meeting in progress is in progress', async () => {
    const header = await headerFor(MEETING);
    expect(within(header).getByText('In progress')).toBeTruthy();
    expect(within(header).queryByText(/^Starts in/)).toBeNull();
  });

  it('says a scheduled meeting whose start has passed has not started', async () => {
    const header = await headerFor(scheduled(-5 * 60_000));
    expect(within(header).getByText('Not started')).toBeTruthy();
  });

  it('keeps the whole subject and how the meeting was chosen in the tooltip', async () => {
    const header = await headerFor(MEETING);
    expect(within(header).getByText('Weekly product sync').getAttribute('title')).toBe(
      'Chosen meeting: Weekly product sync',
    );
    // For screen readers, said before the subject.
    expect(within(header).getByText('Chosen meeting').className).toBe('visually-hidden');
    expect(screen.getByRole('button', { name: 'Change the meeting' })).toBeTruthy();
  });

  it('rounds up to the minute and speaks hours and days', () => {
    // On a whole second, as the API's start times are.
    const now = Math.floor(Date.now() / 1000) * 1000;
    const at = (ms: number) => meetingTiming(scheduledAt(now + ms), now);
    expect(at(9 * 60_000 + 1000)).toEqual({ kind: 'starts-in', minutes: 10 });
    expect(at(10 * 60_000)).toEqual({ kind: 'starts-in', minutes: 10 });
    expect(at(30_000)).toEqual({ kind: 'starts-in', minutes: 1 });
    expect(meetingTiming({ ...MEETING }, now)).toEqual({ kind: 'live' });
    expect(
      meetingTiming({ ...MEETING, inProgress: false, status: 'MEETING_STATE_ENDED' }, now),
    ).toBeNull();

    const en = popoverMessages.en.invites;
    const zh = popoverMessages['zh-CN'].invites;
    expect(en.startsIn(90)).toBe('Starts in 1 h 30 min');
    expect(en.startsIn(120)).toBe('Starts in 2 h');
    expect(en.startsIn(24 * 60)).toBe('Starts in 1 day');
    expect(en.startsIn(3 * 24 * 60)).toBe('Starts in 3 days');
    expect(zh.startsIn(90)).toBe('1 小时 30 分钟后开始');
    expect(zh.startsIn(120)).toBe('2 小时后开始');
    expect(zh.startsIn(2 * 24 * 60 + 5)).toBe('2 天后开始');
  });
});

function scheduledAt(startMs: number): MeetingSummary {
  return {
    ...OTHER_MEETING,
    status: 'MEETING_STATE_INIT',
    inProgress: false,
    startTime: seconds(startMs),
    endTime: null,
  };
}
