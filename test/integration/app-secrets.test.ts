/**
 * Nothing secret crosses IPC: a whole session through every channel's handler (set-up, test
 * connection, meetings, directory, favourites, calls, and the errors a wrong key or a wrong
 * clock cause), with the outgoing secret guard switched OFF so a leak would show, and every
 * response and every pushed event searched for the SecretKey and the SecretId, as are the files
 * in the data folder.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { INVOKE_VERBS } from '../../main/shared/ipc/channels';
import type { CallView, IpcResult } from '../../main/shared/ipc/contract';
import { assertNoSecrets } from '../helpers/assert-no-secrets';
import { startAppHarness, type AppHarness } from './app-harness';

const WRONG_SECRET_ID = 'AKIDwrongwrongwrongwrong0001';
const WRONG_SECRET_KEY = 'wrongKeyWrongKeyWrongKey0002';

let h: AppHarness;
afterEach(async () => {
  await h.close();
});

it('keeps the SecretKey and SecretId out of every response, event and file', async () => {
  let skewMs = 0;
  h = await startAppHarness({ configured: false, guard: false, clientClockOffset: () => skewMs });
  const harness = h;

  const { credentials, operatorId } = harness.sim;
  const responses: { verb: string; result: IpcResult<unknown> }[] = [];
  const called = new Set<string>();
  const call = async (verb: string, payload?: unknown) => {
    called.add(verb);
    const result = await harness.call(verb, payload);
    responses.push({ verb, result });
    return result;
  };
  const data = async <T>(verb: string, payload?: unknown): Promise<T> => {
    const result = await call(verb, payload);
    if (!result.ok) throw new Error(`${verb}: ${JSON.stringify(result.error)}`);
    return result.data as T;
  };

  await call('getAppState');
  // A wrong SecretId: 190303, and its message must not carry what was sent.
  await data('saveCredentials', {
    appId: credentials.appId,
    sdkId: null,
    secretId: WRONG_SECRET_ID,
    secretKey: WRONG_SECRET_KEY,
    operatorId,
  });
  const unknownKey = await call('testConnection');
  expect(unknownKey).toMatchObject({ ok: false, error: { code: 190303 } });

  await data('saveCredentials', { ...credentials, sdkId: null, operatorId });
  await data('testConnection');
  // Diagnostics carry log lines: ones a bug let a secret into are scrubbed again.
  harness.logLines.push(
    `[roomcall] request failed: secretKey=${credentials.secretKey}`,
    `[roomcall] odd header ${credentials.secretId}`,
  );
  await data('copyDiagnostics');
  await data('dismissWarnings');
  // A clock ten minutes off: 190300.
  skewMs = 10 * 60_000;
  expect(await call('refreshCurrentMeeting')).toMatchObject({
    ok: true,
    data: { state: 'error', error: { code: 190300 } },
  });
  skewMs = 0;

  await call('getSettings');
  await call('updateSettings', { language: 'zh-CN', globalShortcut: 'CommandOrControl+Shift+R' });
  await call('getCurrentMeeting');
  await call('refreshCurrentMeeting');
  await call('setMeeting', { text: '806-146-667' });
  await call('chooseMeeting', { meetingId: '7567173273889276131' });
  await call('setMeeting', { text: 'https://meeting.tencent.com/dm/abcdef' });
  await call('clearMeeting');
  await call('getDirectory');
  await call('refreshDirectory');
  await harness.app.directory.whenIdle();
  await call('getDirectory');

  const room = harness.sim.roomWithOutcome('accepted');
  const added = await data<{ favorite: { id: string } }>('addFavorite', {
    kind: 'room',
    meetingRoomId: room.meeting_room_id,
    name: room.meeting_room_name,
    location: room.meeting_room_location,
  });
  const sip = await data<{ favorite: { id: string } }>('addFavorite', {
    kind: 'mra',
    protocol: 'sip',
    dialString: harness.sim.mraWithOutcome('rejected').dial_string,
    label: 'Lab',
  });
  await call('listFavorites');
  await call('renameFavorite', { id: sip.favorite.id, label: 'Lab 2' });
  await call('updateAddressFavorite', {
    id: sip.favorite.id,
    protocol: 'sip',
    dialString: harness.sim.mraWithOutcome('rejected').dial_string,
    label: 'Lab 3',
  });
  // Refused (a room is not an address): its error is swept too.
  await call('updateAddressFavorite', {
    id: added.favorite.id,
    protocol: 'h323',
    dialString: '10.0.0.7',
    label: null,
  });
  await call('moveFavorite', { id: sip.favorite.id, toIndex: 0 });
  // Export writes into the data folder, which the sweep reads.
  const exportFile = path.join(harness.dataDir, 'exported-favorites.json');
  harness.saveDialog.answers.push(exportFile);
  await data('exportFavorites');
  await call('importFavorites', { json: await readFile(exportFile, 'utf8') });

  const accepted = await data<CallView>('startCall', { favoriteId: added.favorite.id });
  const rejected = await data<CallView>('startCall', { favoriteId: sip.favorite.id });
  await call('cancelCall', { callId: rejected.callId });
  const failing = await data<CallView>('startCall', {
    room: {
      meetingRoomId: harness.sim.roomWithOutcome('offline').meeting_room_id,
      name: 'x',
      location: '',
    },
  });
  await harness.app.calls.whenIdle();
  expect(accepted.callId).not.toBe(failing.callId);
  await call('listCalls');
  await call('listHistory');
  await call('getPopoverSnapshot');
  await call('cancelCall', { callId: 'no-such-call' });
  await call('startCall', { favoriteId: 'no-such-favourite' });
  await call('removeFavorite', { id: added.favorite.id });
  await call('openWindow', { window: 'settings' });
  await call('hidePopover');
  await call('openHelp', { topic: 'credentials' });
  // No relay is set: each is refused (a secret pasted as a token is not echoed back).
  await call('relaySignInWithToken', { token: credentials.secretKey });
  await call('relaySignInWithBrowser');
  await call('relaySignInCancel');
  await call('relaySignOut');
  await call('logout');
  await call('getAppState');

  // Every channel took part.
  expect([...called].sort()).toEqual([...INVOKE_VERBS].sort());
  // The secrets were used (the session worked), then looked for everywhere the windows see.
  expect(responses.some(({ result }) => result.ok)).toBe(true);
  const texts: Record<string, string> = {};
  responses.forEach(({ verb, result }, index) => {
    texts[`response ${index} ${verb}`] = JSON.stringify(result);
  });
  harness.clipboard.forEach((text, index) => {
    texts[`clipboard ${index}`] = text;
  });
  harness.events.forEach((event, index) => {
    texts[`event ${index} ${event.name}`] = JSON.stringify(event.payload);
  });
  const secrets = [credentials.secretKey, credentials.secretId, WRONG_SECRET_ID, WRONG_SECRET_KEY];
  const summary = await assertNoSecrets({ texts, dirs: [harness.dataDir] }, secrets);
  expect(summary.textsScanned).toBeGreaterThan(60);
  expect(summary.filesScanned).toBeGreaterThan(2);
  // The SecretId's tail is all a window learns.
  const state = responses.findLast(({ verb, result }) => verb === 'saveCredentials' && result.ok);
  expect(JSON.stringify(state?.result)).toContain(`…${credentials.secretId.slice(-3)}`);
});
