import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_ROWS } from '../../../renderer/src/popover/favorite-list';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { ipcError, MEETING, OTHER_MEETING, type FakeBridge } from '../fake-bridge';
import { push, settle, waitFor, withBridge } from '../setup';
import type { CallView } from '../../../main/shared/ipc/contract';

async function renderPopover(fake: FakeBridge) {
  render(<PopoverApp />);
  await settle();
  await settle();
  return fake;
}

function callFor(fake: FakeBridge, patch: Partial<CallView>): CallView {
  const call = fake.world.calls.at(-1);
  if (call === undefined) throw new Error('no call was started');
  return { ...call, ...patch, updatedAt: new Date(Date.now() + 1000).toISOString() };
}

describe('popover', () => {
  it('shows the current meeting and the favourites in the user’s order, with live status', async () => {
    const fake = await renderPopover(withBridge());
    const meeting = screen.getByRole('region', { name: 'Current meeting' });
    expect(within(meeting).getByText('Weekly product sync')).toBeTruthy();
    expect(within(meeting).getByText('806-146-667')).toBeTruthy();

    const list = screen.getByRole('list', { name: 'Favourites' });
    const names = within(list)
      .getAllByRole('button', { name: /^Invite / })
      .map((button) => button.textContent);
    expect(names).toEqual([
      'Invite 深圳·滨海大厦 18F 1801 会议室',
      'Invite 北京·银科大厦 5F 长城厅',
      'Invite 成都·天府软件园 8F 泰山厅',
      'Invite Boardroom codec',
    ]);
    await waitFor(() => {
      expect(within(list).getByText('Available')).toBeTruthy();
    });
    expect(within(list).getByText('In use')).toBeTruthy();
    expect(within(list).getByText('Cannot be called')).toBeTruthy();
    expect(within(list).getByText('SIP · boardroom@vc.example.com')).toBeTruthy();
    expect(fake.requestsTo('getDirectory')).toHaveLength(1);
  });

  it('invites with one click, shows progress, offers cancel while ringing, and never rings twice', async () => {
    const fake = await renderPopover(withBridge());
    const invite = screen.getByRole('button', { name: 'Invite 深圳·滨海大厦 18F 1801 会议室' });
    fireEvent.click(invite);
    fireEvent.click(invite);
    await settle();
    expect(fake.requestsTo('startCall')).toEqual([{ favoriteId: 'fav-1801' }]);
    expect(screen.getByText('Calling…')).toBeTruthy();

    await push(fake, 'callProgress', callFor(fake, { phase: 'ringing' }));
    expect(screen.getByText('Ringing…')).toBeTruthy();
    fireEvent.click(invite);
    await settle();
    expect(fake.requestsTo('startCall')).toHaveLength(1);

    fireEvent.click(
      screen.getByRole('button', { name: 'Cancel the call to 深圳·滨海大厦 18F 1801 会议室' }),
    );
    await settle();
    expect(fake.requestsTo('cancelCall')).toHaveLength(1);
    expect(screen.getByText('Cancelled')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /^Cancel the call/ })).toBeNull();
  });

  it('says why a call failed, with the server’s code', async () => {
    const fake = await renderPopover(withBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Invite 北京·银科大厦 5F 长城厅' }));
    await settle();
    await push(
      fake,
      'callProgress',
      callFor(fake, { phase: 'failed', settled: true, error: ipcError('api', 10004) }),
    );
    // The phase in the status column, the reason (with the code) on the row's second line.
    const row = screen
      .getByRole('button', { name: 'Invite 北京·银科大厦 5F 长城厅' })
      .closest('li');
    expect(within(row ?? document.body).getByText('Failed')).toBeTruthy();
    expect(
      within(row ?? document.body).getByText('The room could not be called (10004)'),
    ).toBeTruthy();
  });

  it('shows accepted, declined and no answer in words', async () => {
    const fake = await renderPopover(withBridge());
    fireEvent.click(screen.getByRole('button', { name: 'Invite Boardroom codec' }));
    await settle();
    for (const [phase, words] of [
      ['accepted', 'In the meeting'],
      ['rejected', 'Declined'],
      ['no-answer', 'No answer'],
    ] as const) {
      await push(fake, 'callProgress', callFor(fake, { phase, settled: true }));
      expect(screen.getByText(words)).toBeTruthy();
    }
  });

  it('does not invite a room the directory says cannot be called', async () => {
    const fake = await renderPopover(withBridge());
    const blocked = screen.getByRole('button', { name: 'Invite 成都·天府软件园 8F 泰山厅' });
    await waitFor(() => {
      expect(blocked.getAttribute('aria-disabled')).toBe('true');
    });
    fireEvent.click(blocked);
    await settle();
    expect(fake.requestsTo('startCall')).toHaveLength(0);
  });

  it('shows the refusal when there is no meeting to invite into', async () => {
    const fake = withBridge();
    fake.respond('startCall', () => ({ ok: false, error: ipcError('no-meeting') }));
    await renderPopover(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Invite Boardroom codec' }));
    await settle();
    expect(screen.getByText('There is no current meeting')).toBeTruthy();
    expect(screen.getByText('Failed')).toBeTruthy();
  });

  it('lists every favourite of a long list, the first screen first', async () => {
    const many = Array.from({ length: FIRST_SCREEN_ROWS * 3 }, (_, index) => ({
      id: `fav-${String(index)}`,
      kind: 'room' as const,
      meetingRoomId: `90000000000000${String(index).padStart(5, '0')}`,
      name: `Room ${String(index + 1)}`,
      location: 'HQ',
      label: null,
      managed: false,
    }));
    await renderPopover(
      withBridge((world) => {
        world.favorites = many;
      }),
    );
    const list = screen.getByRole('list', { name: 'Favourites' });
    const invites = within(list).getAllByRole('button', { name: /^Invite / });
    expect(invites.map((button) => button.textContent)).toEqual(
      many.map((favorite) => `Invite ${favorite.name}`),
    );
    // The last row is reachable from the keyboard like any other.
    const first = invites[0] ?? list;
    first.focus();
    fireEvent.keyDown(first, { key: 'End' });
    expect(document.activeElement).toBe(invites.at(-1));
  });

  describe('keyboard', () => {
    it('filters as you type and invites the top match with Enter', async () => {
      const fake = await renderPopover(withBridge());
      const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
      fireEvent.input(filter, { target: { value: '长城' } });
      const list = screen.getByRole('list', { name: 'Favourites' });
      expect(within(list).getAllByRole('button', { name: /^Invite / })).toHaveLength(1);
      fireEvent.keyDown(filter, { key: 'Enter' });
      await settle();
      expect(fake.requestsTo('startCall')).toEqual([{ favoriteId: 'fav-great-wall' }]);
    });

    it('filters addresses by their dial string and says when nothing matches', async () => {
      await renderPopover(withBridge());
      const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
      fireEvent.input(filter, { target: { value: 'vc.example' } });
      expect(screen.getByRole('button', { name: 'Invite Boardroom codec' })).toBeTruthy();
      fireEvent.input(filter, { target: { value: 'nowhere' } });
      expect(screen.getByText('No favourite matches “nowhere”.')).toBeTruthy();
    });

    it('moves between rows with the arrow keys and back to the filter', async () => {
      await renderPopover(withBridge());
      const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
      filter.focus();
      fireEvent.keyDown(filter, { key: 'ArrowDown' });
      const first = screen.getByRole('button', { name: 'Invite 深圳·滨海大厦 18F 1801 会议室' });
      expect(document.activeElement).toBe(first);
      fireEvent.keyDown(first, { key: 'ArrowDown' });
      expect(document.activeElement).toBe(
        screen.getByRole('button', { name: 'Invite 北京·银科大厦 5F 长城厅' }),
      );
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' });
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' });
      expect(document.activeElement).toBe(filter);
    });

    it('Escape clears the filter first, then hides the popover', async () => {
      const fake = await renderPopover(withBridge());
      const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
      fireEvent.input(filter, { target: { value: 'marina' } });
      fireEvent.keyDown(filter, { key: 'Escape' });
      expect((filter as HTMLInputElement).value).toBe('');
      expect(fake.requestsTo('hidePopover')).toHaveLength(0);
      fireEvent.keyDown(filter, { key: 'Escape' });
      await settle();
      expect(fake.requestsTo('hidePopover')).toHaveLength(1);
    });
  });

  describe('meeting', () => {
    it('takes a typed code and shows what was wrong with a bad one', async () => {
      const fake = await renderPopover(withBridge());
      fireEvent.click(screen.getByRole('button', { name: 'Change the meeting' }));
      const input = screen.getByRole('textbox', { name: 'Meeting code or link' });
      fireEvent.input(input, { target: { value: '806-146' } });
      fireEvent.click(screen.getByRole('button', { name: 'Use' }));
      await settle();
      // The core's own sentence leads (issue 14: the specific sentence first).
      expect(screen.getByRole('alert').querySelector('.notice-title')?.textContent).toMatch(
        /^A meeting code has 9 digits/,
      );

      fireEvent.input(input, { target: { value: '302 415 689' } });
      fireEvent.click(screen.getByRole('button', { name: 'Use' }));
      await settle();
      expect(fake.requestsTo('setMeeting').at(-1)).toEqual({ text: '302 415 689' });
      expect(screen.getByText('Design review')).toBeTruthy();
      expect(screen.getByText('Chosen meeting')).toBeTruthy();
    });

    it('goes back to following the operator’s meeting', async () => {
      const fake = withBridge((world) => {
        world.meeting = { ...world.meeting, state: 'manual', selected: OTHER_MEETING };
      });
      await renderPopover(fake);
      fireEvent.click(screen.getByRole('button', { name: 'Change the meeting' }));
      fireEvent.click(screen.getByRole('button', { name: 'Follow my meeting in progress' }));
      await settle();
      expect(fake.requestsTo('clearMeeting')).toHaveLength(1);
      expect(screen.getByText('Weekly product sync')).toBeTruthy();
    });

    it('asks which meeting when the operator is in several', async () => {
      const fake = withBridge((world) => {
        world.meeting = {
          ...world.meeting,
          state: 'several',
          selected: null,
          candidates: [MEETING, OTHER_MEETING],
        };
      });
      await renderPopover(fake);
      expect(screen.getByText('You are in several meetings')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Invite into Design review' }));
      await settle();
      expect(fake.requestsTo('chooseMeeting')).toEqual([{ meetingId: OTHER_MEETING.meetingId }]);
    });

    it('says there is no meeting and offers to enter a code', async () => {
      await renderPopover(
        withBridge((world) => {
          world.meeting = {
            state: 'none',
            selected: null,
            candidates: [],
            error: null,
            checkedAt: null,
          };
        }),
      );
      expect(screen.getByText('No meeting in progress')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Enter a code or paste a link' }));
      expect(screen.getByRole('textbox', { name: 'Meeting code or link' })).toBeTruthy();
    });

    it('explains a failed meeting lookup with its code and retries', async () => {
      const fake = withBridge((world) => {
        world.meeting = {
          state: 'error',
          selected: null,
          candidates: [],
          error: ipcError('api', 190300),
          checkedAt: null,
        };
      });
      await renderPopover(fake);
      expect(screen.getByText('Your computer’s clock is off')).toBeTruthy();
      expect(screen.getByText('Error code 190300')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'How to fix this' }));
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      await settle();
      expect(fake.requestsTo('openHelp')).toEqual([{ topic: 'clock' }]);
      expect(fake.requestsTo('refreshCurrentMeeting')).toHaveLength(1);
    });

    it('follows meetingChanged events', async () => {
      const fake = await renderPopover(withBridge());
      await push(fake, 'meetingChanged', {
        ...fake.world.meeting,
        selected: OTHER_MEETING,
        state: 'manual',
      });
      expect(screen.getByText('Design review')).toBeTruthy();
    });
  });

  describe('empty and error states', () => {
    it('sends an unconfigured app to settings', async () => {
      const fake = await renderPopover(
        withBridge((world) => {
          world.appState = { ...world.appState, configured: false, credentials: null };
        }),
      );
      expect(screen.getByRole('heading', { name: 'Set up RoomCall' })).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
      await settle();
      expect(fake.requestsTo('openWindow')).toEqual([{ window: 'settings' }]);
    });

    it('sends someone without favourites to the picker', async () => {
      const fake = await renderPopover(
        withBridge((world) => {
          world.favorites = [];
        }),
      );
      expect(screen.getByText('No favourites yet')).toBeTruthy();
      const buttons = screen.getAllByRole('button', { name: 'Browse rooms' });
      fireEvent.click(buttons[0] ?? document.body);
      await settle();
      expect(fake.requestsTo('openWindow')).toEqual([{ window: 'picker' }]);
    });

    it('explains an unavailable keychain', async () => {
      await renderPopover(
        withBridge((world) => {
          world.appState = {
            ...world.appState,
            keychain: { available: false, message: 'no secret service' },
          };
        }),
      );
      expect(screen.getByText('The system keychain is not available')).toBeTruthy();
    });

    it('explains a network failure and retries', async () => {
      const fake = withBridge();
      fake.respond('listFavorites', () => ({ ok: false, error: ipcError('network') }));
      await renderPopover(fake);
      expect(screen.getByText('Cannot reach Tencent Meeting')).toBeTruthy();
      fake.respond('listFavorites', () => ({ ok: true, data: fake.world.favorites }));
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      await settle();
      await settle();
      expect(screen.getByRole('list', { name: 'Favourites' })).toBeTruthy();
    });

    it('says a busy favourites file is another RoomCall saving it, and retries', async () => {
      const fake = withBridge();
      fake.respond('listFavorites', () => ({
        ok: false,
        error: ipcError('busy', null, 'Your change to the favourites was not saved: busy'),
      }));
      await renderPopover(fake);
      expect(screen.getByText('Not saved: RoomCall is busy with this file')).toBeTruthy();
      expect(screen.queryByText('Could not save to disk')).toBeNull();
      fake.respond('listFavorites', () => ({ ok: true, data: fake.world.favorites }));
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      await settle();
      await settle();
      expect(screen.getByRole('list', { name: 'Favourites' })).toBeTruthy();
    });

    it('turns a broken bridge (rejected promise) into a network error', async () => {
      const fake = withBridge();
      fake.respond('getAppState', () => Promise.reject(new TypeError('Failed to fetch')));
      await renderPopover(fake);
      expect(screen.getByText('Cannot reach Tencent Meeting')).toBeTruthy();
    });

    it('shows a server error with its code', async () => {
      const fake = withBridge();
      fake.respond('listFavorites', () => ({ ok: false, error: ipcError('api', 9042) }));
      await renderPopover(fake);
      expect(screen.getByText('The app is not allowed to do this')).toBeTruthy();
      expect(screen.getByText('Error code 9042')).toBeTruthy();
    });
  });

  it('speaks Chinese when the language is zh-CN', async () => {
    await renderPopover(
      withBridge((world) => {
        world.settings.settings.language = 'zh-CN';
      }),
    );
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(screen.getByRole('button', { name: '邀请 北京·银科大厦 5F 长城厅' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '浏览会议室' })).toBeTruthy();
  });

  it('follows the system language when set to system', async () => {
    await renderPopover(
      withBridge((world) => {
        world.settings.settings.language = 'system';
        world.appState.systemLocale = 'zh-Hans-CN';
      }),
    );
    expect(screen.getByRole('button', { name: '设置' })).toBeTruthy();
  });

  it('lists recent invites and invites one again', async () => {
    const fake = withBridge((world) => {
      world.history = [
        {
          id: 'h1',
          at: new Date().toISOString(),
          target: {
            kind: 'room',
            meetingRoomId: '1234567890123456787',
            name: 'Marina One L12 Boardroom',
          },
          meeting: {
            meetingId: MEETING.meetingId,
            meetingCode: '806146667',
            subject: 'Weekly product sync',
          },
          outcome: 'accepted',
          detail: null,
        },
      ];
    });
    await renderPopover(fake);
    // The directory (for the room's location) loads just after the first paint.
    await waitFor(() => {
      expect(fake.requestsTo('getDirectory')).toHaveLength(1);
    });
    await settle();
    const recent = screen.getByRole('region', { name: 'Recent invites' });
    expect(within(recent).getByText(/Accepted/)).toBeTruthy();
    fireEvent.click(
      within(recent).getByRole('button', { name: 'Invite Marina One L12 Boardroom again' }),
    );
    await settle();
    expect(fake.requestsTo('startCall')).toEqual([
      {
        room: {
          meetingRoomId: '1234567890123456787',
          name: 'Marina One L12 Boardroom',
          location: 'Singapore-Marina One-12',
        },
      },
    ]);
  });

  it("names a recent invite by its favourite's label, not the raw dial string", async () => {
    const fake = withBridge((world) => {
      world.history = [
        {
          id: 'h2',
          at: new Date().toISOString(),
          // The favourite 'Boardroom codec' is boardroom@vc.example.com: the same address.
          target: { kind: 'mra', protocol: 'sip', dialString: 'sip:Boardroom@vc.example.com' },
          meeting: {
            meetingId: MEETING.meetingId,
            meetingCode: '806146667',
            subject: 'Weekly product sync',
          },
          outcome: 'unconfirmed',
          detail: null,
        },
      ];
    });
    await renderPopover(fake);
    await settle();
    const recent = screen.getByRole('region', { name: 'Recent invites' });
    expect(
      within(recent).getByRole('button', { name: 'Invite Boardroom codec again' }),
    ).toBeTruthy();
    expect(within(recent).queryByText(/vc\.example\.com/)).toBeNull();
    expect(within(recent).getByText(/Unconfirmed/)).toBeTruthy();
  });

  it('refreshes and focuses the filter when the popover is shown', async () => {
    const fake = await renderPopover(withBridge());
    const before = fake.requestsTo('listFavorites').length;
    await push(fake, 'popoverShown', null);
    await settle();
    expect(fake.requestsTo('listFavorites').length).toBe(before + 1);
    expect(document.activeElement).toBe(
      screen.getByRole('searchbox', { name: 'Filter favourites' }),
    );
  });

  it('unsubscribes from every event when unmounted', async () => {
    const fake = withBridge();
    const { unmount } = render(<PopoverApp />);
    await settle();
    expect(fake.listenerCount('callProgress')).toBeGreaterThan(0);
    unmount();
    await settle();
    expect(fake.listenerCount('callProgress')).toBe(0);
    expect(fake.listenerCount('popoverShown')).toBe(0);
  });
});
