import type { MenuItem, MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi, type Mock } from 'vitest';
import type { InviteEvent } from '../../main/core/invite/types';
import type { Favorite } from '../../main/shared/model/favorites-schema';
import type { Meeting } from '../../main/core/wemeet/api';
import type { CallView, CurrentMeeting, MeetingSummary } from '../../main/shared/ipc/contract';
import { callNotification } from '../../main/app/electron/notification-text';
import { shellStrings } from '../../main/app/electron/shell-strings';
import { trayIconFile } from '../../main/app/electron/tray-icons';
import {
  MENU_FAVORITES,
  trayMenuTemplate,
  trayTooltip,
  type TrayActions,
  type TrayState,
} from '../../main/app/electron/tray-menu';
import { historyOutcome, phaseForEvent } from '../../main/app/services/call-phases';

const en = shellStrings('en', 'zh-CN');

const meeting: MeetingSummary = {
  meetingId: '7567173273889276131',
  meetingCode: '806146667',
  subject: 'Weekly sync',
  startTime: '1763000000',
  endTime: '1763003600',
  status: 'MEETING_STATE_STARTED',
  inProgress: true,
};

function currentMeeting(
  selected: MeetingSummary | null,
  state: CurrentMeeting['state'] = 'one',
): CurrentMeeting {
  return {
    state,
    selected,
    candidates: selected === null ? [] : [selected],
    error: null,
    checkedAt: null,
  };
}

const room: Favorite = {
  id: 'f1',
  kind: 'room',
  meetingRoomId: '1234567890123456789',
  name: 'R&D Boardroom',
  location: 'L12',
  label: null,
};
const sip: Favorite = {
  id: 'f2',
  kind: 'mra',
  protocol: 'sip',
  dialString: 'lab@vc.example.com',
  label: 'Lab',
};

function call(overrides: Partial<CallView> = {}): CallView {
  return {
    callId: 'c1',
    target: { kind: 'mra', protocol: 'sip', dialString: 'lab@vc.example.com', label: 'Lab' },
    favoriteId: 'f2',
    meeting,
    phase: 'ringing',
    settled: false,
    error: null,
    startedAt: '2025-11-25T10:00:00.000Z',
    updatedAt: '2025-11-25T10:00:01.000Z',
    ...overrides,
  };
}

function state(overrides: Partial<TrayState> = {}): TrayState {
  return {
    configured: true,
    favorites: [room, sip],
    meeting: currentMeeting(meeting),
    calls: [],
    launchAtLogin: false,
    launchAtLoginLocked: false,
    ...overrides,
  };
}

function actions(): { [K in keyof TrayActions]: Mock<TrayActions[K]> } {
  return {
    openPopover: vi.fn(),
    invite: vi.fn(),
    openPicker: vi.fn(),
    openSettings: vi.fn(),
    setLaunchAtLogin: vi.fn(),
    quit: vi.fn(),
  };
}

function item(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const found = template.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`no menu item ${id}`);
  return found;
}

function click(entry: MenuItemConstructorOptions, checked = false): void {
  const handler = entry.click as ((menuItem: MenuItem) => void) | undefined;
  handler?.({ checked } as unknown as MenuItem);
}

