import { describe, expect, it } from 'vitest';
import { createBlurGuard } from '../../main/app/electron/blur-guard';
import {
  popoverPosition,
  taskbarEdge,
  type DisplayArea,
  type PlacementInput,
  type Rect,
} from '../../main/app/electron/popover-position';

const SIZE = { width: 360, height: 520 } as const;

function display(bounds: Rect, workArea: Rect): DisplayArea {
  return { bounds, workArea };
}

const FULL_HD = { x: 0, y: 0, width: 1920, height: 1080 };

function place(input: Partial<PlacementInput> & Pick<PlacementInput, 'displays'>) {
  return popoverPosition({
    trayBounds: null,
    cursor: { x: 0, y: 0 },
    windowSize: SIZE,
    platform: 'win32',
    ...input,
  });
}

describe('popover placement', () => {
  describe('Windows taskbar on each edge', () => {
    it('bottom: above the icon, centred on it, clamped to the right edge', () => {
      const screen = display(FULL_HD, { x: 0, y: 0, width: 1920, height: 1040 });
      const tray = { x: 1800, y: 1045, width: 24, height: 30 };
      expect(taskbarEdge(screen, tray, 'win32')).toBe('bottom');
      expect(place({ displays: [screen], trayBounds: tray })).toEqual({ x: 1560, y: 520 });
      // An icon in the middle of the taskbar: centred, no clamping needed.
      expect(place({ displays: [screen], trayBounds: { ...tray, x: 900 } })).toEqual({
        x: 732,
        y: 520,
      });
    });

    it('top: below the taskbar', () => {
      const screen = display(FULL_HD, { x: 0, y: 40, width: 1920, height: 1040 });
      const tray = { x: 900, y: 5, width: 24, height: 30 };
      expect(taskbarEdge(screen, tray, 'win32')).toBe('top');
      expect(place({ displays: [screen], trayBounds: tray })).toEqual({ x: 732, y: 40 });
    });

    it('left: beside the taskbar, centred on the icon vertically', () => {
      const screen = display(FULL_HD, { x: 60, y: 0, width: 1860, height: 1080 });
      const tray = { x: 10, y: 500, width: 40, height: 24 };
      expect(taskbarEdge(screen, tray, 'win32')).toBe('left');
      expect(place({ displays: [screen], trayBounds: tray })).toEqual({ x: 60, y: 252 });
    });

    it('right: beside the taskbar, clamped to the bottom of the work area', () => {
      const screen = display(FULL_HD, { x: 0, y: 0, width: 1860, height: 1080 });
      const tray = { x: 1870, y: 1040, width: 40, height: 24 };
      expect(taskbarEdge(screen, tray, 'win32')).toBe('right');
      expect(place({ displays: [screen], trayBounds: tray })).toEqual({ x: 1500, y: 560 });
    });

    it('auto-hidden (no work area given up): the edge nearest the icon', () => {
      const screen = display(FULL_HD, FULL_HD);
      const tray = { x: 1800, y: 1050, width: 24, height: 30 };
      expect(taskbarEdge(screen, tray, 'win32')).toBe('bottom');
      expect(place({ displays: [screen], trayBounds: tray })).toEqual({ x: 1560, y: 530 });
    });
  });

  describe('several displays', () => {
    const primary = display(FULL_HD, { x: 0, y: 0, width: 1920, height: 1040 });
    const left = display(
      { x: -2560, y: -360, width: 2560, height: 1440 },
      { x: -2560, y: -360, width: 2560, height: 1400 },
    );
    const above = display(
      { x: 0, y: -1080, width: 1920, height: 1080 },
      { x: 0, y: -1080, width: 1920, height: 1080 },
    );

    it('places on the display of the icon, with negative coordinates', () => {
      const tray = { x: -300, y: 1045, width: 24, height: 30 };
      expect(place({ displays: [primary, left, above], trayBounds: tray })).toEqual({
        x: -468,
        y: 520,
      });
    });

    it('clamps to that display, never spilling onto the next', () => {
      const tray = { x: -30, y: 1045, width: 24, height: 30 };
      const position = place({ displays: [primary, left], trayBounds: tray });
      expect(position).toEqual({ x: -360, y: 520 });
      expect(position.x + SIZE.width).toBeLessThanOrEqual(0);
    });

    it('uses the nearest display when the point is on none', () => {
      const tray = { x: 5000, y: 1045, width: 24, height: 30 };
      expect(place({ displays: [left, primary], trayBounds: tray })).toEqual({ x: 1560, y: 520 });
    });
  });

  describe('clamping', () => {
    const screen = display(FULL_HD, { x: 0, y: 0, width: 1920, height: 1040 });

    it('keeps the window inside the work area near the left edge', () => {
      expect(
        place({ displays: [screen], trayBounds: { x: 5, y: 1045, width: 24, height: 30 } }),
      ).toEqual({
        x: 0,
        y: 520,
      });
    });

    it('starts a window taller than the work area at its top', () => {
      const position = popoverPosition({
        trayBounds: { x: 900, y: 1045, width: 24, height: 30 },
        cursor: { x: 0, y: 0 },
        displays: [screen],
        windowSize: { width: 360, height: 1200 },
        platform: 'win32',
      });
      expect(position).toEqual({ x: 732, y: 0 });
    });

    it('rounds to whole pixels', () => {
      const position = place({
        displays: [screen],
        trayBounds: { x: 900.5, y: 1045, width: 23, height: 30 },
      });
      expect(Number.isInteger(position.x) && Number.isInteger(position.y)).toBe(true);
    });

    it('falls back to the anchor when there is no display at all', () => {
      expect(place({ displays: [], trayBounds: { x: 10, y: 10, width: 20, height: 20 } })).toEqual({
        x: 20,
        y: 20,
      });
    });
  });

  describe('macOS menu bar', () => {
    it('is always at the top, even when the Dock takes more of the screen', () => {
      const screen = display(
        { x: 0, y: 0, width: 1440, height: 900 },
        { x: 0, y: 25, width: 1440, height: 800 },
      );
      const tray = { x: 1200, y: 0, width: 22, height: 24 };
      expect(taskbarEdge(screen, tray, 'darwin')).toBe('top');
      expect(place({ displays: [screen], trayBounds: tray, platform: 'darwin' })).toEqual({
        x: 1031,
        y: 25,
      });
    });
  });

  describe('Linux without tray bounds', () => {
    const topPanel = display(FULL_HD, { x: 0, y: 27, width: 1920, height: 1053 });
    const bottomPanel = display(FULL_HD, { x: 0, y: 0, width: 1920, height: 1040 });

    it('opens below the pointer on a top panel', () => {
      expect(
        place({
          displays: [topPanel],
          trayBounds: null,
          cursor: { x: 1000, y: 12 },
          platform: 'linux',
        }),
      ).toEqual({ x: 820, y: 27 });
    });

    it('opens above the pointer on a bottom panel, clamped', () => {
      expect(
        place({
          displays: [bottomPanel],
          trayBounds: null,
          cursor: { x: 100, y: 1060 },
          platform: 'linux',
        }),
      ).toEqual({ x: 0, y: 520 });
    });

    it('treats all-zero bounds (what Electron reports there) as none', () => {
      expect(
        place({
          displays: [topPanel],
          trayBounds: { x: 0, y: 0, width: 0, height: 0 },
          cursor: { x: 1000, y: 12 },
          platform: 'linux',
        }),
      ).toEqual({ x: 820, y: 27 });
    });
  });
});

describe('the blur-then-click guard', () => {
  it('swallows the tray click that caused the blur, once', () => {
    let now = 1_000;
    const guard = createBlurGuard(() => now, 300);
    expect(guard.swallowsClick()).toBe(false);
    guard.hiddenByBlur();
    now += 120;
    expect(guard.swallowsClick()).toBe(true);
    expect(guard.swallowsClick()).toBe(false);
  });

  it('lets a later click open the popover again', () => {
    let now = 1_000;
    const guard = createBlurGuard(() => now, 300);
    guard.hiddenByBlur();
    now += 300;
    expect(guard.swallowsClick()).toBe(false);
  });

  it('does not swallow after a clock that went back', () => {
    let now = 1_000;
    const guard = createBlurGuard(() => now, 300);
    guard.hiddenByBlur();
    now -= 50;
    expect(guard.swallowsClick()).toBe(false);
  });
});
