import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_ROWS } from '../../../renderer/src/popover/favorite-list';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { SIM_CURRENT_MEETING } from '../../sim/index';
import type { RealBridge, RealBridgeOptions } from '../real-bridge';
import { addAddressFavorite, addRoomFavorite, roomWith } from '../real-world';
import { settle, waitFor, withRealBridge } from '../setup';
import type { FavoriteView } from '../../../main/shared/ipc/contract';
import { simRoomRef } from '../../helpers/sim-room-ref';

const ROOM_CALL = '/v1/meeting-rooms/room-call';
const CANCEL = '/v1/meeting-rooms/cancel-room-call';

async function renderPopover<B>(bridge: B): Promise<B> {
  render(<PopoverApp />);
  // The first screen waits for main's one answer (getPopoverSnapshot), real HTTP behind it.
  await waitFor(() => {
    expect(document.querySelector('main .spinner[role="status"]')).toBeNull();
  });
  await settle();
  return bridge;
}

function nameOf(favorite: FavoriteView): string {
  return favorite.kind === 'room' ? favorite.name : (favorite.label ?? favorite.dialString);
}

function inviteButton(favorite: FavoriteView): HTMLElement {
  return screen.getByRole('button', { name: `Invite ${nameOf(favorite)}` });
}

function rowOf(favorite: FavoriteView): HTMLElement {
  const row = inviteButton(favorite).closest('li');
  if (!(row instanceof HTMLElement)) throw new Error(`no row for ${nameOf(favorite)}`);
  return row;
}

/**
 * The real app over the simulator with favourites saved in this order: a room that accepts, one
 * that declines, one in use, one the directory says cannot be called, a SIP address that
 * accepts. Then the popover opens.
 */
async function realPopover(options: RealBridgeOptions = {}) {
  const real = await withRealBridge(options);
  const inUseRoom = real.harness.sim.rooms.find(
    (room) => room.meeting_room_status === 3 && room.is_allow_call,
  );
  if (inUseRoom === undefined) throw new Error('the simulator has no room in use');
  const favorites = {
    accepts: await addRoomFavorite(real, roomWith(real, 'accepted')),
    declines: await addRoomFavorite(real, roomWith(real, 'rejected')),
    inUse: await addRoomFavorite(real, inUseRoom),
    blocked: await addRoomFavorite(real, roomWith(real, 'not-callable')),
    codec: await addAddressFavorite(real, 'accepted', 'Boardroom codec'),
  };
  await renderPopover(real);
  return { real, ...favorites };
}

/** What reached Tencent's `pathname` (the simulator's log). */
function simRequests(real: RealBridge, pathname: string) {
  return real.harness.sim.requests.filter((request) => request.path === pathname);
}

