/**
 * The on-demand windows' sizes and titles, apart from windows.ts (which imports electron) so
 * the UI tests can open the pages at exactly these sizes.
 *
 * The picker's sizes are of its page (useContentSize: Electron then applies minWidth and
 * minHeight to the content too: shell/browser/native_window.cc, SetContentSizeConstraints),
 * so the minimum keeps its promise whatever the frame: the search, the filters on a second
 * line, and at least 8 room rows (test/ui/picker-layout.spec.ts holds it).
 */
export interface WindowSize {
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
  /** Width and height are the page's, not the frame's. */
  readonly useContentSize: boolean;
  /** Until the page's own <title> (in its language) replaces it. */
  readonly title: string;
}

export const PICKER_WINDOW: WindowSize = {
  width: 960,
  height: 680,
  minWidth: 480,
  minHeight: 540,
  useContentSize: true,
  title: 'RoomCall - Rooms',
};

export const SETTINGS_WINDOW: WindowSize = {
  width: 560,
  height: 680,
  minWidth: 480,
  minHeight: 420,
  useContentSize: false,
  title: 'RoomCall - Settings',
};
