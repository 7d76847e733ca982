/**
 * The app's windows (main/app/electron/windows.ts) against the stand-in electron: the popover
 * as a popover (frameless, placed by the tray, hidden on blur) and as a normal window where it
 * cannot be placed (Wayland, no tray: popover-mode.ts), and the background per theme.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PopoverMode } from '../../main/app/electron/popover-mode';
import { AppWindows, WINDOW_BACKGROUND } from '../../main/app/electron/windows';
import type { FakeBrowserWindow } from '../helpers/fake-electron';

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../helpers/fake-electron');
  return createFakeElectron(() => '/tmp/unused');
});

let dark = false;

function windows(popoverMode: PopoverMode) {
  const position = vi.fn(() => ({ x: 10, y: 20 }));
  const shell = new AppWindows({
    preload: '/app/out/preload/preload.cjs',
    devTools: false,
    platform: 'linux',
    popoverPosition: position,
    onVisibilityChange: () => undefined,
    onPopoverShown: () => undefined,
    popoverMode,
    dark: () => dark,
  });
  return { shell, position };
}

function popoverOf(shell: AppWindows): FakeBrowserWindow {
  const popover = shell.popover();
  if (popover === null) throw new Error('no popover');
  return popover as unknown as FakeBrowserWindow;
}

beforeEach(() => {
  dark = false;
});

describe('the popover', () => {
  it('by the tray: frameless, placed, hidden when it loses focus', () => {
    const { shell, position } = windows({ mode: 'anchored' });
    shell.createPopover();
    const popover = popoverOf(shell);
    expect(popover.options).toMatchObject({ frame: false, skipTaskbar: true, alwaysOnTop: true });
    shell.showPopover();
    expect(position).toHaveBeenCalledOnce();
    expect(popover.bounds).toMatchObject({ x: 10, y: 20 });
    popover.fire('blur');
    expect(popover.visible).toBe(false);
  });

  it('as a normal window on Wayland: framed, in the taskbar, never placed, kept on blur', () => {
    const { shell, position } = windows({ mode: 'window', reason: 'wayland' });
    shell.createPopover();
    const popover = popoverOf(shell);
    expect(popover.options).toMatchObject({
      frame: true,
      movable: true,
      skipTaskbar: false,
      alwaysOnTop: false,
    });
    shell.showPopover();
    expect(position).not.toHaveBeenCalled();
    expect(popover.bounds).toBeNull();
    popover.fire('blur');
    expect(popover.visible).toBe(true);
  });
});

describe('window backgrounds', () => {
  it("start in the theme's colour and follow a theme change", () => {
    dark = true;
    const { shell } = windows({ mode: 'anchored' });
    shell.createPopover();
    shell.open('settings');
    const all = shell.all() as unknown as FakeBrowserWindow[];
    expect(all.map((window) => window.options['backgroundColor'])).toEqual([
      WINDOW_BACKGROUND.dark,
      WINDOW_BACKGROUND.dark,
    ]);
    dark = false;
    shell.themeChanged();
    expect(all.map((window) => window.backgroundColor)).toEqual([
      WINDOW_BACKGROUND.light,
      WINDOW_BACKGROUND.light,
    ]);
  });

  it('are the renderer’s own --bg colours, light and dark', async () => {
    const { readFile } = await import('node:fs/promises');
    const css = await readFile('renderer/src/styles/base.css', 'utf8');
    const light = /--bg:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
    const darkBg = /prefers-color-scheme: dark[\s\S]*?--bg:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
    expect(light?.toLowerCase()).toBe(WINDOW_BACKGROUND.light);
    expect(darkBg?.toLowerCase()).toBe(WINDOW_BACKGROUND.dark);
  });
});
