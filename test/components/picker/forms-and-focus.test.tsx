import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PickerApp } from '../../../renderer/src/picker/picker-app';
import { planFavoritesImport } from '../../../main/core/store/favorites-import';
import type { FavoriteView } from '../../../main/shared/ipc/contract';
import type { FakeBridge } from '../fake-bridge';
import { settle, waitFor, withBridge } from '../setup';

/**
 * Issue 14 items 6 and 8 in the picker: "Add an address" one Tab stop from the Favourites
 * tab, focus never left on the page after a removal or a retry, an E.164 number accepted as
 * people write it (and what was saved said), and an import that says what it skipped.
 */

async function openFavorites(fake: FakeBridge) {
  render(<PickerApp />);
  await settle();
  await settle();
  fireEvent.click(screen.getByRole('tab', { name: /Favourites/ }));
  await settle();
  return { fake, panel: screen.getByRole('tabpanel', { name: /Favourites/ }) };
}

/** What Tab walks through, in order (no positive tabindex on these pages). */
function tabStops(): HTMLElement[] {
  const all = document.querySelectorAll<HTMLElement>(
    'button, input, select, textarea, a[href], [tabindex]',
  );
  return Array.from(all).filter(
    (element) =>
      element.tabIndex >= 0 &&
      !(element as HTMLButtonElement).disabled &&
      element.closest('[hidden]') === null &&
      !(element instanceof HTMLInputElement && element.type === 'radio' && !element.checked),
  );
}

async function press(element: HTMLElement) {
  element.focus();
  fireEvent.click(element);
  await settle();
  await settle();
}

describe('favourites: the address form within reach', () => {
  it('"Add an address…" is the first Tab stop after the Favourites tab, and focuses the form', async () => {
    await openFavorites(withBridge());
    const stops = tabStops();
    const tab = screen.getByRole('tab', { name: /Favourites/ });
    const add = screen.getByRole('button', { name: 'Add an address…' });
    const distance = stops.indexOf(add) - stops.indexOf(tab);
    expect(distance).toBeGreaterThan(0);
    expect(distance).toBeLessThanOrEqual(3);
    await press(add);
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Address' }));
  });
});

describe('favourites: focus after a change', () => {
  it('a removal puts focus on the next row, never the page', async () => {
    const { fake, panel } = await openFavorites(withBridge());
    const second = fake.world.favorites[1];
    const third = fake.world.favorites[2];
    if (second === undefined || third === undefined) throw new Error('sample world changed');
    const name = (favorite: FavoriteView) =>
      favorite.label ?? (favorite.kind === 'room' ? favorite.name : favorite.dialString);
    await press(within(panel).getByRole('button', { name: `Remove ${name(second)}` }));
    await waitFor(() => {
      expect(fake.world.favorites.map((f) => f.id)).not.toContain(second.id);
    });
    await settle();
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement).toBe(
      within(panel).getByRole('button', { name: `Remove ${name(third)}` }),
    );
  });

  it('removing the last one left puts focus on the list’s heading', async () => {
    const { fake, panel } = await openFavorites(
      withBridge((world) => {
        world.favorites = world.favorites.slice(0, 1);
      }),
    );
    const only = fake.world.favorites[0];
    if (only === undefined) throw new Error('sample world changed');
    await press(within(panel).getByRole('button', { name: /^Remove / }));
    await settle();
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.tagName).toBe('H2');
  });

  it('a removal that is tried again leaves focus on the next row', async () => {
    const { fake, panel } = await openFavorites(withBridge());
    fake.failOnce('removeFavorite');
    const first = within(panel).getAllByRole('button', { name: /^Remove / })[0];
    if (first === undefined) throw new Error('no rows');
    await press(first);
    await press(within(panel).getByRole('button', { name: /^Try again: Remove / }));
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement?.getAttribute('data-action')).toBe('remove');
  });
});

describe('favourites: focus after Try again on an export', () => {
  it('returns to the Export button once the retry saved the file', async () => {
    const { fake, panel } = await openFavorites(withBridge());
    fake.failOnce('exportFavorites');
    const exportButton = within(panel).getByRole('button', {
      name: 'Export favourites as a JSON file',
    });
    await press(exportButton);
    await press(within(panel).getByRole('button', { name: 'Try again: Export favourites' }));
    expect(fake.requestsTo('exportFavorites')).toHaveLength(2);
    expect(document.activeElement).not.toBe(document.body);
    expect(document.activeElement).toBe(exportButton);
  });
});

describe('favourites: an E.164 number as people write it', () => {
  it('accepts full-width digits with dashes, sends the digits and says what was saved', async () => {
    const { fake, panel } = await openFavorites(withBridge());
    const form = within(panel).getByRole('form', { name: 'Add a SIP or H.323 address' });
    fireEvent.click(within(form).getByRole('radio', { name: 'H.323' }));
    fireEvent.input(within(form).getByRole('textbox', { name: 'Address' }), {
      target: { value: '＋８６－１０－１２３４－５６７８' },
    });
    await waitFor(() => {
      expect(
        within(form).getByText('Valid H.323 address: it will be saved as +861012345678'),
      ).toBeTruthy();
    });
    fireEvent.input(within(form).getByRole('textbox', { name: 'Name' }), {
      target: { value: 'Beijing office' },
    });
    fireEvent.submit(form);
    await settle();
    await settle();
    expect(fake.requestsTo('addFavorite')).toEqual([
      { kind: 'mra', protocol: 'h323', dialString: '+861012345678', label: 'Beijing office' },
    ]);
    expect(panel.querySelector('.panel-notice')?.textContent).toBe(
      'Added Beijing office to favourites. Saved as +861012345678.',
    );
  });
});

describe('favourites: an import says what it skipped and why', () => {
  it('skips a room ID that is not digits, naming the entry and the reason', async () => {
    const fake = withBridge();
    // The core's own planner, as main's favourites service runs it.
    fake.respond('importFavorites', (request) => {
      const plan = planFavoritesImport(JSON.parse(request.json) as unknown, []);
      return {
        ok: true,
        data: {
          added: plan.add.length,
          skipped: plan.skipped.map((skip) => ({ index: skip.position - 1, reason: skip.reason })),
          skippedCount: plan.skippedCount,
        },
      };
    });
    const { panel } = await openFavorites(fake);
    const json = JSON.stringify({
      format: 'roomcall-favorites',
      version: 1,
      favorites: [
        { kind: 'room', meetingRoomId: 'abc', name: 'Everest' },
        { kind: 'room', meetingRoomId: '1234567890123456789', name: 'K2' },
      ],
    });
    const input = panel.querySelector<HTMLInputElement>('input[type=file]');
    if (input === null) throw new Error('no file input');
    Object.defineProperty(input, 'files', {
      value: [new File([json], 'rooms.json', { type: 'application/json' })],
      configurable: true,
    });
    fireEvent.change(input);
    await waitFor(() => {
      expect(panel.querySelector('.import-report')).not.toBeNull();
    });
    const report = panel.querySelector('.import-report')?.textContent ?? '';
    expect(report).toContain('Imported 1 favourite.');
    expect(report).toContain('1 entry was skipped:');
    expect(report).toContain(
      "Entry 1: A meeting room ID has digits only (e.g. 1234567890123456789); 'abc' contains 'a'.",
    );
  });
});
