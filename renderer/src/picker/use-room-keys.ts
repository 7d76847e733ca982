import { useCallback, useEffect } from 'preact/hooks';
import { typedCharacter } from '../lib/row-navigation';
import type { RoomQuery } from './room-query';
import type { FocusRequest } from './virtual-list';
import type { RoomView } from '../../../main/shared/ipc/contract';

interface Options {
  readonly shown: readonly RoomView[];
  readonly query: RoomQuery;
  readonly setQuery: (query: RoomQuery) => void;
  readonly search: { readonly current: HTMLInputElement | null };
  readonly setFocusRequest: (request: FocusRequest) => void;
  /** What Enter in the search invites (the first result), or null when Enter does nothing. */
  readonly enterTarget: RoomView | null;
  /** The row button's own invite action (same one-ring rules). */
  readonly invite: (room: RoomView) => void;
}

/** PageUp/PageDown move by about a screenful of compact rows. */
const PAGE = 8;

/**
 * The Rooms tab by keyboard, search first: the search has focus when the window opens (and
 * when it comes back with nothing focused); typing filters; Enter invites the first result;
 * ArrowDown moves into the list, where the arrows move between rows (the highlight is the
 * focused row, and Enter on its Invite button invites it); ArrowUp from the first row, or
 * typing on any row, goes back to the search.
 */
export function useRoomKeys({
  shown,
  query,
  setQuery,
  search,
  setFocusRequest,
  enterTarget,
  invite,
}: Options) {
  useEffect(() => {
    search.current?.focus();
    // Shown again (restored, or brought back with focus nowhere): back to the search. Focus
    // a person left on a row stays where it was.
    const refocus = () => {
      if (document.visibilityState !== 'visible') return;
      const active = document.activeElement;
      if (active === null || active === document.body) search.current?.focus();
    };
    window.addEventListener('focus', refocus);
    document.addEventListener('visibilitychange', refocus);
    return () => {
      window.removeEventListener('focus', refocus);
      document.removeEventListener('visibilitychange', refocus);
    };
  }, [search]);

  const moveFocus = useCallback(
    (to: number, col: string) => {
      if (to < 0) {
        search.current?.focus();
        return;
      }
      const index = Math.min(to, shown.length - 1);
      if (index >= 0) setFocusRequest({ index, selector: `[data-col="${col}"]` });
    },
    [search, setFocusRequest, shown.length],
  );

  const onSearchKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      moveFocus(0, 'invite');
    } else if (event.key === 'Enter' && !event.isComposing) {
      // Enter while an input method composes pinyin commits the characters: not an invite.
      event.preventDefault();
      if (enterTarget !== null) invite(enterTarget);
    } else if (event.key === 'Escape' && query.text !== '') {
      event.preventDefault();
      setQuery({ ...query, text: '' });
    }
  };

  const onListKey = (event: KeyboardEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    const col = target.dataset['col'];
    const row = target.closest<HTMLElement>('[data-index]');
    if (col === undefined || row === null) return;
    const at = Number(row.dataset['index']);
    const step = { ArrowDown: 1, ArrowUp: -1, PageDown: PAGE, PageUp: -PAGE }[event.key];
    const typed = typedCharacter(event);
    if (step !== undefined) {
      event.preventDefault();
      moveFocus(at + step, col);
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      moveFocus(event.key === 'Home' ? 0 : shown.length - 1, col);
    } else if (typed !== null) {
      // Typing on a row goes on with the search, as in the popover's favourites.
      event.preventDefault();
      setQuery({ ...query, text: query.text + typed });
      search.current?.focus();
    }
  };

  return { onSearchKeyDown, onListKey };
}