describe('popover (the real app over the simulator)', () => {
  it('shows the current meeting and the favourites in the user’s order, with live status', async () => {
    const { accepts, declines, inUse, blocked, codec } = await realPopover();
    const meeting = screen.getByRole('region', { name: 'Current meeting' });
    expect(within(meeting).getByText(SIM_CURRENT_MEETING.subject)).toBeTruthy();
    expect(within(meeting).getByText('806-146-667')).toBeTruthy();

    const list = screen.getByRole('list', { name: 'Favourites' });
    const names = within(list)
      .getAllByRole('button', { name: /^Invite / })
      .map((button) => button.textContent);
    expect(names).toEqual(
      [accepts, declines, inUse, blocked, codec].map((f) => `Invite ${nameOf(f)}`),
    );
    await waitFor(() => {
      expect(within(rowOf(accepts)).getByText('Available')).toBeTruthy();
    });
    expect(within(rowOf(inUse)).getByText('In use')).toBeTruthy();
    expect(within(rowOf(blocked)).getByText('Cannot be called')).toBeTruthy();
    expect(within(list).getByText('SIP · boardroom@10.1.2.3')).toBeTruthy();
  });

  it('invites with one click, shows progress, offers cancel while ringing, and never rings twice', async () => {
    const { real, accepts } = await realPopover({ holdRinging: true });
    const invite = inviteButton(accepts);
    fireEvent.click(invite);
    fireEvent.click(invite);
    await waitFor(() => {
      expect(within(rowOf(accepts)).getByText('Ringing…')).toBeTruthy();
    });
    expect(real.requestsTo('startCall')).toEqual([{ favoriteId: accepts.id }]);
    expect(simRequests(real, ROOM_CALL)).toHaveLength(1);

    fireEvent.click(invite);
    await settle();
    expect(real.requestsTo('startCall')).toHaveLength(1);
    expect(simRequests(real, ROOM_CALL)).toHaveLength(1);

    const cancel = screen.getByRole('button', { name: `Cancel the call to ${nameOf(accepts)}` });
    cancel.focus();
    fireEvent.click(cancel);
    await waitFor(() => {
      expect(within(rowOf(accepts)).getByText('Cancelled')).toBeTruthy();
    });
    expect(simRequests(real, CANCEL)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: /^Cancel the call/ })).toBeNull();
    // The cancel button is gone: focus stayed on the row, not on the page.
    expect(document.activeElement).toBe(inviteButton(accepts));
  });

  it('says why a call failed, with the server’s code', async () => {
    const real = await withRealBridge();
    // Offline but allowing calls: the popover lets it be tried, Tencent refuses it (500/10004).
    const offline = await addRoomFavorite(real, roomWith(real, 'offline'));
    await renderPopover(real);
    fireEvent.click(inviteButton(offline));
    // The phase in the status column, the reason (with the code) on the row's second line.
    await waitFor(() => {
      expect(within(rowOf(offline)).getByText('Failed')).toBeTruthy();
    });
    expect(within(rowOf(offline)).getByText('The room could not be called (10004)')).toBeTruthy();
  });

  it('shows accepted, declined and no answer in words', async () => {
    const real = await withRealBridge();
    const outcomes = [
      [await addRoomFavorite(real, roomWith(real, 'accepted')), 'In the meeting'],
      [await addRoomFavorite(real, roomWith(real, 'rejected')), 'Declined'],
      [await addRoomFavorite(real, roomWith(real, 'no-answer')), 'No answer'],
      [await addAddressFavorite(real, 'rejected', 'Busy codec'), 'Declined'],
    ] as const;
    await renderPopover(real);
    for (const [favorite, words] of outcomes) {
      fireEvent.click(inviteButton(favorite));
      await waitFor(() => {
        expect(within(rowOf(favorite)).getByText(words)).toBeTruthy();
      });
    }
  });

  it('does not invite a room the directory says cannot be called', async () => {
    const { real, blocked } = await realPopover();
    const button = inviteButton(blocked);
    await waitFor(() => {
      expect(button.getAttribute('aria-disabled')).toBe('true');
    });
    fireEvent.click(button);
    await settle();
    expect(real.requestsTo('startCall')).toHaveLength(0);
    expect(simRequests(real, ROOM_CALL)).toHaveLength(0);
  });

  it('lists every favourite of a long list, the first screen first', async () => {
    const real = await withRealBridge();
    const many: FavoriteView[] = [];
    for (const room of real.harness.sim.rooms.slice(0, FIRST_SCREEN_ROWS * 3)) {
      many.push(await addRoomFavorite(real, room));
    }
    await renderPopover(real);
    const list = screen.getByRole('list', { name: 'Favourites' });
    // The first screen's rows come first, the rest in the next frames.
    await waitFor(() => {
      expect(within(list).getAllByRole('button', { name: /^Invite / })).toHaveLength(many.length);
    });
    const invites = within(list).getAllByRole('button', { name: /^Invite / });
    expect(invites.map((button) => button.textContent)).toEqual(
      many.map((favorite) => `Invite ${nameOf(favorite)}`),
    );
    // The last row is reachable from the keyboard like any other.
    const first = invites[0] ?? list;
    first.focus();
    fireEvent.keyDown(first, { key: 'End' });
    expect(document.activeElement).toBe(invites.at(-1));
  });

  describe('keyboard', () => {
    it('filters as you type and invites the top match with Enter', async () => {
      const { real, declines } = await realPopover();
      const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
      fireEvent.input(filter, { target: { value: '长城' } });
      const list = screen.getByRole('list', { name: 'Favourites' });
      expect(within(list).getAllByRole('button', { name: /^Invite / })).toHaveLength(1);
      fireEvent.keyDown(filter, { key: 'Enter' });
      await settle();
      expect(real.requestsTo('startCall')).toEqual([{ favoriteId: declines.id }]);
    });

    it('filters addresses by their dial string and says when nothing matches', async () => {
      await realPopover();
      const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
      fireEvent.input(filter, { target: { value: '10.1.2' } });
      expect(screen.getByRole('button', { name: 'Invite Boardroom codec' })).toBeTruthy();
      fireEvent.input(filter, { target: { value: 'nowhere' } });
      expect(screen.getByText('No favourite matches “nowhere”.')).toBeTruthy();
    });

    it('moves between rows with the arrow keys and back to the filter', async () => {
      const { accepts, declines } = await realPopover();
      const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
      filter.focus();
      fireEvent.keyDown(filter, { key: 'ArrowDown' });
      const first = inviteButton(accepts);
      expect(document.activeElement).toBe(first);
      fireEvent.keyDown(first, { key: 'ArrowDown' });
      expect(document.activeElement).toBe(inviteButton(declines));
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' });
      fireEvent.keyDown(document.activeElement ?? document.body, { key: 'ArrowUp' });
      expect(document.activeElement).toBe(filter);
    });

    it('Escape clears the filter first, then hides the popover', async () => {
      const { real } = await realPopover();
      const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
      fireEvent.input(filter, { target: { value: 'marina' } });
      fireEvent.keyDown(filter, { key: 'Escape' });
      expect((filter as HTMLInputElement).value).toBe('');
      expect(real.harness.windowCalls).toEqual([]);
      fireEvent.keyDown(filter, { key: 'Escape' });
      await waitFor(() => {
        expect(real.harness.windowCalls).toEqual(['hide']);
      });
    });

    it('hides on a second Escape that comes before the next frame', async () => {
      const { real } = await realPopover();
      const filter = screen.getByRole('searchbox', { name: 'Filter favourites' });
      fireEvent.input(filter, { target: { value: 'marina' } });
      // Dispatched as a browser does, outside act(): the render that empties the filter runs
      // (a microtask), the effects Preact runs after the next paint do not.
      const escape = () =>
        filter.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      escape();
      await Promise.resolve();
      expect((filter as HTMLInputElement).value).toBe('');
      escape();
      await waitFor(() => {
        expect(real.harness.windowCalls).toEqual(['hide']);
      });
    });
  });

  describe('meeting', () => {
    it('takes a typed code and shows what was wrong with a bad one', async () => {
      const { real } = await realPopover();
      fireEvent.click(screen.getByRole('button', { name: 'Change the meeting' }));
      const input = screen.getByRole('textbox', { name: 'Meeting code or link' });
      fireEvent.input(input, { target: { value: '806-146' } });
      fireEvent.click(screen.getByRole('button', { name: 'Use' }));
      // The core's own sentence leads (issue 14: the specific sentence first).
      await waitFor(() => {
        expect(screen.getByRole('alert').querySelector('.notice-title')?.textContent).toMatch(
          /^A meeting code has 9 digits/,
        );
      });

      fireEvent.input(input, { target: { value: '302 415 689' } });
      fireEvent.click(screen.getByRole('button', { name: 'Use' }));
      await waitFor(() => {
        expect(screen.getByText('Design review: onboarding')).toBeTruthy();
      });
      expect(real.requestsTo('setMeeting').at(-1)).toEqual({ text: '302 415 689' });
      expect(screen.getByText('Chosen meeting')).toBeTruthy();
    });

    it('goes back to following the operator’s meeting', async () => {
      const real = await withRealBridge();
      await real.harness.ok('setMeeting', { text: '302415689' });
      await renderPopover(real);
      expect(screen.getByText('Design review: onboarding')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Change the meeting' }));
      fireEvent.click(screen.getByRole('button', { name: 'Follow my meeting in progress' }));
      await waitFor(() => {
        expect(screen.getByText(SIM_CURRENT_MEETING.subject)).toBeTruthy();
      });
      expect(real.requestsTo('clearMeeting')).toHaveLength(1);
    });

    it('explains a failed meeting lookup with its code and retries', async () => {
      // The computer's clock ten minutes fast: Tencent refuses the signature (190300).
      const real = await withRealBridge({ clientClockOffset: () => 10 * 60 * 1000 });
      await renderPopover(real);
      expect(screen.getByText('Your computer’s clock is off')).toBeTruthy();
      expect(screen.getByText('Error code 190300')).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'How to fix this' }));
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      await settle();
      expect(real.requestsTo('openHelp')).toEqual([{ topic: 'clock' }]);
      expect(real.harness.windowCalls).toHaveLength(1);
      expect(real.harness.windowCalls[0]).toMatch(/^external:https:/);
      await waitFor(() => {
        expect(real.requestsTo('refreshCurrentMeeting')).toHaveLength(1);
      });
    });

    it('follows the meeting another window chose', async () => {
      const { real } = await realPopover();
      await real.harness.ok('setMeeting', { text: '302415689' });
      await waitFor(() => {
        expect(screen.getByText('Design review: onboarding')).toBeTruthy();
      });
    });
  });

  describe('empty states', () => {
    it('sends an unconfigured app to settings', async () => {
      const real = await renderPopover(await withRealBridge({ configured: false }));
      expect(await screen.findByRole('heading', { name: 'Set up RoomCall' })).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Open settings' }));
      await waitFor(() => {
        expect(real.harness.windowCalls).toEqual(['open:settings']);
      });
    });

    it('sends someone without favourites to the picker', async () => {
      const real = await renderPopover(await withRealBridge());
      expect(await screen.findByText('No favourites yet')).toBeTruthy();
      const buttons = screen.getAllByRole('button', { name: 'Browse rooms' });
      fireEvent.click(buttons[0] ?? document.body);
      await waitFor(() => {
        expect(real.harness.windowCalls).toEqual(['open:picker']);
      });
    });
  });

  it('speaks Chinese when the language is zh-CN', async () => {
    const real = await withRealBridge();
    await real.harness.ok('updateSettings', { language: 'zh-CN' });
    const declines = await addRoomFavorite(real, roomWith(real, 'rejected'));
    await renderPopover(real);
    await waitFor(() => {
      expect(document.documentElement.lang).toBe('zh-CN');
    });
    expect(await screen.findByRole('button', { name: `邀请 ${nameOf(declines)}` })).toBeTruthy();
    expect(screen.getByRole('button', { name: '浏览会议室' })).toBeTruthy();
  });

  it('lists recent invites and invites one again', async () => {
    const real = await withRealBridge();
    // A room that declined: inviting it again is what the button is for.
    const room = roomWith(real, 'rejected');
    const target = simRoomRef(room);
    await real.harness.ok('startCall', { room: target });
    await real.harness.app.calls.whenIdle();
    // The rooms already synced, as in an app that has been running.
    await real.harness.ok('refreshDirectory');
    await real.harness.app.directory.whenIdle();
    await renderPopover(real);
    // The directory (for the room's location) loads just after the first paint.
    await waitFor(() => {
      expect(real.requestsTo('getDirectory')).toHaveLength(1);
    });
    await settle();
    const recent = await screen.findByRole('region', { name: 'Recent invites' });
    expect(within(recent).getByText(/Declined/)).toBeTruthy();
    fireEvent.click(
      within(recent).getByRole('button', { name: `Invite ${room.meeting_room_name} again` }),
    );
    await waitFor(() => {
      expect(simRequests(real, ROOM_CALL)).toHaveLength(2);
    });
    expect(real.requestsTo('startCall')).toEqual([{ room: target }]);
  });

  it('unsubscribes from every event when unmounted', async () => {
    const real = await withRealBridge();
    const { unmount } = render(<PopoverApp />);
    await settle();
    expect(real.listenerCount('callProgress')).toBeGreaterThan(0);
    unmount();
    await settle();
    expect(real.listenerCount('callProgress')).toBe(0);
    expect(real.listenerCount('popoverShown')).toBe(0);
  });
});
