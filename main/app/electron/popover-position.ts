/**
 * Where the popover goes: next to the tray icon, on whichever edge the taskbar (or the macOS
 * menu bar) is, on the display that holds the icon, clamped to that display's work area.
 * Pure, so every arrangement is unit-tested without Electron.
 *
 * Electron reports no tray bounds on Linux (all zeros: electron/electron#15003), so there the
 * popover opens at the mouse pointer, which is on the icon just clicked: below it when the
 * pointer is in the upper half of the screen (a top panel), above it otherwise.
 */
import type { Display, Point, Rectangle } from 'electron';

export type { Point };
export type Rect = Rectangle;
/**
 * Electron's display as far as placing goes: its bounds and its workArea (the display minus
 * taskbars, docks and menu bars). Types only: this module loads nothing of Electron.
 */
export type DisplayArea = Pick<Display, 'bounds' | 'workArea'>;

export interface PlacementInput {
  /** tray.getBounds(), or the bounds of the click; null (or empty) when unknown. */
  readonly trayBounds: Rect | null;
  readonly cursor: Point;
  readonly displays: readonly DisplayArea[];
  readonly windowSize: { readonly width: number; readonly height: number };
  readonly platform: NodeJS.Platform;
}

export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right';

export function popoverPosition(input: PlacementInput): Point {
  const { trayBounds, cursor, windowSize } = input;
  const tray =
    trayBounds !== null && trayBounds.width > 0 && trayBounds.height > 0 ? trayBounds : null;
  const anchor = tray === null ? cursor : center(tray);
  const display = displayFor(anchor, input.displays);
  if (display === null) return round(anchor);
  const area = display.workArea;
  const { width, height } = windowSize;

  let x: number;
  let y: number;
  if (tray === null) {
    x = cursor.x - width / 2;
    const upperHalf = cursor.y < area.y + area.height / 2;
    y = upperHalf ? cursor.y : cursor.y - height;
  } else {
    const middle = center(tray);
    switch (taskbarEdge(display, tray, input.platform)) {
      case 'top':
        x = middle.x - width / 2;
        y = Math.max(area.y, tray.y + tray.height);
        break;
      case 'bottom':
        x = middle.x - width / 2;
        y = Math.min(area.y + area.height, tray.y) - height;
        break;
      case 'left':
        x = Math.max(area.x, tray.x + tray.width);
        y = middle.y - height / 2;
        break;
      case 'right':
        x = Math.min(area.x + area.width, tray.x) - width;
        y = middle.y - height / 2;
        break;
    }
  }
  return round({
    x: clamp(x, area.x, area.x + area.width - width),
    y: clamp(y, area.y, area.y + area.height - height),
  });
}

/**
 * The edge the icon sits on: the macOS menu bar is always at the top; elsewhere the side the
 * work area gives up most to a taskbar, or (an auto-hidden taskbar gives up nothing) the side
 * of the display nearest to the icon.
 */
export function taskbarEdge(
  display: DisplayArea,
  tray: Rect,
  platform: NodeJS.Platform,
): TaskbarEdge {
  if (platform === 'darwin') return 'top';
  const { bounds, workArea } = display;
  const insets: [TaskbarEdge, number][] = [
    ['top', workArea.y - bounds.y],
    ['bottom', bounds.y + bounds.height - (workArea.y + workArea.height)],
    ['left', workArea.x - bounds.x],
    ['right', bounds.x + bounds.width - (workArea.x + workArea.width)],
  ];
  const widest = insets.reduce((best, inset) => (inset[1] > best[1] ? inset : best));
  if (widest[1] > 0) return widest[0];
  const middle = center(tray);
  const distances: [TaskbarEdge, number][] = [
    ['top', middle.y - bounds.y],
    ['bottom', bounds.y + bounds.height - middle.y],
    ['left', middle.x - bounds.x],
    ['right', bounds.x + bounds.width - middle.x],
  ];
  return distances.reduce((best, distance) => (distance[1] < best[1] ? distance : best))[0];
}

/** The display whose bounds hold the point, else the nearest one; null when there is none. */
function displayFor(point: Point, displays: readonly DisplayArea[]): DisplayArea | null {
  let nearest: DisplayArea | null = null;
  let nearestDistance = Number.POSITIVE_INFINITY;
  for (const display of displays) {
    const distance = distanceTo(point, display.bounds);
    if (distance === 0) return display;
    if (distance < nearestDistance) {
      nearest = display;
      nearestDistance = distance;
    }
  }
  return nearest;
}

function distanceTo(point: Point, rect: Rect): number {
  const dx = Math.max(rect.x - point.x, 0, point.x - (rect.x + rect.width - 1));
  const dy = Math.max(rect.y - point.y, 0, point.y - (rect.y + rect.height - 1));
  return Math.hypot(dx, dy);
}

function center(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
}

/** Within [min, max]; a window wider than the area starts at its left (or top) edge. */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}

function round(point: Point): Point {
  return { x: Math.round(point.x), y: Math.round(point.y) };
}
