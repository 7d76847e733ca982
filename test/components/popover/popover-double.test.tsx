import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { ipcError, MEETING, OTHER_MEETING } from '../fake-bridge';
import { push, settle, withBridge } from '../setup';

async function renderPopover<B>(bridge: B): Promise<B> {
  render(<PopoverApp />);
  await settle();
  await settle();
  return bridge;
}

/**
 * States the real app over the simulator cannot be brought into on demand, each said at the
 * test: the double plays main's answer.
 */
describe('popover (FakeBridge)', () => {
  // No meeting to invite into: the simulator's operator is always in its current meeting.
  it('shows the refusal when there is no meeting to invite into', async () => {
    const fake = withBridge();
    fake.respond('startCall', () => ({ ok: false, error: ipcError('no-meeting') }));
    await renderPopover(fake);
    fireEvent.click(screen.getByRole('button', { name: 'Invite Boardroom codec' }));
    await settle();
    expect(screen.getByText('There is no current meeting')).toBeTruthy();
    expect(screen.getByText('Failed')).toBeTruthy();
  });

  // Several meetings at once, or none: the simulator's operator is always in exactly one.
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

  // Several meetings at once, or none: the simulator's operator is always in exactly one.
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

  // The harness's credential store is in memory: it is never unavailable.
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

  // listFavorites reads a local file: main never answers it with a network or server
  // error; the test is the window's error and retry path.
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

  // Another process holding the favourites' lock for the whole wait (store-lock.test.ts
  // does that with a child process): too slow and racy for a component test.
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

  // The bridge itself failing (a rejected promise) is below main's handler table.
  it('turns a broken bridge (rejected promise) into a network error', async () => {
    const fake = withBridge();
    fake.respond('getAppState', () => Promise.reject(new TypeError('Failed to fetch')));
    await renderPopover(fake);
    expect(screen.getByText('Cannot reach Tencent Meeting')).toBeTruthy();
  });

  // listFavorites reads a local file: main never answers it with a network or server
  // error; the test is the window's error and retry path.
  it('shows a server error with its code', async () => {
    const fake = withBridge();
    fake.respond('listFavorites', () => ({ ok: false, error: ipcError('api', 9042) }));
    await renderPopover(fake);
    expect(screen.getByText('The app is not allowed to do this')).toBeTruthy();
    expect(screen.getByText('Error code 9042')).toBeTruthy();
  });

  // The harness's app reports a fixed system locale (en-US).
  it('follows the system language when set to system', async () => {
    await renderPopover(
      withBridge((world) => {
        world.settings.settings.language = 'system';
        world.appState.systemLocale = 'zh-Hans-CN';
      }),
    );
    expect(screen.getByRole('button', { name: '设置' })).toBeTruthy();
  });

  // An unconfirmed outcome needs a reply lost at one precise moment (app-calls-unconfirmed
  // tests it against the real app); here only its wording in the list matters.
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

  // popoverShown comes from the Electron shell when the tray shows the window, not from the
  // handler table.
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
});
