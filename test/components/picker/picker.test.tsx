import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { CallView, RoomView } from '../../../main/shared/ipc/contract';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import { ipcError, ROOMS, type FakeBridge, type FakeWorld } from '../fake-bridge';
import { push, settle, waitFor, withBridge } from '../setup';

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

/** Favourites the organisation set (managed configuration), as main lists them. */
const ORG_ADDRESS = {
  id: 'policy-lobby',
  kind: 'mra',
  protocol: 'sip',
  dialString: 'lobby@sip.example.com',
  label: 'Lobby',
  managed: true,
} as const;
const ORG_ROOM = {
  id: 'org-2',
  kind: 'room',
  meetingRoomId: '1234567890123456787',
  name: 'Marina One L12 Boardroom',
  location: 'Singapore-Marina One-12',
  label: null,
  managed: true,
} as const;

function withRooms(world: FakeWorld, rooms: RoomView[]) {
  world.directory = { ...world.directory, rooms, roomCount: rooms.length };
}

async function renderPicker(fake: FakeBridge) {
  render(<PickerApp />);
  await settle();
  await settle();
  return fake;
}

function roomList() {
  return screen.getByRole('list', { name: 'Rooms' });
}

function search(text: string) {
  fireEvent.input(screen.getByRole('searchbox', { name: 'Search rooms' }), {
    target: { value: text },
  });
}

