import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import { ipcError, type FakeBridge } from '../fake-bridge';
import { settle, waitFor, withBridge } from '../setup';

/**
 * A favourites change main did not save (another RoomCall held the file: 'busy') offers a
 * "Try again" that sends the very same change once, keeps what was typed, and puts focus
 * somewhere sensible afterwards.
 *
 * On FakeBridge throughout: each test needs one answer to fail (the file's lock held by another
 * process for the whole wait, or a reply lost after main saved) and the next to succeed, on a
 * chosen verb. The real store gives that only with a second process holding the lock
 * (test/integration/store-lock.test.ts), too slow and racy to time against a click. Picker
 * journeys that save for real are in picker.test.tsx (real bridge).
 */

const GREAT_WALL = '北京·银科大厦 5F 长城厅';
const MARINA = 'Marina One L12 Boardroom';
const BUSY_TITLE = 'Not saved: RoomCall is busy with this file';

async function renderPicker(fake: FakeBridge) {
  render(<PickerApp />);
  await settle();
  await settle();
  return fake;
}

async function openFavorites(fake: FakeBridge) {
  await renderPicker(fake);
  fireEvent.click(screen.getByRole('tab', { name: /Favourites/ }));
  return screen.getByRole('tabpanel', { name: /Favourites/ });
}

function rowOf(panel: HTMLElement, name: string): HTMLElement {
  const row = within(panel)
    .getAllByRole('listitem')
    .find((item) => within(item).queryByText(name) !== null);
  if (row === undefined) throw new Error(`no row for ${name}`);
  return row;
}

async function click(element: HTMLElement) {
  element.focus();
  fireEvent.click(element);
  await settle();
  await settle();
}

const ids = (fake: FakeBridge) => fake.world.favorites.map((favorite) => favorite.id);