describe('tray menu template', () => {
  it('lists the favourites for a direct invite into the current meeting', () => {
    const act = actions();
    const template = trayMenuTemplate(state(), act, en);
    expect(template.map((entry) => entry.id ?? entry.type)).toEqual([
      'open',
      'separator',
      'meeting',
      'favorite:f1',
      'favorite:f2',
      'separator',
      'picker',
      'settings',
      'separator',
      'launch-at-login',
      'separator',
      'quit',
    ]);
    expect(item(template, 'meeting')).toMatchObject({
      label: 'Invite into Weekly sync (806-146-667)',
      enabled: false,
    });
    // '&' would be read as a mnemonic marker and dropped.
    expect(item(template, 'favorite:f1').label).toBe('R&&D Boardroom');
    expect(item(template, 'favorite:f2')).toMatchObject({ label: 'Lab', enabled: true });
    click(item(template, 'favorite:f2'));
    expect(act.invite).toHaveBeenCalledWith('f2');
  });

  it('wires every action', () => {
    const act = actions();
    const template = trayMenuTemplate(state(), act, en);
    click(item(template, 'open'));
    click(item(template, 'picker'));
    click(item(template, 'settings'));
    click(item(template, 'launch-at-login'), true);
    click(item(template, 'quit'));
    expect(act.openPopover).toHaveBeenCalledOnce();
    expect(act.openPicker).toHaveBeenCalledOnce();
    expect(act.openSettings).toHaveBeenCalledOnce();
    expect(act.setLaunchAtLogin).toHaveBeenCalledWith(true);
    expect(act.quit).toHaveBeenCalledOnce();
  });

  it('shows a ringing favourite as calling and does not ring it twice', () => {
    const template = trayMenuTemplate(state({ calls: [call()] }), actions(), en);
    expect(item(template, 'favorite:f2')).toMatchObject({
      label: 'Lab — calling…',
      enabled: false,
    });
    expect(item(template, 'favorite:f1').enabled).toBe(true);
  });

  it('disables invites without a meeting or before set-up, and says why', () => {
    const noMeeting = trayMenuTemplate(
      state({ meeting: currentMeeting(null, 'none') }),
      actions(),
      en,
    );
    expect(item(noMeeting, 'meeting').label).toBe('No meeting selected');
    expect(item(noMeeting, 'favorite:f1').enabled).toBe(false);
    const several = trayMenuTemplate(
      state({ meeting: currentMeeting(null, 'several') }),
      actions(),
      en,
    );
    expect(item(several, 'meeting').label).toContain('choose one');
    const unconfigured = trayMenuTemplate(state({ configured: false }), actions(), en);
    expect(item(unconfigured, 'meeting').label).toBe('RoomCall is not set up yet');
    expect(item(unconfigured, 'favorite:f1').enabled).toBe(false);
  });

  it('keeps the menu short with many favourites, and says when there are none', () => {
    const many = Array.from({ length: 25 }, (_, index): Favorite => ({
      ...sip,
      id: `m${index}`,
      label: `Room ${index}`,
    }));
    const act = actions();
    const template = trayMenuTemplate(state({ favorites: many }), act, en);
    expect(template.filter((entry) => entry.id?.startsWith('favorite:'))).toHaveLength(
      MENU_FAVORITES,
    );
    const more = template.find((entry) => entry.label === 'More favourites…');
    if (more === undefined) throw new Error('no "more" item');
    click(more);
    expect(act.openPopover).toHaveBeenCalledOnce();
    const none = trayMenuTemplate(state({ favorites: [] }), actions(), en);
    expect(none.find((entry) => entry.label === 'No favourites yet')?.enabled).toBe(false);
  });

  it('shows launch at login checked, and locked when the organisation decides it', () => {
    const template = trayMenuTemplate(
      state({ launchAtLogin: true, launchAtLoginLocked: true }),
      actions(),
      en,
    );
    expect(item(template, 'launch-at-login')).toMatchObject({
      type: 'checkbox',
      checked: true,
      enabled: false,
    });
  });

  it('leaves launch at login out where the OS has no login items (Linux)', () => {
    const template = trayMenuTemplate(state({ launchAtLoginAvailable: false }), actions(), en);
    expect(template.some((entry) => entry.id === 'launch-at-login')).toBe(false);
    expect(template.filter((entry) => entry.type === 'separator').length).toBe(
      trayMenuTemplate(state(), actions(), en).filter((entry) => entry.type === 'separator')
        .length - 1,
    );
  });

  it('speaks Chinese when the setting or the system says so', () => {
    const zh = shellStrings('system', 'zh-Hans-CN');
    const template = trayMenuTemplate(state(), actions(), zh);
    expect(item(template, 'quit').label).toBe('退出 RoomCall');
    expect(shellStrings('zh-CN', 'en-US').quit).toBe('退出 RoomCall');
    expect(shellStrings('en', 'zh-CN').quit).toBe('Quit RoomCall');
  });
});

describe('tray tooltip and icon', () => {
  it('names the current meeting, or what is going on', () => {
    expect(trayTooltip(state(), en)).toBe('RoomCall — Weekly sync (806-146-667)');
    expect(trayTooltip(state({ calls: [call()] }), en)).toBe('RoomCall — calling a room…');
    expect(
      trayTooltip(state({ calls: [call({ settled: true, phase: 'accepted' })] }), en),
    ).toContain('Weekly');
    expect(trayTooltip(state({ configured: false }), en)).toBe(
      'RoomCall — RoomCall is not set up yet',
    );
    expect(trayTooltip(state({ meeting: currentMeeting(null, 'none') }), en)).toBe(
      'RoomCall — No meeting selected',
    );
    const long = { ...meeting, subject: '会'.repeat(300) };
    expect(trayTooltip(state({ meeting: currentMeeting(long) }), en).length).toBeLessThanOrEqual(
      127,
    );
  });

  it('uses template images on macOS and light/dark variants elsewhere, with a calling state', () => {
    expect(trayIconFile({ platform: 'darwin', darkTaskbar: true, calling: false })).toBe(
      'trayTemplate.png',
    );
    expect(trayIconFile({ platform: 'darwin', darkTaskbar: false, calling: true })).toBe(
      'trayCallingTemplate.png',
    );
    // Windows: the .ico, so 125/150 % scaling gets an exact 20/24 px image.
    expect(trayIconFile({ platform: 'win32', darkTaskbar: true, calling: false })).toBe(
      'tray-dark.ico',
    );
    expect(trayIconFile({ platform: 'win32', darkTaskbar: false, calling: true })).toBe(
      'tray-light-calling.ico',
    );
    expect(trayIconFile({ platform: 'linux', darkTaskbar: true, calling: true })).toBe(
      'tray-dark-calling.png',
    );
  });
});

