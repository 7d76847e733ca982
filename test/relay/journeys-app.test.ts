/**
 * The app's services in relay mode, through the handler table as the windows call them, with
 * a real relay in front of the simulator: no Tencent credential saved or read (the WEMEET_*
 * environment set on purpose is ignored), the popover's invite (one room-call, followed to
 * accepted), the room directory, meeting lookup by code, ID and link, a Tencent refusal with
 * its code, and a revoked sign-in worded as "sign in again".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { settledCall } from '../integration/app-harness';
import { SIM_CURRENT_MEETING, SIM_TWENTY_DIGIT_MEETING } from '../sim/data';
import type { RoomOutcome } from '../sim/types';
import { startAppRelayJourneys, type AppRelayJourneys } from './support/journeys-app';

let j: AppRelayJourneys;

afterEach(async () => {
  await j.close();
});

/**
 * A managed desktop pointed at the relay (locked), with the enterprise's WEMEET_* variables
 * set on purpose: they must not apply. The person's issued token is saved as the windows'
 * sign-in will save it.
 */
async function start(): Promise<void> {
  j = await startAppRelayJourneys({
    env: (sim) => ({
      WEMEET_APP_ID: sim.credentials.appId,
      WEMEET_SECRET_ID: sim.credentials.secretId,
      WEMEET_SECRET_KEY: sim.credentials.secretKey,
      WEMEET_OPERATOR_ID: sim.operatorId,
    }),
  });
  const token = await j.token();
  await j.h.app.session.saveRelayToken({
    relayUrl: j.relay.url,
    kind: 'token',
    accessToken: token,
    expiresAtMs: null,
  });
}

/** The popover's invite of the current meeting into a simulator room with that outcome, settled. */
async function callRoomWithOutcome(outcome: RoomOutcome) {
  await j.h.ok('refreshCurrentMeeting');
  const room = j.h.sim.roomWithOutcome(outcome);
  const view = await j.h.ok('startCall', {
    room: {
      meetingRoomId: room.meeting_room_id,
      name: room.meeting_room_name,
      location: room.meeting_room_location,
    },
  });
  return { view, done: await settledCall(j.h, view.callId) };
}

describe('the app through a relay', () => {
  it('is configured without any Tencent credential, and keeps none', async () => {
    await start();
    const state = await j.h.ok('getAppState');
    expect(state.configured).toBe(true);
    expect(state.credentials).toBeNull();
    const settings = await j.h.ok('getSettings');
    expect(settings.locked).toContain('relayUrl');
    const account = await j.h.app.session.account();
    expect(account.status === 'ready' && account.mode).toBe('relay');
    const secrets = j.h.app.session.knownSecrets();
    expect(secrets).not.toContain(j.h.sim.credentials.secretKey);
    expect(secrets).not.toContain(j.h.sim.credentials.secretId);
    expect(j.h.store.profiles()).toEqual([]);
  });

  it('refuses to store a Tencent secret on a desktop the organisation points at its relay', async () => {
    await start();
    const { appId, secretId, secretKey } = j.h.sim.credentials;
    const saved = await j.h.call('saveCredentials', {
      appId,
      sdkId: null,
      secretId,
      secretKey,
      operatorId: j.h.sim.operatorId,
    });
    expect(saved).toMatchObject({ ok: false, error: { kind: 'validation' } });
    expect(!saved.ok && saved.error.message).toContain(
      'Your organisation points RoomCall at its relay',
    );
    expect(j.h.store.profiles()).toEqual([]);
  });

  it('invites from the popover: one room-call, followed to accepted, in the history', async () => {
    await start();
    const { view, done } = await callRoomWithOutcome('accepted');
    expect(view.meeting?.meetingId).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(done.phase).toBe('accepted');
    expect(j.h.requestsTo('PUT', '/v1/meeting-rooms/room-call')).toHaveLength(1);
    await j.h.app.calls.whenIdle();
    const [entry] = await j.h.ok('listHistory');
    expect(entry).toMatchObject({ outcome: 'accepted' });
  });

  it('loads the room directory, keyed to the relay', async () => {
    await start();
    await j.h.ok('refreshDirectory');
    await j.h.app.directory.whenIdle();
    const directory = await j.h.ok('getDirectory');
    expect(directory.roomCount).toBe(j.h.sim.rooms.length);
  });

  it('finds a meeting by code, by 20-digit ID and by join link', async () => {
    await start();
    const byCode = await j.h.ok('setMeeting', { text: '806 146 667' });
    expect(byCode.selected?.meetingId).toBe(SIM_CURRENT_MEETING.meeting_id);
    const byId = await j.h.ok('setMeeting', { text: SIM_TWENTY_DIGIT_MEETING.meeting_id });
    expect(byId.selected?.meetingId).toBe(SIM_TWENTY_DIGIT_MEETING.meeting_id);
    const byLink = await j.h.ok('setMeeting', {
      text: `https://meeting.tencent.com/s/${SIM_CURRENT_MEETING.meeting_code}`,
    });
    expect(byLink.selected?.meetingId).toBe(SIM_CURRENT_MEETING.meeting_id);
  });

  it("shows Tencent's refusal with its code, as without a relay", async () => {
    await start();
    const { done } = await callRoomWithOutcome('offline');
    expect(done.phase).toBe('failed');
    expect(done.error).toMatchObject({ kind: 'api', code: 10004 });
  });

  it('a revoked sign-in: an auth error that says to sign in again', async () => {
    await start();
    const [record] = await j.storage.tokens.list();
    if (record === undefined) throw new Error('no token');
    await j.storage.tokens.revoke(record.id, Date.now());
    const result = await j.h.call('testConnection');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/revoked/);
    expect(!result.ok && result.error.hint).toMatch(/Sign in to the relay again/);
  });
});
