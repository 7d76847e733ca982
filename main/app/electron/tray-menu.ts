import type { MenuItemConstructorOptions } from 'electron';
import { type Favorite } from '../../shared/model/favorites-schema';
import type { CallView, CurrentMeeting, MeetingSummary } from '../../shared/ipc/contract';
import type { ShellStrings } from './shell-strings';
import { formatMeetingCode } from '../../shared/rules/meeting-code';
import { targetKey } from '../../shared/rules/targets';
import { favoriteDisplayName } from '../../shared/rules/favorites';

/** Everything the right-click menu and the tooltip show. */
export interface TrayState {
  readonly configured: boolean;
  readonly favorites: readonly Favorite[];
  readonly meeting: CurrentMeeting;
  readonly calls: readonly CallView[];
  readonly launchAtLogin: boolean;
  /** The organisation decides launch at login (managed configuration). */
  readonly launchAtLoginLocked: boolean;
  /** False where the OS has no login items Electron can set (Linux: system-integration.ts). */
  readonly launchAtLoginAvailable?: boolean;
}

/** Properties, not methods: the menu's items take them as their click handlers. */
export interface TrayActions {
  readonly openPopover: () => void;
  readonly invite: (favoriteId: string) => void;
  readonly openPicker: () => void;
  readonly openSettings: () => void;
  readonly setLaunchAtLogin: (enabled: boolean) => void;
  readonly quit: () => void;
}

/** Favourites listed directly in the menu; the rest are one click away in the popover. */
export const MENU_FAVORITES = 10;

/**
 * The tray's native menu, as a template (Menu.buildFromTemplate makes it). Pure: the tests read
 * the template and click its items. Favourites invite straight into the current meeting; a
 * favourite whose call is still ringing is shown as calling and cannot be clicked again.
 */
export function trayMenuTemplate(
  state: TrayState,
  actions: TrayActions,
  strings: ShellStrings,
): MenuItemConstructorOptions[] {
  const meeting = state.meeting.selected;
  const canInvite = state.configured && meeting !== null;
  const ringing = new Set(
    state.calls.filter((call) => !call.settled).map((call) => targetKey(call.target)),
  );

  const favorites: MenuItemConstructorOptions[] =
    state.favorites.length === 0
      ? [{ label: strings.noFavorites, enabled: false }]
      : state.favorites.slice(0, MENU_FAVORITES).map((favorite) => {
          const calling = ringing.has(targetKey(favorite));
          const name = menuText(favoriteDisplayName(favorite));
          return {
            id: `favorite:${favorite.id}`,
            label: calling ? `${name} — ${strings.calling}` : name,
            enabled: canInvite && !calling,
            click: () => {
              actions.invite(favorite.id);
            },
          };
        });
  if (state.favorites.length > MENU_FAVORITES) {
    favorites.push({
      label: strings.moreFavorites,
      click: actions.openPopover,
    });
  }

  return [
    {
      id: 'open',
      label: strings.open,
      click: actions.openPopover,
    },
    { type: 'separator' },
    { id: 'meeting', label: meetingLine(state, strings), enabled: false },
    ...favorites,
    { type: 'separator' },
    {
      id: 'picker',
      label: strings.picker,
      click: actions.openPicker,
    },
    {
      id: 'settings',
      label: strings.settings,
      click: actions.openSettings,
    },
    { type: 'separator' },
    ...launchAtLoginItems(state, actions, strings),
    {
      id: 'quit',
      label: strings.quit,
      click: actions.quit,
    },
  ];
}

/** "RoomCall — Weekly sync (806-146-667)": the tooltip names the meeting invites go into. */
export function trayTooltip(state: TrayState, strings: ShellStrings): string {
  const calling = state.calls.filter((call) => !call.settled).length;
  if (calling > 0) return `RoomCall — ${strings.tooltipCalling(calling)}`;
  if (!state.configured) return `RoomCall — ${strings.notConfigured}`;
  const meeting = state.meeting.selected;
  if (meeting === null) {
    return `RoomCall — ${state.meeting.state === 'several' ? strings.severalMeetings : strings.noMeeting}`;
  }
  // Windows cuts tooltips at 127 characters.
  return `RoomCall — ${meetingName(meeting)}`.slice(0, 127);
}

function meetingLine(state: TrayState, strings: ShellStrings): string {
  if (!state.configured) return strings.notConfigured;
  const meeting = state.meeting.selected;
  if (meeting !== null) return strings.inviteInto(meetingName(meeting));
  return state.meeting.state === 'several' ? strings.severalMeetings : strings.noMeeting;
}

function meetingName(meeting: MeetingSummary): string {
  const code = formatMeetingCode(meeting.meetingCode);
  const subject = menuText(meeting.subject.trim());
  return subject === '' ? code : `${subject} (${code})`;
}

/**
 * A label as text: Electron reads a single '&' as a mnemonic marker and drops it on every
 * platform, so a room called "R&D" needs "R&&D" (electron/electron#25028); long names are cut.
 */
function menuText(text: string): string {
  const chars = Array.from(text.replace(/&/g, '&&'));
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : chars.join('');
}

/** The launch-at-login checkbox and its separator, or nothing where the OS cannot do it. */
function launchAtLoginItems(
  state: TrayState,
  actions: TrayActions,
  strings: ShellStrings,
): MenuItemConstructorOptions[] {
  if (state.launchAtLoginAvailable === false) return [];
  return [
    {
      id: 'launch-at-login',
      label: strings.launchAtLogin,
      type: 'checkbox',
      checked: state.launchAtLogin,
      enabled: !state.launchAtLoginLocked,
      click: (item) => {
        actions.setLaunchAtLogin(item.checked);
      },
    },
    { type: 'separator' },
  ];
}
