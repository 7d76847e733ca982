import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  readonly items: readonly T[];
  /** Every row is this tall (CSS must agree): positions are arithmetic, not measured. */
  readonly rowHeight: number;
  readonly renderRow: (item: T, index: number) => ComponentChildren;
  readonly itemKey: (item: T) => string;
  readonly label: string;
  /** Rows drawn beyond the visible ones, above and below, so fast scrolling shows no gaps. */
  readonly overscan?: number;
  readonly scrollRef?: Ref<HTMLDivElement>;
  /** Scrolls so this index is visible (keyboard movement); changes trigger the scroll. */
  readonly scrollToIndex?: number | null;
  readonly onKeyDown?: (event: KeyboardEvent) => void;
  /** When this changes (a new search), the list scrolls back to the top. */
  readonly resetKey?: string;
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
  overscan = 6,
  scrollRef,
  scrollToIndex = null,
  onKeyDown,
  resetKey = '',
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

  useEffect(() => {
    const element = viewport.current;
    if (scrollToIndex === null || element === null) return;
    const top = scrollToIndex * rowHeight;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + rowHeight > element.scrollTop + element.clientHeight)
      element.scrollTop = top + rowHeight - element.clientHeight;
    setScrollTop(element.scrollTop);
  }, [scrollToIndex, rowHeight]);

  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((scrollTop + height) / rowHeight) + overscan);
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
      ref={(element) => {
        viewport.current = element;
        if (typeof scrollRef === 'function') scrollRef(element);
        else if (scrollRef != null) scrollRef.current = element;
      }}
      onScroll={(event) => {
        setScrollTop(event.currentTarget.scrollTop);
      }}
      onKeyDown={onKeyDown}
    >
      <div
        class="vlist-inner"
        role="list"
        aria-label={label}
        style={{ height: `${String(items.length * rowHeight)}px` }}
      >
        {rows}
      </div>
    </div>
  );
}