describe('favourites: a change that was not saved can be tried again', () => {
  it('moves once more, and focus stays on the moved row’s button', async () => {
    const fake = withBridge();
    fake.failOnce('moveFavorite');
    const panel = await openFavorites(fake);
    await click(within(panel).getByRole('button', { name: 'Move Boardroom codec up' }));

    const row = rowOf(panel, 'Boardroom codec');
    const alert = within(row).getByRole('alert');
    expect(alert.textContent).toContain('Could not move Boardroom codec.');
    expect(alert.textContent).toContain(BUSY_TITLE);
    expect(ids(fake)).toEqual(['fav-1801', 'fav-great-wall', 'fav-taishan', 'fav-codec']);

    await click(within(row).getByRole('button', { name: 'Try again: Move Boardroom codec up' }));
    expect(fake.requestsTo('moveFavorite')).toEqual([
      { id: 'fav-codec', toIndex: 2 },
      { id: 'fav-codec', toIndex: 2 },
    ]);
    expect(ids(fake)).toEqual(['fav-1801', 'fav-great-wall', 'fav-codec', 'fav-taishan']);
    expect(within(panel).queryByRole('alert')).toBeNull();
    await waitFor(() => {
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Boardroom codec up');
    });
  });

  it('removes once more, says so, and focus goes to the row that took its place', async () => {
    const fake = withBridge();
    fake.failOnce('removeFavorite');
    const panel = await openFavorites(fake);
    await click(within(panel).getByRole('button', { name: `Remove ${GREAT_WALL}` }));

    const row = rowOf(panel, GREAT_WALL);
    expect(within(row).getByRole('alert').textContent).toContain(
      `Could not remove ${GREAT_WALL} from favourites.`,
    );
    expect(ids(fake)).toContain('fav-great-wall');

    await click(within(row).getByRole('button', { name: `Try again: Remove ${GREAT_WALL}` }));
    expect(fake.requestsTo('removeFavorite')).toEqual([
      { id: 'fav-great-wall' },
      { id: 'fav-great-wall' },
    ]);
    expect(ids(fake)).toEqual(['fav-1801', 'fav-taishan', 'fav-codec']);
    expect(within(panel).getByText(`Removed ${GREAT_WALL}.`)).toBeTruthy();
    expect(within(panel).queryByRole('alert')).toBeNull();
    await waitFor(() => {
      expect(document.activeElement?.getAttribute('aria-label')).toBe(
        'Remove 成都·天府软件园 8F 泰山厅',
      );
    });
  });

  it('renames once more: the editor kept the name typed, then closes with focus on Edit', async () => {
    const fake = withBridge();
    fake.failOnce('renameFavorite');
    const panel = await openFavorites(fake);
    fireEvent.click(within(panel).getByRole('button', { name: `Edit ${GREAT_WALL}` }));
    const input = within(panel).getByRole<HTMLInputElement>('textbox', {
      name: 'Name shown in the tray',
    });
    fireEvent.input(input, { target: { value: 'Great Wall' } });
    await click(within(panel).getByRole('button', { name: 'Save' }));

    expect(within(panel).getByRole('alert').textContent).toContain(
      `Could not rename ${GREAT_WALL}.`,
    );
    // Still open, with what was typed; nothing saved.
    expect(
      within(panel).getByRole<HTMLInputElement>('textbox', { name: 'Name shown in the tray' })
        .value,
    ).toBe('Great Wall');
    expect(fake.world.favorites[1]?.label).toBeNull();

    await click(within(panel).getByRole('button', { name: `Try again: Rename ${GREAT_WALL}` }));
    expect(fake.requestsTo('renameFavorite')).toEqual([
      { id: 'fav-great-wall', label: 'Great Wall' },
      { id: 'fav-great-wall', label: 'Great Wall' },
    ]);
    expect(fake.world.favorites[1]?.label).toBe('Great Wall');
    expect(within(panel).queryByRole('textbox', { name: 'Name shown in the tray' })).toBeNull();
    await waitFor(() => {
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit Great Wall');
    });
  });

  it('saves an address edit once more, the form having kept its values', async () => {
    const fake = withBridge();
    fake.failOnce('updateAddressFavorite');
    const panel = await openFavorites(fake);
    fireEvent.click(within(panel).getByRole('button', { name: 'Edit Boardroom codec' }));
    await settle();
    const form = within(panel).getByRole('form', { name: 'Edit address' });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Address' }), {
      target: { value: 'board@vc.example.com' },
    });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Board codec' },
    });
    await click(within(form).getByRole('button', { name: 'Save' }));

    const alert = within(panel).getByRole('alert');
    expect(alert.textContent).toContain('Could not save the changes to Boardroom codec.');
    expect(alert.textContent).toContain(BUSY_TITLE);
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Address' }).value).toBe(
      'board@vc.example.com',
    );
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Name' }).value).toBe(
      'Board codec',
    );
    expect(fake.world.favorites[3]).toMatchObject({ dialString: 'boardroom@vc.example.com' });

    await click(
      within(panel).getByRole('button', {
        name: 'Try again: Save the changes to Boardroom codec',
      }),
    );
    const sent = {
      id: 'fav-codec',
      protocol: 'sip',
      dialString: 'board@vc.example.com',
      label: 'Board codec',
    };
    expect(fake.requestsTo('updateAddressFavorite')).toEqual([sent, sent]);
    expect(fake.world.favorites[3]).toMatchObject({
      id: 'fav-codec',
      dialString: 'board@vc.example.com',
      label: 'Board codec',
    });
    expect(within(panel).queryByRole('form', { name: 'Edit address' })).toBeNull();
    await waitFor(() => {
      expect(document.activeElement?.getAttribute('aria-label')).toBe('Edit Board codec');
    });
  });

  it('typing after a failure withdraws the offer: Save sends what is typed now', async () => {
    const fake = withBridge();
    fake.failOnce('renameFavorite');
    const panel = await openFavorites(fake);
    fireEvent.click(within(panel).getByRole('button', { name: `Edit ${GREAT_WALL}` }));
    const input = within(panel).getByRole('textbox', { name: 'Name shown in the tray' });
    fireEvent.input(input, { target: { value: 'Great Wall' } });
    await click(within(panel).getByRole('button', { name: 'Save' }));
    expect(within(panel).getByRole('button', { name: /^Try again/ })).toBeTruthy();
    fireEvent.input(input, { target: { value: 'Great Wall Hall' } });
    await settle();
    expect(within(panel).queryByRole('button', { name: /^Try again/ })).toBeNull();
    expect(fake.requestsTo('renameFavorite')).toHaveLength(1);
  });

  it('a second click while the retry is on its way sends nothing more', async () => {
    const fake = withBridge();
    fake.failOnce('moveFavorite');
    const panel = await openFavorites(fake);
    await click(within(panel).getByRole('button', { name: 'Move Boardroom codec up' }));
    const retry = within(panel).getByRole('button', { name: 'Try again: Move Boardroom codec up' });
    fireEvent.click(retry);
    fireEvent.click(retry);
    await settle();
    await settle();
    expect(fake.requestsTo('moveFavorite')).toHaveLength(2);
  });

  it('offers no Try again where main refused the change itself', async () => {
    const fake = withBridge();
    fake.failOnce(
      'renameFavorite',
      ipcError('validation', null, 'This favourite is set by your organisation.'),
    );
    const panel = await openFavorites(fake);
    fireEvent.click(within(panel).getByRole('button', { name: `Edit ${GREAT_WALL}` }));
    await click(within(panel).getByRole('button', { name: 'Save' }));
    expect(within(panel).getByRole('alert').textContent).toContain(
      'This favourite is set by your organisation.',
    );
    expect(within(panel).queryByRole('button', { name: /^Try again/ })).toBeNull();
  });

  it('retries an address whose first add was saved though its answer was lost: added once', async () => {
    const fake = withBridge();
    fake.failOnce('addFavorite', ipcError('internal'), { afterSaving: true });
    const panel = await openFavorites(fake);
    await settle();
    const form = within(panel).getByRole('form', { name: 'Add a SIP or H.323 address' });
    fireEvent.click(within(form).getByRole('radio', { name: 'H.323' }));
    fireEvent.input(within(form).getByRole('textbox', { name: 'Address' }), {
      target: { value: '+861012345678' },
    });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Room 42' },
    });
    await waitFor(() => {
      expect(within(form).getByText('Valid H.323 address')).toBeTruthy();
    });
    await click(within(form).getByRole('button', { name: 'Add address' }));

    expect(within(panel).getByRole('alert').textContent).toContain(
      'Could not add Room 42 to favourites.',
    );
    // What was typed is still there.
    expect(within(form).getByRole<HTMLInputElement>('textbox', { name: 'Address' }).value).toBe(
      '+861012345678',
    );

    await click(
      within(panel).getByRole('button', { name: 'Try again: Add Room 42 to favourites' }),
    );
    const sent = { kind: 'mra', protocol: 'h323', dialString: '+861012345678', label: 'Room 42' };
    expect(fake.requestsTo('addFavorite')).toEqual([sent, sent]);
    expect(
      fake.world.favorites.filter(
        (favorite) => favorite.kind === 'mra' && favorite.dialString === '+861012345678',
      ),
    ).toHaveLength(1);
    expect(within(panel).getByText('Added Room 42 to favourites.')).toBeTruthy();
    expect(within(panel).queryByRole('alert')).toBeNull();
    // A fresh form for the next address, same protocol, focus in it.
    const fresh = within(panel).getByRole('form', { name: 'Add a SIP or H.323 address' });
    const address = within(fresh).getByRole<HTMLInputElement>('textbox', { name: 'Address' });
    expect(address.value).toBe('');
    expect(within(fresh).getByRole<HTMLInputElement>('radio', { name: 'H.323' }).checked).toBe(
      true,
    );
    await waitFor(() => {
      expect(document.activeElement).toBe(address);
    });
  });

  describe('stars in the room list', () => {
    it('stars once more: focus goes to Try again, then back to the star', async () => {
      const fake = await renderPicker(withBridge());
      fake.failOnce('addFavorite');
      await click(screen.getByRole('button', { name: `Add ${MARINA} to favourites` }));

      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(`Could not add ${MARINA} to favourites.`);
      expect(alert.textContent).toContain(BUSY_TITLE);
      const retry = screen.getByRole('button', { name: `Try again: Add ${MARINA} to favourites` });
      await waitFor(() => {
        expect(document.activeElement).toBe(retry);
      });
      expect(fake.world.favorites).toHaveLength(4);

      await click(retry);
      expect(fake.requestsTo('addFavorite')).toHaveLength(2);
      expect(fake.requestsTo('addFavorite')[1]).toEqual(fake.requestsTo('addFavorite')[0]);
      expect(fake.world.favorites).toHaveLength(5);
      const starred = screen.getByRole('button', { name: `Remove ${MARINA} from favourites` });
      expect(starred.getAttribute('aria-pressed')).toBe('true');
      expect(screen.queryByRole('alert')).toBeNull();
      await waitFor(() => {
        expect(document.activeElement).toBe(starred);
      });
    });

    it('a star whose first attempt was saved after all is a favourite once', async () => {
      const fake = await renderPicker(withBridge());
      fake.failOnce('addFavorite', ipcError('internal'), { afterSaving: true });
      await click(screen.getByRole('button', { name: `Add ${MARINA} to favourites` }));
      await click(screen.getByRole('button', { name: `Try again: Add ${MARINA} to favourites` }));
      expect(fake.requestsTo('addFavorite')).toHaveLength(2);
      expect(
        fake.world.favorites.filter(
          (favorite) => favorite.kind === 'room' && favorite.name === MARINA,
        ),
      ).toHaveLength(1);
      expect(screen.queryByRole('alert')).toBeNull();
    });

    it('unstars once more', async () => {
      const fake = await renderPicker(withBridge());
      fake.failOnce('removeFavorite');
      await click(screen.getByRole('button', { name: `Remove ${GREAT_WALL} from favourites` }));
      expect(screen.getByRole('alert').textContent).toContain(
        `Could not remove ${GREAT_WALL} from favourites.`,
      );
      expect(ids(fake)).toContain('fav-great-wall');
      await click(
        screen.getByRole('button', { name: `Try again: Remove ${GREAT_WALL} from favourites` }),
      );
      expect(fake.requestsTo('removeFavorite')).toEqual([
        { id: 'fav-great-wall' },
        { id: 'fav-great-wall' },
      ]);
      expect(ids(fake)).not.toContain('fav-great-wall');
      expect(screen.getByRole('button', { name: `Add ${GREAT_WALL} to favourites` })).toBeTruthy();
    });
  });

  describe('import and export', () => {
    it('a failed import offers Try again, which sends the same file once more', async () => {
      const fake = withBridge();
      fake.failOnce('importFavorites');
      fake.respond('importFavorites', () => ({ ok: true, data: { added: 1, skipped: [] } }));
      const panel = await openFavorites(fake);
      const input = panel.querySelector('input[type="file"]');
      if (!(input instanceof HTMLInputElement)) throw new Error('no file input');
      const json = '{"items":[{"kind":"mra","protocol":"sip","dialString":"a@b.example"}]}';
      const file = new File([json], 'team.json', { type: 'application/json' });
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      fireEvent.change(input);
      await waitFor(() => {
        expect(within(panel).getByRole('alert').textContent).toContain(
          'Could not import favourites from team.json.',
        );
      });
      expect(within(panel).getByRole('alert').textContent).toContain(BUSY_TITLE);
      expect(within(panel).queryByText('Imported 1 favourite.')).toBeNull();

      await click(within(panel).getByRole('button', { name: 'Try again: Import team.json' }));
      await waitFor(() => {
        expect(within(panel).getByText('Imported 1 favourite.')).toBeTruthy();
      });
      expect(fake.requestsTo('importFavorites')).toEqual([{ json }, { json }]);
      expect(within(panel).queryByRole('alert')).toBeNull();
    });

    it('a failed export offers Try again, and says saved only when main wrote the file', async () => {
      const fake = withBridge();
      fake.failOnce('exportFavorites');
      const panel = await openFavorites(fake);
      await click(within(panel).getByRole('button', { name: 'Export favourites as a JSON file' }));
      expect(within(panel).getByRole('alert').textContent).toContain(
        'Could not export the favourites.',
      );
      expect(within(panel).queryByText(/Saved to/)).toBeNull();
      await click(within(panel).getByRole('button', { name: 'Try again: Export favourites' }));
      expect(fake.requestsTo('exportFavorites')).toHaveLength(2);
      expect(
        within(panel).getByText('Saved to /home/ada/Documents/roomcall-favorites.json'),
      ).toBeTruthy();
      expect(within(panel).queryByRole('alert')).toBeNull();
    });
  });

  it('says Not saved, without an error, when the save dialog is closed', async () => {
    const fake = withBridge();
    fake.respond('exportFavorites', () => ({ ok: true, data: { status: 'cancelled' } }));
    const panel = await openFavorites(fake);
    await click(within(panel).getByRole('button', { name: 'Export favourites as a JSON file' }));
    expect(within(panel).getByText('Not saved.')).toBeTruthy();
    expect(within(panel).queryByText(/Saved to/)).toBeNull();
    expect(within(panel).queryByRole('alert')).toBeNull();
  });

  it('says where the export was saved, or that it was not, in Chinese', async () => {
    const fake = withBridge((world) => {
      world.settings.settings.language = 'zh-CN';
    });
    await renderPicker(fake);
    fireEvent.click(screen.getByRole('tab', { name: /常用/ }));
    const panel = screen.getByRole('tabpanel', { name: /常用/ });
    const exportButton = within(panel).getByRole('button', { name: '将常用项导出为 JSON 文件' });
    await click(exportButton);
    expect(
      within(panel).getByText('已保存到 /home/ada/Documents/roomcall-favorites.json'),
    ).toBeTruthy();
    fake.respond('exportFavorites', () => ({ ok: true, data: { status: 'cancelled' } }));
    await click(exportButton);
    expect(within(panel).getByText('未保存。')).toBeTruthy();
  });

  it('says it in Chinese', async () => {
    const fake = withBridge((world) => {
      world.settings.settings.language = 'zh-CN';
    });
    fake.failOnce('moveFavorite');
    await renderPicker(fake);
    fireEvent.click(screen.getByRole('tab', { name: /常用/ }));
    const panel = screen.getByRole('tabpanel', { name: /常用/ });
    await click(within(panel).getByRole('button', { name: '上移 Boardroom codec' }));
    const alert = within(panel).getByRole('alert');
    expect(alert.textContent).toContain('未能移动 Boardroom codec。');
    expect(alert.textContent).toContain('未保存：另一个 RoomCall 正在使用此文件');
    await click(within(panel).getByRole('button', { name: '重试：上移 Boardroom codec' }));
    expect(fake.requestsTo('moveFavorite')).toHaveLength(2);
    expect(within(panel).queryByRole('alert')).toBeNull();
  });
});
