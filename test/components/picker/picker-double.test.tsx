import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { RoomView } from '../../../main/shared/ipc/contract';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import { ipcError, ROOMS, type FakeBridge, type FakeWorld } from '../fake-bridge';
import { push, settle, waitFor, withBridge } from '../setup';
import { submitAddressEdit } from './address-edit';

function manyRooms(count: number): RoomView[] {
  const rooms: RoomView[] = [];
  for (let index = 0; index < count; index += 1) {
    const base = ROOMS[index % ROOMS.length] ?? ROOMS[0];
    if (base === undefined) break;
    rooms.push({
      ...base,
      meetingRoomId: String(1_000_000_000_000_000_000n + BigInt(index)),
      name: `${base.name} #${String(index)}`,
    });
  }
  return rooms;
}

function withRooms(world: FakeWorld, rooms: RoomView[]) {
  world.directory = { ...world.directory, rooms, roomCount: rooms.length };
}

async function renderPicker<B>(bridge: B): Promise<B> {
  render(<PickerApp />);
  await settle();
  await settle();
  return bridge;
}

function roomList() {
  return screen.getByRole('list', { name: 'Rooms' });
}

/**
 * States the real app over the simulator cannot be brought into on demand (or only slowly),
 * each said at the test: the double plays main's answer.
 */
describe('room picker (FakeBridge)', () => {
  // 10,000 rooms would be 200 pages of the simulator's room list to sync first; the sync
  // itself is tested against the simulator (app-directory-favorites.test.ts).
  it('keeps fewer than 100 rows in the DOM for 10,000 rooms', async () => {
    await renderPicker(
      withBridge((world) => {
        withRooms(world, manyRooms(10_000));
      }),
    );
    const rows = within(roomList()).getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(100);
    expect(rows[0]?.getAttribute('aria-setsize')).toBe('10000');
    expect(screen.getByText('10,000 rooms')).toBeTruthy();
  });

  // A sync caught half-way (2,000 of 10,000) is one moment of a fast loopback sync.
  it('shows refresh progress and loads the new list when it completes', async () => {
    const fake = await renderPicker(withBridge());
    const status = { fetchedAt: fake.world.directory.fetchedAt, roomCount: 4, error: null };
    await push(fake, 'directoryChanged', {
      ...status,
      syncing: true,
      progress: { loaded: 2000, total: 10000 },
    });
    expect(screen.getByText('Updating the room list… 2,000 of 10,000')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Room list update' })).toBeTruthy();
    withRooms(fake.world, manyRooms(10));
    await push(fake, 'directoryChanged', {
      ...status,
      fetchedAt: new Date(Date.now() + 60_000).toISOString(),
      syncing: false,
      progress: null,
    });
    await settle();
    expect(fake.requestsTo('getDirectory')).toHaveLength(2);
    expect(within(roomList()).getAllByRole('listitem')).toHaveLength(10);
  });

  // No meeting: the simulator's operator is always in its current meeting.
  it('says when there is no meeting to invite into', async () => {
    await renderPicker(
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
    expect(
      screen.getByText('No current meeting: set one in the tray menu before inviting.'),
    ).toBeTruthy();
  });

  describe('favourites', () => {
    async function openFavorites(fake: FakeBridge) {
      await renderPicker(fake);
      fireEvent.click(screen.getByRole('tab', { name: /Favourites/ }));
      return screen.getByRole('tabpanel', { name: /Favourites/ });
    }

    // favorites.json unreadable for one read, then readable again: a moment the real store
    // cannot be put in on demand (store-unreadable.test.ts covers the store's side).
    it('offers Try again when the favourites could not be loaded, and loads them on it', async () => {
      const fake = withBridge();
      fake.failOnce('listFavorites', ipcError('storage', null, 'favorites.json could not be read'));
      const panel = await openFavorites(fake);
      await settle();
      expect(within(panel).queryByRole('list')).toBeNull();
      const retry = within(panel).getByRole('button', { name: 'Try again' });
      const before = fake.requestsTo('listFavorites').length;
      fireEvent.click(retry);
      await settle();
      expect(fake.requestsTo('listFavorites')).toHaveLength(before + 1);
      expect(within(panel).queryByRole('button', { name: 'Try again' })).toBeNull();
      expect(within(panel).getByRole('form', { name: 'Add a SIP or H.323 address' })).toBeTruthy();
    });

    async function editCodec(fake: FakeBridge, edit: { address?: string; name?: string }) {
      const panel = await openFavorites(fake);
      const form = await submitAddressEdit(panel, 'Boardroom codec', edit);
      await settle();
      await settle();
      return { panel, form };
    }

    /** Only the one atomic verb: never the add, remove and move it replaced. */
    function expectOnlyTheOneCall(fake: FakeBridge) {
      expect(fake.requestsTo('addFavorite')).toEqual([]);
      expect(fake.requestsTo('removeFavorite')).toEqual([]);
      expect(fake.requestsTo('moveFavorite')).toEqual([]);
      expect(fake.requestsTo('renameFavorite')).toEqual([]);
    }

    // A full disk on the one save, and main's answer to an export held open until the test
    // lets it go: neither can be produced on demand by the real store.
    it('shows a failure to save and leaves the list as it was', async () => {
      const fake = withBridge();
      fake.respond('updateAddressFavorite', () => ({
        ok: false,
        error: ipcError('storage', null, 'RoomCall could not save its files: the disk is full.'),
      }));
      const before = structuredClone(fake.world.favorites);
      const { panel } = await editCodec(fake, { address: 'board@vc.example.com' });
      expectOnlyTheOneCall(fake);
      expect(fake.world.favorites).toEqual(before);
      expect(within(panel).getByRole('alert').textContent).toContain('the disk is full');
      expect(within(panel).queryByText('board@vc.example.com')).toBeNull();
      expect(within(panel).getByRole('form', { name: 'Edit address' })).toBeTruthy();
    });

    it('exports favourites through main, saying where it saved, and reports an import', async () => {
      const fake = withBridge();
      fake.respond('importFavorites', () => ({
        ok: true,
        data: { added: 2, skipped: [{ index: 3, reason: 'not a SIP address' }] },
      }));
      const panel = await openFavorites(fake);
      // Main answers once the file is written; until then the picker claims nothing.
      let answer: (value: { ok: true; data: { status: 'saved'; path: string } }) => void = () =>
        undefined;
      fake.respond(
        'exportFavorites',
        () =>
          new Promise((resolve) => {
            answer = resolve;
          }),
      );
      fireEvent.click(
        within(panel).getByRole('button', { name: 'Export favourites as a JSON file' }),
      );
      await settle();
      expect(within(panel).queryByText(/Saved to/)).toBeNull();
      answer({ ok: true, data: { status: 'saved', path: 'C:\\Users\\ada\\team.json' } });
      await settle();
      expect(within(panel).getByText('Saved to C:\\Users\\ada\\team.json')).toBeTruthy();

      const input = panel.querySelector('input[type="file"]');
      if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
      const file = new File(['{"items":[]}'], 'favorites.json', { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
      await waitFor(() => {
        expect(within(panel).getByText('Imported 2 favourites.')).toBeTruthy();
      });
      expect(fake.requestsTo('importFavorites')).toEqual([{ json: '{"items":[]}' }]);
      expect(within(panel).getByText('Entry 4')).toBeTruthy();
      expect(within(panel).getByText('not a SIP address').closest('li')?.textContent).toBe(
        'Entry 4: not a SIP address',
      );
    });
  });
});
