import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Rows drawn beyond the visible ones, above and below, so fast scrolling shows no gaps. */
const OVERSCAN = 6;

export interface FocusRequest {
  readonly index: number;
  readonly selector: string;
}

interface Props<T> {
  readonly items: readonly T[];
  /** Every row is this tall (CSS must agree): positions are arithmetic, not measured. */
  readonly rowHeight: number;
  readonly renderRow: (item: T, index: number) => ComponentChildren;
  readonly itemKey: (item: T) => string;
  readonly label: string;
  /**
   * Keyboard movement: scroll row `index` into view, then focus the element matching
   * `selector` inside it once that row is rendered. A new object is a new request.
   */
  readonly focusRequest?: FocusRequest | null;
  readonly onKeyDown?: (event: KeyboardEvent) => void;
  /** When this changes (a new search), the list scrolls back to the top. */
  readonly resetKey?: string;
  /**
   * Pixels over the list's bottom that something covers (the batch bar): added after the last
   * row, and kept clear when a row is scrolled into view. Rows never move for it.
   */
  readonly endPadding?: number;
}

/**
 * A windowed list: thousands of items, a couple of dozen rows in the DOM. The inner box has
 * the full height so the scrollbar is honest; rows are positioned with transforms. Sizes are
 * set through the CSSOM (element.style), which the pages' CSP allows, never style strings.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  renderRow,
  itemKey,
  label,
  focusRequest = null,
  onKeyDown,
  resetKey = '',
  endPadding = 0,
}: Props<T>) {
  const viewport = useRef<HTMLDivElement | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(480);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (element === null) return undefined;
    setHeight(element.clientHeight || 480);
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(() => {
      setHeight(element.clientHeight || 480);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);

  // A new search starts at the top; a background refresh of the same search stays put.
  useEffect(() => {
    if (viewport.current !== null) viewport.current.scrollTop = 0;
    setScrollTop(0);
  }, [resetKey]);

  const pendingFocus = useRef<FocusRequest | null>(null);
  useEffect(() => {
    const element = viewport.current;
    if (focusRequest === null || element === null) return;
    pendingFocus.current = focusRequest;
    const top = focusRequest.index * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight - endPadding)
      element.scrollTop = top + rowHeight - element.clientHeight + endPadding;
    setScrollTop(element.scrollTop);
  }, [focusRequest, rowHeight, endPadding]);

  // After every render: the requested row may only now exist (it was scrolled into view).
  useEffect(() => {
    const request = pendingFocus.current;
    if (request === null || viewport.current === null) return;
    const target = viewport.current.querySelector<HTMLElement>(
      `[data-index="${String(request.index)}"] ${request.selector}`,
    );
    if (target !== null) {
      pendingFocus.current = null;
      target.focus();
    }
  });

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + OVERSCAN);
  const rows = [];
  for (let index = first; index < last; index += 1) {
    const item = items[index];
    if (item === undefined) continue;
    rows.push(
      <div
        key={itemKey(item)}
        class="vrow"
        role="listitem"
        aria-setsize={items.length}
        aria-posinset={index + 1}
        data-index={index}
        style={{
          transform: `translateY(${String(index * rowHeight)}px)`,
          height: `${String(rowHeight)}px`,
        }}
      >
        {renderRow(item, index)}
      </div>,
    );
  }

  return (
    <div
      class="vlist"
      ref={viewport}
      onScroll={(event) => {
        setScrollTop(event.currentTarget.scrollTop);
      }}
      onKeyDown={onKeyDown}
    >
      <div
        class="vlist-inner"
        role="list"
        aria-label={label}
        style={{ height: `${String(items.length * rowHeight + endPadding)}px` }}
      >
        {rows}
      </div>
    </div>
  );
}
