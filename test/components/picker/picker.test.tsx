import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import { startRealBridge, type RealBridge, type RealBridgeOptions } from '../real-bridge';
import { addAddressFavorite, addRoomFavorite, managedConfig, roomNamed } from '../real-world';
import { settle, waitFor, withRealBridge } from '../setup';
import { submitAddressEdit } from './address-edit';

async function renderPicker<B>(bridge: B): Promise<B> {
  render(<PickerApp />);
  await settle();
  await settle();
  return bridge;
}

/** The simulator's eight rooms, one of each behaviour (test/sim/README.md), by name. */
const SHENZHEN_1801 = '深圳·滨海大厦 18F 1801 会议室';
const GREAT_WALL = '北京·银科大厦 5F 长城厅';
const TAISHAN = '成都·天府软件园 8F 泰山厅';
const MARINA = 'Marina One L12 Boardroom';
const SIM_ROOMS = 8;

/**
 * The real app over a simulator with its eight curated rooms, synced once (as in an app that
 * has been running), and the picker open on them.
 */
async function realPicker(
  options: RealBridgeOptions = {},
  before: (real: RealBridge) => Promise<unknown> = () => Promise.resolve(),
) {
  const real = await withRealBridge({ rooms: SIM_ROOMS, ...options });
  if (options.configured !== false) {
    await real.harness.ok('refreshDirectory');
    await real.harness.app.directory.whenIdle();
  }
  await before(real);
  await renderPicker(real);
  if (options.configured !== false) {
    // Every room listed (in whatever language the page speaks).
    await waitFor(() => {
      expect(screen.getAllByRole('listitem').length).toBeGreaterThanOrEqual(SIM_ROOMS);
    });
  }
  return real;
}

function roomList() {
  return screen.getByRole('list', { name: 'Rooms' });
}

function search(text: string) {
  fireEvent.input(screen.getByRole('searchbox', { name: 'Search rooms' }), {
    target: { value: text },
  });
}

function rowText(name: string): string {
  const rows = within(roomList()).getAllByRole('listitem');
  return rows.find((row) => row.textContent.includes(name))?.textContent ?? '';
}

