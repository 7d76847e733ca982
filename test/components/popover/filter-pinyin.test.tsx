/**
 * Issue 14: the popover's filter is the picker's search (lib/search-index.ts and
 * lib/pinyin-keys.ts): names as written, full pinyin and initials.
 */
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { PopoverApp } from '../../../renderer/src/popover/popover-app';
import { favoriteSearchKey, filterFavorites } from '../../../renderer/src/popover/filter-favorites';
import { pinyinKey } from '../../../renderer/src/lib/pinyin-keys';
import { sampleWorld, type FakeBridge } from '../fake-bridge';
import { settle, waitFor, withBridge } from '../setup';

async function renderPopover(fake: FakeBridge) {
  render(<PopoverApp />);
  await settle();
  await settle();
  return fake;
}

function filterTo(text: string) {
  fireEvent.input(screen.getByRole('searchbox', { name: 'Filter favourites' }), {
    target: { value: text },
  });
}

function shownNames(): (string | null)[] {
  const list = screen.queryByRole('list', { name: 'Favourites' });
  if (list === null) return [];
  return within(list)
    .getAllByRole('button', { name: /^Invite / })
    .map((button) => button.getAttribute('title'));
}

describe('the popover’s filter', () => {
  it('finds favourites by full pinyin and by initials, and invites the top one with Enter', async () => {
    const fake = await renderPopover(withBridge());
    filterTo('changcheng');
    // The dictionary is a chunk of its own, loaded when Latin letters are typed.
    await waitFor(
      () => {
        expect(shownNames()).toEqual(['北京·银科大厦 5F 长城厅']);
      },
      { timeout: 5000 },
    );
    filterTo('bhds');
    expect(shownNames()).toEqual(['深圳·滨海大厦 18F 1801 会议室']);
    filterTo('cdtf');
    expect(shownNames()).toEqual(['成都·天府软件园 8F 泰山厅']);
    // Several words: each must match, pinyin or not.
    filterTo('beijing 5F');
    expect(shownNames()).toEqual(['北京·银科大厦 5F 长城厅']);
    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Filter favourites' }), {
      key: 'Enter',
    });
    await settle();
    expect(fake.requestsTo('startCall')).toEqual([{ favoriteId: 'fav-great-wall' }]);
  });

  it('still finds names as written, addresses by their dial string, and says when nothing matches', async () => {
    await renderPopover(withBridge());
    filterTo('长城');
    expect(shownNames()).toEqual(['北京·银科大厦 5F 长城厅']);
    filterTo('ＢＯＡＲＤＲＯＯＭ');
    expect(shownNames()).toEqual(['Boardroom codec']);
    filterTo('zzzq');
    await settle();
    expect(screen.getByText('No favourite matches “zzzq”.')).toBeTruthy();
  });

  it('builds the same keys as the picker’s rooms: texts, then their pinyin', () => {
    const favorites = sampleWorld().favorites;
    const keyOf = (favorite: (typeof favorites)[number]) => favoriteSearchKey(favorite, pinyinKey);
    const names = (query: string) =>
      filterFavorites(favorites, query, keyOf).map((favorite) => favorite.id);
    expect(names('changcheng')).toEqual(['fav-great-wall']);
    expect(names('szbh')).toEqual(['fav-1801']);
    expect(names('sip')).toEqual(['fav-codec']);
    // Without the dictionary, only the texts.
    expect(filterFavorites(favorites, 'changcheng')).toEqual([]);
    // No word spans two fields (the name and the location).
    expect(names('会议室深圳')).toEqual([]);
  });
});