describe('notifications', () => {
  it('tells the outcome of a settled call, with the reason when it failed', () => {
    expect(callNotification(call({ phase: 'accepted', settled: true }), en)).toEqual({
      title: 'Lab accepted the invite',
      body: 'Weekly sync',
    });
    expect(callNotification(call({ phase: 'rejected', settled: true }), en)?.title).toBe(
      'Lab declined the invite',
    );
    expect(callNotification(call({ phase: 'no-answer', settled: true }), en)?.title).toBe(
      'Lab did not answer',
    );
    const failed = call({
      phase: 'failed',
      settled: true,
      error: { kind: 'api', message: 'The room is offline.', code: 10004, hint: null },
    });
    expect(callNotification(failed, en)).toEqual({
      title: 'Could not invite Lab',
      body: 'The room is offline.',
    });
    expect(callNotification(call({ phase: 'unconfirmed', settled: true }), en)).toEqual({
      title: 'Lab may be ringing',
      body: 'Tencent Meeting’s reply was lost and the call’s status could not be read: look at the room or the meeting.',
    });
  });

  it('stays quiet for calls still ringing, cancelled or ended', () => {
    expect(callNotification(call(), en)).toBeNull();
    expect(callNotification(call({ phase: 'cancelled', settled: true }), en)).toBeNull();
    expect(callNotification(call({ phase: 'ended', settled: true }), en)).toBeNull();
  });
});

describe('call phases', () => {
  const m = { meeting_id: '1', meeting_code: '806146667' } as Meeting;
  const info = (state: string, status: number) => ({ state, status, responseTime: null }) as never;

  it('maps the invite events to what the windows show', () => {
    const events: [InviteEvent, string | null][] = [
      [{ type: 'calling', meeting: m, target: { kind: 'room', meetingRoomId: '1' } }, 'calling'],
      [{ type: 'called', inviteId: 'i', status: 2 }, 'ringing'],
      [{ type: 'state', info: info('ringing', 4), settled: false, msSinceCall: 1 }, 'ringing'],
      [{ type: 'state', info: info('accepted', 2), settled: true, msSinceCall: 1 }, 'accepted'],
      [{ type: 'state', info: info('left', 6), settled: true, msSinceCall: 1 }, 'ended'],
      [{ type: 'state', info: info('not-called', 1), settled: false, msSinceCall: 1 }, null],
      [{ type: 'state', info: info('not-called', 1), settled: true, msSinceCall: 1 }, 'failed'],
      [{ type: 'poll-failed', error: new Error('x'), consecutiveFailures: 1 }, null],
      [{ type: 'cancelling', inviteId: 'i' }, 'cancelling'],
      [
        {
          type: 'finished',
          outcome: { kind: 'cancelled', meeting: m, inviteId: 'i', callCancelled: true },
        },
        'cancelled',
      ],
      [
        {
          type: 'finished',
          outcome: {
            kind: 'timed-out',
            meeting: m,
            inviteId: 'i',
            lastInfo: null,
            replyLost: false,
          },
        },
        'timed-out',
      ],
      [{ type: 'unconfirmed', error: new Error('reset') }, 'checking'],
      [{ type: 'already', info: info('accepted', 2), state: 'in-meeting' }, 'accepted'],
      [
        {
          type: 'finished',
          outcome: { kind: 'unconfirmed', meeting: m, cause: new Error('reset'), lastInfo: null },
        },
        'unconfirmed',
      ],
    ];
    for (const [event, phase] of events) expect(phaseForEvent(event)?.phase ?? null).toBe(phase);
  });

  it('records how a call ended in the recent invites', () => {
    expect(
      historyOutcome({
        kind: 'timed-out',
        meeting: m,
        inviteId: 'i',
        lastInfo: info('ringing', 4),
        replyLost: false,
      }),
    ).toBe('ringing');
    expect(
      historyOutcome({
        kind: 'timed-out',
        meeting: m,
        inviteId: 'i',
        lastInfo: null,
        replyLost: false,
      }),
    ).toBe('unknown');
    expect(
      historyOutcome({ kind: 'cancelled', meeting: null, inviteId: null, callCancelled: false }),
    ).toBe('cancelled');
  });
});