describe('room picker', () => {
  it('shows the cached directory at once, then refreshes it in the background', async () => {
    const fake = await renderPicker(withBridge());
    expect(within(roomList()).getAllByRole('listitem')).toHaveLength(ROOMS.length);
    expect(fake.requestsTo('getDirectory')).toHaveLength(1);
    expect(fake.requestsTo('refreshDirectory')).toHaveLength(1);
  });

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

  it('shows a failed refresh with its code and retries', async () => {
    const fake = await renderPicker(withBridge());
    await push(fake, 'directoryChanged', {
      fetchedAt: fake.world.directory.fetchedAt,
      roomCount: 4,
      syncing: false,
      progress: null,
      error: ipcError('api', 190310),
    });
    expect(screen.getByText('Too many requests')).toBeTruthy();
    expect(screen.getByText('Error code 190310')).toBeTruthy();
  });

  describe('search', () => {
    it('matches name and location, every word, ignoring case and width', async () => {
      await renderPicker(withBridge());
      search('MARINA');
      expect(within(roomList()).getAllByRole('listitem')).toHaveLength(1);
      search('深圳 18');
      expect(within(roomList()).getByText('深圳·滨海大厦 18F 1801 会议室')).toBeTruthy();
      expect(within(roomList()).getAllByRole('listitem')).toHaveLength(1);
      search('ｓｉｎｇａｐｏｒｅ');
      expect(within(roomList()).getByText('Marina One L12 Boardroom')).toBeTruthy();
      search('nowhere at all');
      expect(
        screen.getByText('No room matches. Try fewer words, or clear the filters.'),
      ).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
      expect(within(roomList()).getAllByRole('listitem')).toHaveLength(ROOMS.length);
    });

    it('matches pinyin and initials once the dictionary has loaded', async () => {
      await renderPicker(withBridge());
      search('changcheng');
      await waitFor(
        () => {
          expect(within(roomList()).getByText('北京·银科大厦 5F 长城厅')).toBeTruthy();
        },
        { timeout: 5000 },
      );
      search('bhds');
      expect(within(roomList()).getByText('深圳·滨海大厦 18F 1801 会议室')).toBeTruthy();
    });

    it('filters callable rooms and by status, and sorts', async () => {
      await renderPicker(withBridge());
      fireEvent.click(screen.getByRole('checkbox', { name: 'Callable only' }));
      expect(within(roomList()).queryByText('成都·天府软件园 8F 泰山厅')).toBeNull();
      fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
        target: { value: 'in-use' },
      });
      expect(within(roomList()).getAllByRole('listitem')).toHaveLength(1);
      expect(screen.getByText('1 of 4 rooms')).toBeTruthy();
      fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
        target: { value: 'all' },
      });
      fireEvent.change(screen.getByRole('combobox', { name: 'Sort by' }), {
        target: { value: 'status' },
      });
      const first = within(roomList()).getAllByRole('listitem')[0];
      expect(first?.textContent).toContain('Available');
    });
  });

  it('stars and unstars rooms', async () => {
    const fake = await renderPicker(withBridge());
    fireEvent.click(
      screen.getByRole('button', { name: 'Add Marina One L12 Boardroom to favourites' }),
    );
    await settle();
    expect(fake.requestsTo('addFavorite')).toEqual([
      {
        kind: 'room',
        meetingRoomId: '1234567890123456787',
        name: 'Marina One L12 Boardroom',
        location: 'Singapore-Marina One-12',
      },
    ]);
    const unstar = screen.getByRole('button', {
      name: 'Remove Marina One L12 Boardroom from favourites',
    });
    expect(unstar.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(unstar);
    await settle();
    expect(fake.requestsTo('removeFavorite')).toHaveLength(1);
    expect(
      screen.getByRole('button', { name: 'Add Marina One L12 Boardroom to favourites' }),
    ).toBeTruthy();
  });

  it("keeps the organisation's room favourites starred: the star says why and does nothing", async () => {
    const fake = await renderPicker(
      withBridge((world) => {
        world.favorites.push({ ...ORG_ROOM });
      }),
    );
    const star = screen.getByRole('button', {
      name: 'Marina One L12 Boardroom is a favourite set by your organisation (cannot be removed)',
    });
    expect(star.getAttribute('aria-pressed')).toBe('true');
    expect(star.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(star);
    await settle();
    expect(fake.requestsTo('removeFavorite')).toEqual([]);
    // The person's own room favourites unstar as before.
    expect(
      screen.getByRole('button', { name: 'Remove 北京·银科大厦 5F 长城厅 from favourites' }),
    ).toBeTruthy();
  });

  it('invites several selected rooms at once, each row with its own progress', async () => {
    const fake = await renderPicker(withBridge());
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select 深圳·滨海大厦 18F 1801 会议室' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Marina One L12 Boardroom' }));
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', {
        name: 'Select 成都·天府软件园 8F 泰山厅',
      }).disabled,
    ).toBe(true);
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Invite Marina One L12 Boardroom, 深圳·滨海大厦 18F 1801 会议室',
      }),
    );
    await settle();
    expect(
      fake
        .requestsTo('startCall')
        .map((request) => ('room' in request ? request.room.meetingRoomId : '')),
    ).toEqual(expect.arrayContaining(['1234567890123456789', '1234567890123456787']));
    const callTo = (roomId: string) =>
      fake.world.calls.find(
        (call) => call.target.kind === 'room' && call.target.meetingRoomId === roomId,
      );
    const first = callTo('1234567890123456789');
    const second = callTo('1234567890123456787');
    if (first === undefined || second === undefined) throw new Error('two calls expected');
    const later = (call: CallView, patch: Partial<CallView>) => ({
      ...call,
      ...patch,
      updatedAt: new Date(Date.now() + 1000).toISOString(),
    });
    await push(fake, 'callProgress', later(first, { phase: 'ringing' }));
    await push(fake, 'callProgress', later(second, { phase: 'accepted', settled: true }));
    const rows = within(roomList()).getAllByRole('listitem');
    const textOf = (name: string) =>
      rows.find((row) => row.textContent.includes(name))?.textContent ?? '';
    expect(textOf('深圳·滨海大厦')).toContain('Ringing…');
    expect(textOf('Marina One')).toContain('In the meeting');
    fireEvent.click(
      screen.getByRole('button', { name: 'Cancel the call to 深圳·滨海大厦 18F 1801 会议室' }),
    );
    await settle();
    expect(fake.requestsTo('cancelCall')).toEqual([{ callId: first.callId }]);
  });

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

  it('moves between rows with the arrow keys', async () => {
    await renderPicker(withBridge());
    const searchBox = screen.getByRole('searchbox', { name: 'Search rooms' });
    fireEvent.keyDown(searchBox, { key: 'ArrowDown' });
    const first = document.activeElement;
    expect(first?.getAttribute('aria-label')).toMatch(/^Invite /);
    fireEvent.keyDown(first ?? document.body, { key: 'ArrowDown' });
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement?.getAttribute('data-col')).toBe('invite');
  });

  it('sends an unconfigured app to settings', async () => {
    await renderPicker(
      withBridge((world) => {
        world.appState = { ...world.appState, configured: false, credentials: null };
      }),
    );
    expect(screen.getByText('RoomCall is not set up yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
  });

  describe('favourites', () => {
    async function openFavorites(fake: FakeBridge) {
      await renderPicker(fake);
      fireEvent.click(screen.getByRole('tab', { name: /Favourites/ }));
      return screen.getByRole('tabpanel', { name: /Favourites/ });
    }

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

    it('validates a SIP address as it is typed, with the core’s rules, and adds it', async () => {
      const fake = withBridge();
      const panel = await openFavorites(fake);
      await settle();
      const form = within(panel).getByRole('form', { name: 'Add a SIP or H.323 address' });
      const address = within(form).getByRole('textbox', { name: 'Address' });
      const add = within(form).getByRole<HTMLButtonElement>('button', { name: 'Add address' });
      fireEvent.input(address, { target: { value: 'vc.example.com' } });
      await waitFor(() => {
        expect(within(form).getByText(/has no user part/)).toBeTruthy();
      });
      expect(address.getAttribute('aria-invalid')).toBe('true');
      expect(add.disabled).toBe(true);
      fireEvent.input(address, { target: { value: ' room42@vc.example.com ' } });
      expect(within(form).getByText('Valid SIP address')).toBeTruthy();
      fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), {
        target: { value: 'Room 42' },
      });
      fireEvent.click(add);
      await settle();
      expect(fake.requestsTo('addFavorite')).toEqual([
        { kind: 'mra', protocol: 'sip', dialString: 'room42@vc.example.com', label: 'Room 42' },
      ]);
      expect(within(panel).getByText('Added Room 42 to favourites.')).toBeTruthy();
    });

    it('applies the H.323 rules when H.323 is chosen', async () => {
      const panel = await openFavorites(withBridge());
      await settle();
      const form = within(panel).getByRole('form', { name: 'Add a SIP or H.323 address' });
      fireEvent.click(within(form).getByRole('radio', { name: 'H.323' }));
      fireEvent.input(within(form).getByRole('textbox', { name: 'Address' }), {
        target: { value: '+86 10 1234 5678' },
      });
      await waitFor(() => {
        expect(
          within(form).getByText('Valid H.323 address: it will be saved as +861012345678'),
        ).toBeTruthy();
      });
      fireEvent.input(within(form).getByRole('textbox', { name: 'Address' }), {
        target: { value: '+861012345678' },
      });
      expect(within(form).getByText('Valid H.323 address')).toBeTruthy();
    });

    it('reorders, renames and removes favourites', async () => {
      const fake = withBridge();
      const panel = await openFavorites(fake);
      fireEvent.click(within(panel).getByRole('button', { name: 'Move Boardroom codec up' }));
      await settle();
      expect(fake.requestsTo('moveFavorite')).toEqual([{ id: 'fav-codec', toIndex: 2 }]);
      expect(
        within(panel).getByRole<HTMLButtonElement>('button', { name: /^Move 深圳.* up$/ }).disabled,
      ).toBe(true);

      fireEvent.click(within(panel).getByRole('button', { name: 'Edit 北京·银科大厦 5F 长城厅' }));
      fireEvent.input(within(panel).getByRole('textbox', { name: 'Name shown in the tray' }), {
        target: { value: 'Great Wall' },
      });
      fireEvent.click(within(panel).getByRole('button', { name: 'Save' }));
      await settle();
      expect(fake.requestsTo('renameFavorite')).toEqual([
        { id: 'fav-great-wall', label: 'Great Wall' },
      ]);
      expect(within(panel).getByText('Great Wall')).toBeTruthy();

      fireEvent.click(within(panel).getByRole('button', { name: 'Remove Great Wall' }));
      await settle();
      expect(fake.requestsTo('removeFavorite')).toEqual([{ id: 'fav-great-wall' }]);
      expect(within(panel).getByText('Removed Great Wall.')).toBeTruthy();
    });

    it("lists the organisation's favourites after the person's own, with no controls to change them", async () => {
      const fake = withBridge((world) => {
        world.favorites.push({ ...ORG_ADDRESS }, { ...ORG_ROOM });
      });
      const panel = await openFavorites(fake);
      // Whatever the id looks like: the window goes by the flag.
      expect(ORG_ADDRESS.id.startsWith('org-')).toBe(false);
      for (const name of ['Lobby', 'Marina One L12 Boardroom']) {
        const row = within(panel)
          .getAllByRole('listitem')
          .find((item) => within(item).queryByText(name) !== null);
        if (row === undefined) throw new Error(`no row for ${name}`);
        expect(within(row).getByText('Set by your organisation')).toBeTruthy();
        expect(
          within(row)
            .getAllByRole('button')
            .map((button) => button.textContent),
        ).toEqual(['Invite']);
        expect(within(row).getByRole('button', { name: `Invite ${name}` })).toBeTruthy();
      }
      // The person's own favourites keep their controls; the last of them cannot move below
      // the organisation's.
      expect(within(panel).getAllByText('Set by your organisation')).toHaveLength(2);
      expect(
        within(panel).getByRole<HTMLButtonElement>('button', { name: 'Move Boardroom codec down' })
          .disabled,
      ).toBe(true);
      expect(
        within(panel).getByRole<HTMLButtonElement>('button', { name: 'Move Boardroom codec up' })
          .disabled,
      ).toBe(false);
      expect(within(panel).getByRole('button', { name: 'Remove Boardroom codec' })).toBeTruthy();

      fireEvent.click(within(panel).getByRole('button', { name: 'Invite Lobby' }));
      await settle();
      expect(fake.requestsTo('startCall')).toEqual([{ favoriteId: ORG_ADDRESS.id }]);
    });

    describe('editing an address', () => {
      const PARTNER = {
        id: 'fav-partner',
        kind: 'mra',
        protocol: 'sip',
        dialString: 'partner@vc.example.com',
        label: 'Partner VC',
        managed: false,
      } as const;

      async function editCodec(fake: FakeBridge, edit: { address?: string; name?: string }) {
        const panel = await openFavorites(fake);
        fireEvent.click(within(panel).getByRole('button', { name: 'Edit Boardroom codec' }));
        await settle();
        const form = within(panel).getByRole('form', { name: 'Edit address' });
        if (edit.address !== undefined) {
          fireEvent.input(within(form).getByRole('textbox', { name: 'Address' }), {
            target: { value: edit.address },
          });
        }
        if (edit.name !== undefined) {
          fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), {
            target: { value: edit.name },
          });
        }
        fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
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

      it('replaces the address in place with one call: same id, same position', async () => {
        const fake = withBridge();
        const { panel } = await editCodec(fake, { address: ' board@vc.example.com ' });
        expect(fake.requestsTo('updateAddressFavorite')).toEqual([
          {
            id: 'fav-codec',
            protocol: 'sip',
            dialString: 'board@vc.example.com',
            label: 'Boardroom codec',
          },
        ]);
        expectOnlyTheOneCall(fake);
        expect(fake.world.favorites.map((favorite) => favorite.id)).toEqual([
          'fav-1801',
          'fav-great-wall',
          'fav-taishan',
          'fav-codec',
        ]);
        expect(fake.world.favorites[3]).toMatchObject({ dialString: 'board@vc.example.com' });
        expect(within(panel).getByText('board@vc.example.com')).toBeTruthy();
        // Saved: the editor has closed.
        expect(within(panel).queryByRole('form', { name: 'Edit address' })).toBeNull();
      });

      it('changes only the name with the same call', async () => {
        const fake = withBridge();
        const { panel } = await editCodec(fake, { name: 'Main codec' });
        expect(fake.requestsTo('updateAddressFavorite')).toEqual([
          {
            id: 'fav-codec',
            protocol: 'sip',
            dialString: 'boardroom@vc.example.com',
            label: 'Main codec',
          },
        ]);
        expectOnlyTheOneCall(fake);
        expect(within(panel).getByText('Main codec')).toBeTruthy();
      });

      it('shows a refused edit and leaves the list as it was', async () => {
        const fake = withBridge((world) => {
          world.favorites.push({ ...PARTNER });
        });
        const before = structuredClone(fake.world.favorites);
        const { panel, form } = await editCodec(fake, { address: 'PARTNER@vc.example.com' });
        expect(fake.requestsTo('updateAddressFavorite')).toHaveLength(1);
        expectOnlyTheOneCall(fake);
        expect(fake.world.favorites).toEqual(before);
        expect(within(panel).getByRole('alert').textContent).toContain(
          "'PARTNER@vc.example.com' is already in your favourites.",
        );
        // The editor stays open with what was typed, to correct or cancel.
        const address = within(form).getByRole<HTMLInputElement>('textbox', { name: 'Address' });
        expect(address.value).toBe('PARTNER@vc.example.com');
        expect(within(panel).getByText('Boardroom codec')).toBeTruthy();
        expect(within(panel).getByText('Partner VC')).toBeTruthy();
      });

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

  it('speaks Chinese', async () => {
    await renderPicker(
      withBridge((world) => {
        world.settings.settings.language = 'zh-CN';
      }),
    );
    expect(screen.getByRole('searchbox', { name: '搜索会议室' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /全部会议室/ })).toBeTruthy();
  });
});
