import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';

/**
 * Drag-and-drop reordering of the favourites list with the mouse, beside the Move up/down
 * buttons that do the same from the keyboard. Only the first `movable` rows (the person's own;
 * the organisation's follow and stay put) can be dragged or dropped on. A drop lands in the gap
 * nearer the pointer: above a row's middle is before it, below is after it.
 */

/** The drag's own type, so text or files dragged in from elsewhere are never taken for a move. */
const DRAG_TYPE = 'application/x-roomcall-favorite';

/**
 * The index a row dragged from `from` moves to when dropped in gap `gap` (0 = before the
 * first row, `movable` = after the last movable one); null when it would not move.
 */
export function dropIndex(from: number, gap: number, movable: number): number | null {
  const clamped = Math.max(0, Math.min(gap, movable));
  const to = clamped > from ? clamped - 1 : clamped;
  return to === from ? null : to;
}

type RowDragEvent = TargetedEvent<HTMLLIElement, DragEvent>;

/** What a row spreads onto its <li>. */
export interface DragRowProps {
  readonly draggable?: boolean;
  readonly onDragStart?: (event: RowDragEvent) => void;
  readonly onDragOver?: (event: RowDragEvent) => void;
  readonly onDrop?: (event: RowDragEvent) => void;
  readonly onDragEnd?: () => void;
}

export interface DragReorder {
  /** Drag-and-drop handlers for the row at `index`; none for rows that cannot move. */
  readonly rowProps: (id: string, index: number) => DragRowProps;
  /** Where the drop indicator shows on row `index`, if it is next to the gap in view. */
  readonly dropSide: (index: number) => 'before' | 'after' | null;
  /** The row being dragged. */
  readonly draggingId: string | null;
}

export function useDragReorder(
  movable: number,
  onMove: (id: string, from: number, to: number) => void,
): DragReorder {
  const [drag, setDrag] = useState<{ readonly id: string; readonly from: number } | null>(null);
  const [gap, setGap] = useState<number | null>(null);
  const end = () => {
    setDrag(null);
    setGap(null);
  };

  const rowProps = (id: string, index: number): DragRowProps => {
    if (index >= movable) return {};
    return {
      draggable: true,
      onDragStart: (event) => {
        event.dataTransfer?.setData(DRAG_TYPE, id);
        if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
        setDrag({ id, from: index });
      },
      onDragOver: (event) => {
        if (drag === null) return;
        // Allowing the drop is what preventDefault means on dragover.
        event.preventDefault();
        if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
        const box = event.currentTarget.getBoundingClientRect();
        setGap(index + (event.clientY > box.top + box.height / 2 ? 1 : 0));
      },
      onDrop: (event) => {
        if (drag === null) return;
        event.preventDefault();
        const to = dropIndex(drag.from, gap ?? index, movable);
        end();
        if (to !== null) onMove(drag.id, drag.from, to);
      },
      onDragEnd: end,
    };
  };

  const dropSide = (index: number): 'before' | 'after' | null => {
    if (drag === null || gap === null || dropIndex(drag.from, gap, movable) === null) return null;
    if (gap === index) return 'before';
    return gap === index + 1 && index === movable - 1 ? 'after' : null;
  };

  return { rowProps, dropSide, draggingId: drag?.id ?? null };
}