describe('room picker (the real app over the simulator)', () => {
  it('shows the cached directory at once, then refreshes it in the background', async () => {
    const real = await realPicker();
    const listed = real.harness.requestsTo('GET', '/v1/meeting-rooms').length;
    expect(real.requestsTo('getDirectory').length).toBeGreaterThan(0);
    expect(real.requestsTo('refreshDirectory')).toHaveLength(1);
    // The background refresh asked Tencent again.
    await waitFor(() => {
      expect(real.harness.requestsTo('GET', '/v1/meeting-rooms').length).toBeGreaterThan(1);
    });
    expect(listed).toBeGreaterThan(0);
  });

  it('shows a failed refresh with its code', async () => {
    await realPicker({}, (real) => {
      // Tencent's rate limit on the room list, for the refresh the picker asks for.
      real.harness.sim.faults.inject({
        type: 'rate-limit',
        path: '/v1/meeting-rooms',
        times: Infinity,
      });
      return Promise.resolve();
    });
    await waitFor(
      () => {
        expect(screen.getByText('Too many requests')).toBeTruthy();
      },
      { timeout: 5000 },
    );
    expect(screen.getByText('Error code 190310')).toBeTruthy();
  });

  describe('search', () => {
    it('matches name and location, every word, ignoring case and width', async () => {
      await realPicker();
      search('MARINA');
      expect(within(roomList()).getAllByRole('listitem')).toHaveLength(1);
      search('深圳 18');
      expect(within(roomList()).getByText(SHENZHEN_1801)).toBeTruthy();
      expect(within(roomList()).getAllByRole('listitem')).toHaveLength(1);
      search('ｓｉｎｇａｐｏｒｅ');
      expect(within(roomList()).getByText(MARINA)).toBeTruthy();
      search('nowhere at all');
      expect(
        screen.getByText('No room matches. Try fewer words, or clear the filters.'),
      ).toBeTruthy();
      fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
      expect(within(roomList()).getAllByRole('listitem')).toHaveLength(SIM_ROOMS);
    });

    it('matches pinyin and initials once the dictionary has loaded', async () => {
      await realPicker();
      search('changcheng');
      await waitFor(
        () => {
          expect(within(roomList()).getByText(GREAT_WALL)).toBeTruthy();
        },
        { timeout: 5000 },
      );
      search('bhds');
      expect(within(roomList()).getByText(SHENZHEN_1801)).toBeTruthy();
    });

    it('filters callable rooms and by status, and sorts', async () => {
      await realPicker();
      fireEvent.click(screen.getByRole('checkbox', { name: 'Callable only' }));
      expect(within(roomList()).queryByText(TAISHAN)).toBeNull();
      fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), {
        target: { value: 'in-use' },
      });
      expect(within(roomList()).getAllByRole('listitem')).toHaveLength(1);
      expect(screen.getByText(`1 of ${String(SIM_ROOMS)} rooms`)).toBeTruthy();
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

  it('stars and unstars rooms, and main keeps what the star says', async () => {
    const real = await realPicker();
    const marina = roomNamed(real, MARINA);
    fireEvent.click(screen.getByRole('button', { name: `Add ${MARINA} to favourites` }));
    const unstar = await screen.findByRole('button', { name: `Remove ${MARINA} from favourites` });
    expect(real.requestsTo('addFavorite')).toEqual([
      {
        kind: 'room',
        meetingRoomId: marina.meeting_room_id,
        name: MARINA,
        location: marina.meeting_room_location,
      },
    ]);
    await waitFor(async () => {
      expect(await real.harness.ok('listFavorites')).toMatchObject([
        { kind: 'room', meetingRoomId: marina.meeting_room_id },
      ]);
    });
    expect(unstar.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(unstar);
    expect(await screen.findByRole('button', { name: `Add ${MARINA} to favourites` })).toBeTruthy();
    expect(real.requestsTo('removeFavorite')).toHaveLength(1);
    await waitFor(async () => {
      expect(await real.harness.ok('listFavorites')).toEqual([]);
    });
  });

  it('invites several selected rooms at once, each row with its own progress', async () => {
    const real = await realPicker({ holdRinging: true });
    const shenzhen = roomNamed(real, SHENZHEN_1801);
    const marina = roomNamed(real, MARINA);
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${SHENZHEN_1801}` }));
    fireEvent.click(screen.getByRole('checkbox', { name: `Select ${MARINA}` }));
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: `Select ${TAISHAN}` }).disabled,
    ).toBe(true);
    fireEvent.click(
      screen.getByRole('button', {
        name: `Invite ${MARINA}, ${SHENZHEN_1801}`,
      }),
    );
    await waitFor(() => {
      expect(rowText(SHENZHEN_1801)).toContain('Ringing…');
      expect(rowText(MARINA)).toContain('Ringing…');
    });
    // One room-call each reached Tencent.
    expect(real.harness.requestsTo('PUT', '/v1/meeting-rooms/room-call')).toHaveLength(2);
    expect(
      real
        .requestsTo('startCall')
        .map((request) =>
          typeof request === 'object' && request !== null && 'room' in request
            ? request.room
            : null,
        ),
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ meetingRoomId: shenzhen.meeting_room_id }),
        expect.objectContaining({ meetingRoomId: marina.meeting_room_id }),
      ]),
    );

    const cancel = screen.getByRole('button', { name: `Cancel the call to ${SHENZHEN_1801}` });
    cancel.focus();
    fireEvent.click(cancel);
    await waitFor(() => {
      expect(rowText(SHENZHEN_1801)).toContain('Cancelled');
    });
    // Cancel gives way to Invite in the same place: focus stays there, not on the page.
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: `Invite ${SHENZHEN_1801}` }),
    );
    real.finishRinging();
    await waitFor(() => {
      expect(rowText(MARINA)).toContain('In the meeting');
    });
    expect(
      real.harness.sim.requests.filter(
        (request) => request.path === '/v1/meeting-rooms/cancel-room-call',
      ),
    ).toHaveLength(1);
  });

  it('moves between rows with the arrow keys', async () => {
    await realPicker();
    const searchBox = screen.getByRole('searchbox', { name: 'Search rooms' });
    fireEvent.keyDown(searchBox, { key: 'ArrowDown' });
    const first = document.activeElement;
    expect(first?.getAttribute('aria-label')).toMatch(/^Invite /);
    fireEvent.keyDown(first ?? document.body, { key: 'ArrowDown' });
    expect(document.activeElement).not.toBe(first);
    expect(document.activeElement?.getAttribute('data-col')).toBe('invite');
  });

  it('sends an unconfigured app to settings', async () => {
    await realPicker({ configured: false });
    expect(await screen.findByText('RoomCall is not set up yet')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
  });

  describe('favourites', () => {
    async function openFavorites() {
      fireEvent.click(screen.getByRole('tab', { name: /Favourites/ }));
      const panel = screen.getByRole('tabpanel', { name: /Favourites/ });
      await waitFor(() => {
        expect(
          within(panel).getByRole('form', { name: 'Add a SIP or H.323 address' }),
        ).toBeTruthy();
      });
      return panel;
    }

    it('validates a SIP address as it is typed, with the core’s rules, and adds it', async () => {
      const real = await realPicker();
      const panel = await openFavorites();
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
      expect(await within(panel).findByText('Added Room 42 to favourites.')).toBeTruthy();
      expect(real.requestsTo('addFavorite')).toEqual([
        { kind: 'mra', protocol: 'sip', dialString: 'room42@vc.example.com', label: 'Room 42' },
      ]);
      expect(await real.harness.ok('listFavorites')).toMatchObject([
        { kind: 'mra', protocol: 'sip', dialString: 'room42@vc.example.com', label: 'Room 42' },
      ]);
    });

    it('applies the H.323 rules when H.323 is chosen', async () => {
      await realPicker();
      const panel = await openFavorites();
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

    it('reorders, renames and removes favourites, as main saves them', async () => {
      let greatWall = '';
      let codec = '';
      const real = await realPicker({}, async (app) => {
        await addRoomFavorite(app, roomNamed(app, SHENZHEN_1801));
        greatWall = (await addRoomFavorite(app, roomNamed(app, GREAT_WALL))).id;
        await addRoomFavorite(app, roomNamed(app, TAISHAN));
        codec = (await addAddressFavorite(app, 'accepted', 'Boardroom codec')).id;
      });
      const saved = async () =>
        (await real.harness.ok('listFavorites')).map((favorite) =>
          favorite.kind === 'room' ? (favorite.label ?? favorite.name) : favorite.label,
        );
      const panel = await openFavorites();
      fireEvent.click(within(panel).getByRole('button', { name: 'Move Boardroom codec up' }));
      await waitFor(async () => {
        expect(await saved()).toEqual([SHENZHEN_1801, GREAT_WALL, 'Boardroom codec', TAISHAN]);
      });
      expect(real.requestsTo('moveFavorite')).toEqual([{ id: codec, toIndex: 2 }]);
      expect(
        within(panel).getByRole<HTMLButtonElement>('button', { name: /^Move 深圳.* up$/ }).disabled,
      ).toBe(true);

      fireEvent.click(within(panel).getByRole('button', { name: `Edit ${GREAT_WALL}` }));
      fireEvent.input(within(panel).getByRole('textbox', { name: 'Name shown in the tray' }), {
        target: { value: 'Great Wall' },
      });
      fireEvent.click(within(panel).getByRole('button', { name: 'Save' }));
      expect(await within(panel).findByText('Great Wall')).toBeTruthy();
      expect(real.requestsTo('renameFavorite')).toEqual([{ id: greatWall, label: 'Great Wall' }]);
      expect(await saved()).toEqual([SHENZHEN_1801, 'Great Wall', 'Boardroom codec', TAISHAN]);

      fireEvent.click(within(panel).getByRole('button', { name: 'Remove Great Wall' }));
      expect(await within(panel).findByText('Removed Great Wall.')).toBeTruthy();
      expect(real.requestsTo('removeFavorite')).toEqual([{ id: greatWall }]);
      expect(await saved()).toEqual([SHENZHEN_1801, 'Boardroom codec', TAISHAN]);
    });

    describe('editing an address', () => {
      async function editCodec(edit: { address?: string; name?: string }, partner = false) {
        let codec = '';
        const real = await realPicker({}, async (app) => {
          codec = (await addAddressFavorite(app, 'accepted', 'Boardroom codec')).id;
          if (partner) {
            await app.harness.ok('addFavorite', {
              kind: 'mra',
              protocol: 'sip',
              dialString: 'partner@vc.example.com',
              label: 'Partner VC',
            });
          }
        });
        const before = await real.harness.ok('listFavorites');
        const panel = await openFavorites();
        const form = await submitAddressEdit(panel, 'Boardroom codec', edit);
        await waitFor(() => {
          expect(real.requestsTo('updateAddressFavorite')).toHaveLength(1);
        });
        await settle();
        await settle();
        return { real, panel, form, codec, before };
      }

      /** Only the one atomic verb: never the add, remove and move it replaced. */
      function expectOnlyTheOneCall(real: RealBridge) {
        expect(real.requestsTo('addFavorite')).toEqual([]);
        expect(real.requestsTo('removeFavorite')).toEqual([]);
        expect(real.requestsTo('moveFavorite')).toEqual([]);
        expect(real.requestsTo('renameFavorite')).toEqual([]);
      }

      it('replaces the address in place with one call: same id, same position', async () => {
        const { real, panel, codec, before } = await editCodec({
          address: ' board@vc.example.com ',
        });
        expect(real.requestsTo('updateAddressFavorite')).toEqual([
          {
            id: codec,
            protocol: 'sip',
            dialString: 'board@vc.example.com',
            label: 'Boardroom codec',
          },
        ]);
        expectOnlyTheOneCall(real);
        // Saved: the editor has closed once main answered, the row shows the new address.
        await waitFor(() => {
          expect(within(panel).queryByRole('form', { name: 'Edit address' })).toBeNull();
        });
        expect(within(panel).getByText('board@vc.example.com')).toBeTruthy();
        const after = await real.harness.ok('listFavorites');
        expect(after.map((favorite) => favorite.id)).toEqual(before.map((favorite) => favorite.id));
        expect(after[0]).toMatchObject({ id: codec, dialString: 'board@vc.example.com' });
      });

      it('changes only the name with the same call', async () => {
        const { real, panel, codec } = await editCodec({ name: 'Main codec' });
        expect(real.requestsTo('updateAddressFavorite')).toEqual([
          { id: codec, protocol: 'sip', dialString: 'boardroom@10.1.2.3', label: 'Main codec' },
        ]);
        expectOnlyTheOneCall(real);
        await waitFor(() => {
          expect(within(panel).getByText('Main codec')).toBeTruthy();
        });
      });

      it('shows a refused edit and leaves the list as it was', async () => {
        const { real, panel, form, before } = await editCodec(
          { address: 'PARTNER@vc.example.com' },
          true,
        );
        expectOnlyTheOneCall(real);
        await waitFor(() => {
          expect(within(panel).getByRole('alert').textContent).toContain('PARTNER@vc.example.com');
        });
        // Main answered with its refusal, and changed nothing.
        expect(await real.harness.ok('listFavorites')).toEqual(before);
        expect(within(panel).getByRole('alert').textContent).toContain(
          'already in your favourites',
        );
        // The editor stays open with what was typed, to correct or cancel.
        const address = within(form).getByRole<HTMLInputElement>('textbox', { name: 'Address' });
        expect(address.value).toBe('PARTNER@vc.example.com');
        expect(within(panel).getByText('Boardroom codec')).toBeTruthy();
        expect(within(panel).getByText('Partner VC')).toBeTruthy();
      });
    });
  });

  describe("the organisation's favourites (a managed configuration)", () => {
    /** As IT would set them: an address and a room of the simulator. */
    function organisation(real: RealBridge) {
      const marina = roomNamed(real, MARINA);
      return [
        { kind: 'mra', protocol: 'sip', dialString: 'lobby@10.1.2.3', label: 'Lobby' },
        {
          kind: 'room',
          meetingRoomId: marina.meeting_room_id,
          name: MARINA,
          location: marina.meeting_room_location,
          label: null,
        },
      ] as const;
    }

    async function managedPicker(own: (real: RealBridge) => Promise<unknown>) {
      // The simulator's rooms are the same for every start (seeded): read them from a first
      // one to write the managed configuration the app starts with.
      const probe = await startRealBridge({ rooms: SIM_ROOMS });
      const favorites = organisation(probe);
      await probe.close();
      return realPicker({ managed: managedConfig({ favorites }) }, own);
    }

    it('keeps them starred: the star says why and does nothing', async () => {
      const real = await managedPicker((app) => addRoomFavorite(app, roomNamed(app, GREAT_WALL)));
      const star = await screen.findByRole('button', {
        name: `${MARINA} is a favourite set by your organisation (cannot be removed)`,
      });
      expect(star.getAttribute('aria-pressed')).toBe('true');
      expect(star.getAttribute('aria-disabled')).toBe('true');
      fireEvent.click(star);
      await settle();
      expect(real.requestsTo('removeFavorite')).toEqual([]);
      // The person's own room favourites unstar as before.
      expect(
        screen.getByRole('button', { name: `Remove ${GREAT_WALL} from favourites` }),
      ).toBeTruthy();
    });

    it("lists them after the person's own, with no controls to change them", async () => {
      const real = await managedPicker(async (app) => {
        await addRoomFavorite(app, roomNamed(app, SHENZHEN_1801));
        await addAddressFavorite(app, 'accepted', 'Boardroom codec');
      });
      fireEvent.click(screen.getByRole('tab', { name: /Favourites/ }));
      const panel = screen.getByRole('tabpanel', { name: /Favourites/ });
      await within(panel).findByRole('button', { name: 'Invite Lobby' });
      for (const name of ['Lobby', MARINA]) {
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

      const lobby = (await real.harness.ok('listFavorites')).find(
        (favorite) => favorite.managed && favorite.kind === 'mra',
      );
      fireEvent.click(within(panel).getByRole('button', { name: 'Invite Lobby' }));
      await waitFor(() => {
        expect(real.requestsTo('startCall')).toEqual([{ favoriteId: lobby?.id }]);
      });
    });
  });

  it('speaks Chinese', async () => {
    await realPicker({}, (real) => real.harness.ok('updateSettings', { language: 'zh-CN' }));
    expect(screen.getByRole('searchbox', { name: '搜索会议室' })).toBeTruthy();
    expect(screen.getByRole('tab', { name: /全部会议室/ })).toBeTruthy();
  });
});
