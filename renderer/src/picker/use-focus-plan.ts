import { useEffect, useRef } from 'preact/hooks';
import type { FavoriteView } from '../../../main/shared/ipc/contract';

/** The row controls focus can return to (data-action), after a change of that row. */
export type RowControl = 'up' | 'down' | 'edit' | 'remove' | 'invite';

/** Where focus goes once the list shows a change: tried after each render until `ready`. */
export interface FocusPlan {
  readonly ready: (favorites: readonly FavoriteView[]) => boolean;
  readonly target: () => HTMLElement | null;
  /**
   * Only where focus is lost by then (on the page, its control gone or moved): a change done
   * from elsewhere, or while the person moved on, leaves their focus alone.
   */
  readonly whenLost?: boolean;
}

function focusable(element: HTMLElement | null | undefined): element is HTMLElement {
  return (
    element instanceof HTMLElement && !(element instanceof HTMLButtonElement && element.disabled)
  );
}

/** Focus was on a control that went away or moved (the browser dropped it to the page). */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * Where focus goes after a change of FavoritesPanel's list: the panel sets `focusPlan` once a
 * change is done, and the plan is tried after each render until the list shows the change (the
 * panel's heading when its target is gone). `control` and `firstOf` find a row's controls.
 */
export function useFocusPlan(favorites: readonly FavoriteView[]) {
  const panel = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusPlan = useRef<FocusPlan | null>(null);

  useEffect(() => {
    const plan = focusPlan.current;
    if (plan === null || !plan.ready(favorites)) return;
    focusPlan.current = null;
    if (plan.whenLost === true && !focusLost()) return;
    (plan.target() ?? heading.current)?.focus();
  });

  const control = (id: string, name: RowControl): HTMLElement | null => {
    for (const row of panel.current?.querySelectorAll<HTMLElement>('li[data-favorite]') ?? []) {
      if (row.dataset['favorite'] === id)
        return row.querySelector<HTMLElement>(`[data-action="${name}"]`);
    }
    return null;
  };
  const firstOf = (id: string, names: readonly RowControl[]): HTMLElement | null => {
    for (const name of names) {
      const element = control(id, name);
      if (focusable(element)) return element;
    }
    return null;
  };
  return { panel, heading, focusPlan, control, firstOf, focusLost };
}
