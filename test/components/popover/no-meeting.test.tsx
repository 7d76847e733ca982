/**
 * Issue 14, "no meeting": with no meeting to invite into, the rows are disabled and say why,
 * and the one action (the meeting's code / link field) is what a row's click opens; a row's
 * failure goes when the meeting changes.
 */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { ipcError, MEETING, OTHER_MEETING, type FakeBridge } from '../fake-bridge';
import { push, settle, waitFor, withBridge } from '../setup';
import type { CallView, CurrentMeeting } from '../../../main/shared/ipc/contract';

const NO_MEETING: CurrentMeeting = {
  state: 'none',
  selected: null,
  candidates: [],
  error: null,
  checkedAt: new Date().toISOString(),
};

async function renderPopover(fake: FakeBridge) {
  render(<PopoverApp />);
  await settle();
  await settle();
  return fake;
}

function favouriteList() {
  return screen.getByRole('list', { name: /^(Favourites|常用)$/ });
}

/** The sentence a disabled row's description points to. */
function reasonOf(button: HTMLElement): string {
  const ids = (button.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

describe('popover without a meeting', () => {
  it('disables every invite, says why, and offers one action that a row opens too', async () => {
    const fake = await renderPopover(
      withBridge((world) => {
        world.meeting = NO_MEETING;
      }),
    );
    // The double keeps no meeting rules: the typed code is main's to check, so say what main
    // answers for a good one (the meeting chosen, pushed to every window).
    fake.respond('setMeeting', () => {
      fake.world.meeting = { ...NO_MEETING, state: 'manual', selected: MEETING };
      fake.emit('meetingChanged', fake.world.meeting);
      return { ok: true, data: fake.world.meeting };
    });
    const invites = within(favouriteList()).getAllByRole('button', { name: /^Invite / });
    expect(invites).toHaveLength(4);
    for (const invite of invites) {
      expect(invite.getAttribute('aria-disabled')).toBe('true');
      expect(reasonOf(invite)).toContain(
        'Invites need a meeting first: enter or choose one above.',
      );
    }
    // One action, in the meeting's header.
    const meeting = screen.getByRole('region', { name: 'Current meeting' });
    expect(within(meeting).getAllByRole('button')).toHaveLength(1);
    const action = within(meeting).getByRole('button', { name: 'Enter a code or paste a link' });
    expect(action.getAttribute('aria-expanded')).toBe('false');

    // A click on a row sends nothing and opens the field, ready to type or paste into.
    fireEvent.click(invites[0] ?? document.body);
    await settle();
    expect(fake.requestsTo('startCall')).toHaveLength(0);
    const field = screen.getByRole('textbox', { name: 'Meeting code or link' });
    expect(document.activeElement).toBe(field);

    // Enter in the filter does not invite either.
    const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
    fireEvent.input(filter, { target: { value: '长城' } });
    fireEvent.keyDown(filter, { key: 'Enter' });
    await settle();
    expect(fake.requestsTo('startCall')).toHaveLength(0);
    expect(screen.queryByText('Enter to invite')).toBeNull();

    // Once a meeting is chosen, the rows invite again.
    fireEvent.input(field, { target: { value: '302 415 689' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use' }));
    await settle();
    const greatWall = screen.getByRole('button', { name: 'Invite 北京·银科大厦 5F 长城厅' });
    expect(greatWall.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(greatWall);
    await settle();
    expect(fake.requestsTo('startCall')).toEqual([{ favoriteId: 'fav-great-wall' }]);
  });

  it('says it in Chinese', async () => {
    await renderPopover(
      withBridge((world) => {
        world.meeting = NO_MEETING;
        world.settings.settings.language = 'zh-CN';
      }),
    );
    const invite = screen.getByRole('button', { name: '邀请 北京·银科大厦 5F 长城厅' });
    expect(invite.getAttribute('aria-disabled')).toBe('true');
    expect(reasonOf(invite)).toContain('需先选择会议才能邀请：请在上方输入或选择。');
    expect(screen.getByRole('button', { name: '输入会议号或粘贴链接' })).toBeTruthy();
  });

  it('asks to choose among several meetings, and a row moves focus to the first choice', async () => {
    const fake = await renderPopover(
      withBridge((world) => {
        world.meeting = { ...NO_MEETING, state: 'several', candidates: [MEETING, OTHER_MEETING] };
      }),
    );
    const invite = screen.getByRole('button', { name: 'Invite Boardroom codec' });
    expect(reasonOf(invite)).toContain('Invites need a meeting first: choose one above.');
    fireEvent.click(invite);
    await settle();
    expect(fake.requestsTo('startCall')).toHaveLength(0);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Invite into Weekly product sync' }),
    );
  });

  it('keeps the rows enabled while a meeting is selected', async () => {
    await renderPopover(withBridge());
    const invite = screen.getByRole('button', { name: 'Invite Boardroom codec' });
    expect(invite.getAttribute('aria-disabled')).toBeNull();
    expect(reasonOf(invite)).not.toContain('Invites need a meeting');
  });
});

describe('a row’s failure and the meeting', () => {
  function lastCall(fake: FakeBridge, patch: Partial<CallView>): CallView {
    const call = fake.world.calls.at(-1);
    if (call === undefined) throw new Error('no call was started');
    return { ...call, ...patch, updatedAt: new Date(Date.now() + 1000).toISOString() };
  }

  it('forgets a refusal once another meeting is chosen', async () => {
    const fake = withBridge();
    fake.respond('startCall', () => ({ ok: false, error: ipcError('no-meeting') }));
    await renderPopover(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Invite Boardroom codec' }));
    await settle();
    expect(screen.getByText('There is no current meeting')).toBeTruthy();

    await push(fake, 'meetingChanged', {
      ...fake.world.meeting,
      state: 'manual',
      selected: OTHER_MEETING,
    });
    expect(screen.queryByText('There is no current meeting')).toBeNull();
    expect(screen.queryByText('Failed')).toBeNull();
  });

  it('forgets a failed call when its meeting is gone, and shows the room’s status again', async () => {
    const fake = await renderPopover(withBridge());
    // The rooms' statuses arrive just after the first paint.
    await waitFor(() => {
      expect(screen.getByText('In use')).toBeTruthy();
    });
    fireEvent.click(screen.getByRole('button', { name: 'Invite 北京·银科大厦 5F 长城厅' }));
    await settle();
    await push(
      fake,
      'callProgress',
      lastCall(fake, { phase: 'failed', settled: true, error: ipcError('api', 10004) }),
    );
    const row = () =>
      screen.getByRole('button', { name: 'Invite 北京·银科大厦 5F 长城厅' }).closest('li') ??
      document.body;
    expect(within(row()).getByText('The room could not be called (10004)')).toBeTruthy();

    await push(fake, 'meetingChanged', NO_MEETING);
    expect(within(row()).queryByText('The room could not be called (10004)')).toBeNull();
    expect(within(row()).getByText('In use')).toBeTruthy();
  });
});
