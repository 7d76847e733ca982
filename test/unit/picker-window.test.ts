/**
 * The room picker's window (main/app/electron/windows.ts) against the stand-in electron: its
 * minimum is of the page (useContentSize), the size the UI test proves shows 8 rows
 * (test/ui/picker-layout.spec.ts uses the same PICKER_WINDOW), and its title names it.
 */
import { describe, expect, it, vi } from 'vitest';
import { AppWindows } from '../../main/app/electron/windows';
import { PICKER_WINDOW } from '../../main/app/electron/window-sizes';
import type { FakeBrowserWindow } from '../helpers/fake-electron';

vi.mock('electron', async () => {
  const { createFakeElectron } = await import('../helpers/fake-electron');
  return createFakeElectron(() => '/tmp/unused');
});

function shell() {
  return new AppWindows({
    preload: '/app/out/preload/preload.cjs',
    devTools: false,
    platform: 'linux',
    popoverPosition: () => ({ x: 0, y: 0 }),
    onVisibilityChange: () => undefined,
    onPopoverShown: () => undefined,
    popoverMode: { mode: 'anchored' },
    dark: () => false,
  });
}

describe('the picker window', () => {
  it('has a content minimum where 8 rows fit, and a title that names it', () => {
    const windows = shell();
    windows.open('picker');
    const picker = windows.opened('picker') as unknown as FakeBrowserWindow | null;
    expect(picker?.options).toMatchObject({
      useContentSize: true,
      minWidth: PICKER_WINDOW.minWidth,
      minHeight: PICKER_WINDOW.minHeight,
      title: 'RoomCall - Rooms',
    });
    // Smaller than the default size, and not so small the content could not be laid out.
    expect(PICKER_WINDOW.minWidth).toBeLessThan(PICKER_WINDOW.width);
    expect(PICKER_WINDOW.minHeight).toBeLessThan(PICKER_WINDOW.height);
  });

  it('settings keeps its window-sized minimum and says what it is', () => {
    const windows = shell();
    windows.open('settings');
    const settings = windows.opened('settings') as unknown as FakeBrowserWindow | null;
    expect(settings?.options).toMatchObject({
      useContentSize: false,
      minWidth: 480,
      minHeight: 420,
      title: 'RoomCall - Settings',
    });
  });
});
