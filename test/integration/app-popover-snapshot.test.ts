/**
 * getPopoverSnapshot against the simulator: the popover's first screen in one call, each part
 * exactly what its own verb answers (the real services, signed requests to the simulator), a
 * failing part carried as that verb's error while the others still arrive, and the popover's
 * verb alone.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { popoverSnapshot } from '../../main/app/handlers/popover-snapshot';
import { dispatchInvoke } from '../../main/app/ipc/dispatch';
import { scopeProblem } from '../../main/app/ipc/window-scope';
import { DocumentBusyError } from '../../main/core/store/document-errors';
import { FileBusyError } from '../../main/core/store/process-lock';
import { SIM_CURRENT_MEETING } from '../sim/index';
import { startAppHarness, type AppHarness } from './app-harness';
import { simRoomFavorite } from '../helpers/sim-room-ref';

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

/** What the six verbs the snapshot stands for answer, one call each, through dispatch. */
async function oneByOne() {
  return {
    appState: await h.call('getAppState'),
    settings: await h.call('getSettings'),
    meeting: await h.call('getCurrentMeeting'),
    favorites: await h.call('listFavorites'),
    calls: await h.call('listCalls'),
    history: await h.call('listHistory'),
  };
}

describe('getPopoverSnapshot (against the simulator)', () => {
  it('answers in one call what the six start-up verbs answer one by one', async () => {
    h = await startAppHarness();
    await h.ok('refreshCurrentMeeting');
    const room = h.sim.roomWithOutcome('accepted');
    const added = await h.ok('addFavorite', simRoomFavorite(room));
    await h.ok('addFavorite', {
      kind: 'mra',
      protocol: 'sip',
      dialString: 'boardroom@vc.example.com',
      label: 'Boardroom codec',
    });
    const call = await h.ok('startCall', { favoriteId: added.favorite.id });
    await h.waitForEvent('callProgress', (view) => view.callId === call.callId && view.settled);
    await h.app.calls.whenIdle();

    const snapshot = await h.ok('getPopoverSnapshot');
    expect(snapshot).toEqual(await oneByOne());
    // And it holds what the popover shows, not empty parts that happen to agree.
    expect(snapshot.meeting).toMatchObject({
      ok: true,
      data: { state: 'one', selected: { meetingId: SIM_CURRENT_MEETING.meeting_id } },
    });
    expect(snapshot.favorites.ok && snapshot.favorites.data.map((f) => f.kind)).toEqual([
      'room',
      'mra',
    ]);
    expect(snapshot.calls).toMatchObject({ ok: true, data: [{ phase: 'accepted' }] });
    expect(snapshot.history).toMatchObject({ ok: true, data: [{ outcome: 'accepted' }] });
    expect(snapshot.appState).toMatchObject({ ok: true, data: { configured: true } });
  });

  it('says "not configured" the way getAppState and getCurrentMeeting do', async () => {
    h = await startAppHarness({ configured: false });
    // Past the tracker's first look (state 'loading' until then).
    await h.ok('refreshCurrentMeeting');
    const snapshot = await h.ok('getPopoverSnapshot');
    expect(snapshot).toEqual(await oneByOne());
    expect(snapshot.appState).toMatchObject({ ok: true, data: { configured: false } });
    expect(snapshot.meeting).toMatchObject({ ok: true, data: { state: 'unconfigured' } });
  });

  it('carries a failing part as its verb’s own error, and the other parts still', async () => {
    h = await startAppHarness();
    const file = `${h.dataDir}/favorites.json`;
    const busy = () =>
      Promise.reject(new DocumentBusyError('favourites', new FileBusyError(file, null, 5000)));
    const table = { ...h.table, listFavorites: busy };
    const alone = await dispatchInvoke(table, 'listFavorites', undefined);
    expect(alone).toMatchObject({ ok: false, error: { kind: 'busy' } });

    const snapshot = await popoverSnapshot(table);
    expect(snapshot.favorites).toEqual(alone);
    expect(snapshot.appState).toEqual(await h.call('getAppState'));
    expect(snapshot.history).toEqual({ ok: true, data: [] });
  });

  it('is answered to the popover alone', () => {
    expect(scopeProblem('getPopoverSnapshot', 'popover')).toBeNull();
    expect(scopeProblem('getPopoverSnapshot', 'picker')).toMatch(/may not/);
    expect(scopeProblem('getPopoverSnapshot', 'settings')).toMatch(/may not/);
  });
});
