/**
 * Arrow-key movement between a page's rows ([data-nav="row"] elements, in document order),
 * with the filter box above the first row. Typing a character on a row sends it to the
 * filter, so a person can keep typing wherever the focus is.
 */
function rowsIn(container: ParentNode): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>('[data-nav="row"]'));
}

export function focusRow(container: ParentNode, index: number): boolean {
  const rows = rowsIn(container);
  const row = rows[Math.max(0, Math.min(index, rows.length - 1))];
  if (row === undefined) return false;
  row.focus();
  row.scrollIntoView({ block: 'nearest' });
  return true;
}

interface Options {
  readonly container: ParentNode;
  readonly filter: HTMLInputElement | null;
  /** Called with a typed character to append to the filter. */
  readonly onType: (char: string) => void;
}

/** Handles a keydown on a row; returns true when it consumed the key. */
export function handleRowKey(
  event: KeyboardEvent,
  { container, filter, onType }: Options,
): boolean {
  const target = event.target;
  if (!(target instanceof HTMLElement) || target.dataset['nav'] !== 'row') return false;
  const rows = rowsIn(container);
  const index = rows.indexOf(target);
  switch (event.key) {
    case 'ArrowDown':
      return focusRow(container, index + 1);
    case 'ArrowUp':
      if (index <= 0 && filter !== null) {
        filter.focus();
        return true;
      }
      return focusRow(container, index - 1);
    case 'Home':
      return focusRow(container, 0);
    case 'End':
      return focusRow(container, rows.length - 1);
    default: {
      const typed = typedCharacter(event);
      if (typed === null) return false;
      onType(typed);
      filter?.focus();
      return true;
    }
  }
}

/** A key that types a character (what a person means to search for), not a command. */
export function typedCharacter(event: KeyboardEvent): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  return event.key.length === 1 && event.key !== ' ' ? event.key : null;
}
