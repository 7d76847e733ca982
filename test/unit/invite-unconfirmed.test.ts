/**
 * The invite's rules for a lost reply and for a second intent (issue 12), on the fake api:
 * which room-call errors leave the call unconfirmed, what the status then decides, what
 * checkFirst spares, and what cancel can do without an invite_id.
 */
import { describe, expect, it } from 'vitest';
import { InviteError } from '../../main/core/invite/errors';
import { invite, startInvite } from '../../main/core/invite/invite';
import { replyMayBeLost } from '../../main/core/invite/lost-reply';
import type { InviteEvent, InviteOptions, InviteRequest } from '../../main/core/invite/types';
import {
  WemeetApiError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
} from '../../main/core/wemeet/errors';
import type { CallState, CallTarget } from '../../main/core/wemeet/types';
import { rejectionOf } from '../helpers/rejection';
import { FakeApi, meeting, virtualClock } from './invite-fake';

const label = { method: 'PUT', path: '/v1/meeting-rooms/room-call' };
const room: CallTarget = { kind: 'room', meetingRoomId: '1234567890123456789' };
const sip: CallTarget = { kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com' };
const into = (target: CallTarget): InviteRequest => ({
  meeting: { kind: 'resolved', meeting: meeting() },
  target,
});

const refused = () =>
  new WemeetApiError(label, {
    status: 500,
    errorCode: 10004,
    newErrorCode: null,
    serverMessage: null,
  });
const serverError = () =>
  new WemeetApiError(label, {
    status: 502,
    errorCode: null,
    newErrorCode: null,
    serverMessage: null,
  });

function setup(roomCallError: Error | null, reads: readonly (CallState | Error)[]) {
  const clock = virtualClock();
  const api = new FakeApi(
    {
      meetings: [meeting()],
      roomCall: () =>
        roomCallError === null
          ? Promise.resolve({ inviteId: 'invite-1', status: 2 })
          : Promise.reject(roomCallError),
      roomCallInfo: (n) => reads[n] ?? reads.at(-1) ?? 'ringing',
    },
    clock,
  );
  const events: InviteEvent[] = [];
  const options: InviteOptions = { clock, onProgress: (event) => events.push(event) };
  return { api, events, options };
}

describe('which room-call errors may hide a placed call', () => {
  it.each([
    ['a timeout', new WemeetTimeoutError(label, 10_000), true],
    ['a reset', new WemeetNetworkError(label, 'ECONNRESET'), true],
    ['an unreadable reply', new WemeetResponseError(label, 'malformed-json', null), true],
    ['a 5xx without a refusal code', serverError(), true],
    ['a refusal (10004)', refused(), false],
    ['a connection refused (never sent)', new WemeetNetworkError(label, 'ECONNREFUSED'), false],
    ['a programming error', new TypeError('x'), false],
  ])('%s: %s', (_name, error, lost) => {
    expect(replyMayBeLost(error)).toBe(lost);
  });
});

describe('a lost reply is followed through the status', () => {
  it('ringing, then accepted: settled accepted, replyLost, no invite_id, one room-call', async () => {
    const { api, events, options } = setup(serverError(), ['ringing', 'accepted']);
    const outcome = await invite(api, into(room), options);
    expect(outcome).toMatchObject({
      kind: 'settled',
      state: 'accepted',
      inviteId: null,
      replyLost: true,
    });
    expect(events.map((e) => e.type)).toContain('unconfirmed');
    expect(api.callsOf('roomCall')).toHaveLength(1);
  });

  it('without wait, ends as placed once the status shows it ringing', async () => {
    const { api, options } = setup(new WemeetTimeoutError(label, 10_000), [
      'not-called',
      'ringing',
    ]);
    const outcome = await invite(api, into(room), { ...options, wait: false });
    expect(outcome).toMatchObject({ kind: 'placed', inviteId: null, replyLost: true });
    expect(outcome.kind === 'placed' && outcome.info?.state).toBe('ringing');
  });

  it('not called after the grace period: the one failure', async () => {
    const { api, options } = setup(new WemeetNetworkError(label, 'ECONNRESET'), ['not-called']);
    const error = await rejectionOf(invite(api, into(room), options), InviteError);
    expect(error.kind).toBe('call-failed');
    expect(error.message).toMatch(
      /was lost \(.*ECONNRESET.*\), and its status shows it was not called/,
    );
  });

  it('a status that cannot be read either: the unconfirmed outcome, not a failure', async () => {
    const forbidden = new WemeetApiError(label, {
      status: 403,
      errorCode: 9042,
      newErrorCode: null,
      serverMessage: null,
    });
    const { api, options } = setup(serverError(), [forbidden]);
    const outcome = await invite(api, into(room), options);
    expect(outcome).toMatchObject({ kind: 'unconfirmed', lastInfo: null });
  });

  it('cancel without an invite_id sends nothing and says it could not', async () => {
    const { api, options } = setup(serverError(), ['ringing']);
    const running = startInvite(api, into(room), {
      ...options,
      onProgress: (event) => {
        if (event.type === 'state') running.cancel();
      },
    });
    const outcome = await running.done;
    expect(outcome).toMatchObject({ kind: 'not-cancellable' });
    expect(api.callsOf('cancelRoomCall')).toEqual([]);
  });
});

describe('no second ring', () => {
  it('checkFirst: in the meeting → no room-call, outcome already in-meeting', async () => {
    const { api, options } = setup(null, ['accepted']);
    const outcome = await invite(api, into(room), { ...options, checkFirst: true });
    expect(outcome).toMatchObject({ kind: 'already', state: 'in-meeting' });
    expect(api.callsOf('roomCall')).toEqual([]);
  });

  it('checkFirst: ringing, with wait → followed without calling, to its end', async () => {
    const { api, options } = setup(null, ['ringing', 'ringing', 'accepted']);
    const outcome = await invite(api, into(room), { ...options, checkFirst: () => true });
    expect(outcome).toMatchObject({ kind: 'settled', state: 'accepted', inviteId: null });
    expect(api.callsOf('roomCall')).toEqual([]);
  });

  it('checkFirst: left the meeting (6) → called again', async () => {
    const { api, options } = setup(null, ['left', 'accepted']);
    const outcome = await invite(api, into(room), { ...options, checkFirst: true });
    expect(outcome).toMatchObject({ kind: 'settled', state: 'accepted', inviteId: 'invite-1' });
    expect(api.callsOf('roomCall')).toHaveLength(1);
  });

  it('10004 explained by the status: already in the meeting is not a failure', async () => {
    const { api, options } = setup(refused(), ['accepted']);
    const outcome = await invite(api, into(sip), options);
    expect(outcome).toMatchObject({ kind: 'already', state: 'in-meeting' });
  });

  it('10004 the status cannot explain: advice fit for an address', async () => {
    const { api, options } = setup(refused(), ['not-called']);
    const error = await rejectionOf(invite(api, into(sip), options), InviteError);
    expect(error.hint).toContain('Check the address and that the device is on and reachable');
    const forRoom = setup(refused(), ['not-called']);
    const roomError = await rejectionOf(
      invite(forRoom.api, into(room), forRoom.options),
      InviteError,
    );
    expect(roomError.hint).toBe('Check that the room is online and idle, then call it again.');
  });
});
