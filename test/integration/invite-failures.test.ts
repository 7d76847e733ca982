/**
 * What goes wrong, end to end: room-call refused or lost (sent once, never again), status
 * reads failing for a while (the invite keeps going) or for good (it gives up, saying the
 * room may still ring).
 */
import { describe, expect, it } from 'vitest';
import { invite } from '../../main/core/invite/invite';
import { InviteError } from '../../main/core/invite/errors';
import { WemeetApiError, WemeetNetworkError } from '../../main/core/wemeet/errors';
import { closeAfterEach } from '../helpers/close-after-each';
import { rejectionOf } from '../helpers/rejection';
import { SIM_INVITEE_MEETING } from '../sim/index';
import {
  CANCEL_ROOM_CALL,
  ROOM_CALL,
  ROOM_CALL_INFO,
  roomIntoCurrent,
  startHarness,
  statesOf,
  type HarnessSettings,
} from './invite-harness';

/** The client's own retries off, so every failed read reaches the invite. */
const harness = closeAfterEach((settings: HarnessSettings = {}) =>
  startHarness({ ...settings, client: { retry: { attempts: 1 }, ...settings.client } }),
);

describe('invite over the simulator: room-call failing', () => {
  it('an offline room: 500/10004 surfaces, room-call sent exactly once, one status read to explain it', async () => {
    const { sim, api, options, events, requestsTo } = await harness({
      client: { retry: { attempts: 3 } },
    });
    const room = sim.roomWithOutcome('offline');
    const error = await rejectionOf(invite(api, roomIntoCurrent(room), options), InviteError);
    expect(error.kind).toBe('call-failed');
    expect(error.cause).toBeInstanceOf(WemeetApiError);
    expect(error.cause instanceof WemeetApiError && error.cause.errorCode).toBe(10004);
    expect(error.message).toMatch(/^The call into meeting '.+' \(806-146-667\) failed: /);
    expect(error.hint).toBe('Check that the room is online and idle, then call it again.');
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    // The status may explain 10004 (already ringing or in the meeting); here it does not.
    expect(requestsTo('POST', ROOM_CALL_INFO)).toHaveLength(1);
    expect(events.at(-1)?.type).toBe('failed');
  });

  it('a lost answer (the room rings, the reply never arrives): not sent again, followed by its status', async () => {
    const { sim, api, options, events, requestsTo } = await harness({
      client: { retry: { attempts: 3 } },
    });
    sim.faults.inject({ type: 'reset', path: ROOM_CALL, when: 'after' });
    const room = sim.roomWithOutcome('accepted');
    const outcome = await invite(api, roomIntoCurrent(room), options);
    expect(outcome).toMatchObject({
      kind: 'settled',
      state: 'accepted',
      inviteId: null,
      replyLost: true,
    });
    const lost = events.find((e) => e.type === 'unconfirmed');
    expect(lost?.type === 'unconfirmed' && lost.error).toBeInstanceOf(WemeetNetworkError);
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    expect(requestsTo('PUT', CANCEL_ROOM_CALL)).toEqual([]);
  });

  it('a SIP address the operator may not call (not the host): 9042 surfaces', async () => {
    const { sim, api, options, requestsTo } = await harness();
    const sip = sim.mraWithOutcome('accepted', 1);
    const error = await rejectionOf(
      invite(
        api,
        {
          meeting: { kind: 'id', meetingId: SIM_INVITEE_MEETING.meeting_id },
          target: { kind: 'mra', protocol: 'sip', dialString: sip.dial_string },
        },
        options,
      ),
      InviteError,
    );
    expect(error.kind).toBe('call-failed');
    expect(error.cause instanceof WemeetApiError && error.cause.errorCode).toBe(9042);
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });
});

describe('invite over the simulator: status reads failing', () => {
  it('survives transient errors (500s, a reset) and still reports the outcome', async () => {
    const { sim, api, options, events, requestsTo } = await harness({ ringMs: 10_000 });
    sim.faults.inject({ type: 'http-500', path: ROOM_CALL_INFO, times: 2 });
    sim.faults.inject({ type: 'reset', path: ROOM_CALL_INFO, times: 1 });
    const room = sim.roomWithOutcome('accepted');
    const outcome = await invite(api, roomIntoCurrent(room), options);
    expect(outcome.kind === 'settled' && outcome.state).toBe('accepted');
    const failures = events.flatMap((event) =>
      event.type === 'poll-failed' ? [event.consecutiveFailures] : [],
    );
    expect(failures).toEqual([1, 2, 3]);
    expect(statesOf(events)).toEqual(['ringing', 'accepted']);
    expect(requestsTo('POST', ROOM_CALL_INFO)).toHaveLength(5);
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it('gives up after 5 consecutive failures, with the last error, the call still placed', async () => {
    const { sim, api, options, requestsTo } = await harness({ ringMs: 60_000 });
    sim.faults.inject({ type: 'http-500', path: ROOM_CALL_INFO, times: 4 });
    sim.faults.inject({ type: 'rate-limit', path: ROOM_CALL_INFO, times: 1 });
    const room = sim.roomWithOutcome('accepted');
    const error = await rejectionOf(invite(api, roomIntoCurrent(room), options), InviteError);
    expect(error.kind).toBe('status-failed');
    expect(error.inviteId).not.toBeNull();
    expect(error.cause instanceof WemeetApiError && error.cause.errorCode).toBe(190310);
    expect(error.message).toMatch(
      /^The call was placed, but its status could not be read \(5 attempts in a row\): /,
    );
    expect(requestsTo('POST', ROOM_CALL_INFO)).toHaveLength(5);
    expect(requestsTo('PUT', CANCEL_ROOM_CALL)).toEqual([]);
  });

  it('stops at once on an error retrying cannot cure', async () => {
    const { sim, api, options, requestsTo } = await harness({ ringMs: 60_000 });
    sim.faults.inject({ type: 'error', path: ROOM_CALL_INFO, status: 400, code: 190004, times: 1 });
    const room = sim.roomWithOutcome('accepted');
    const error = await rejectionOf(invite(api, roomIntoCurrent(room), options), InviteError);
    expect(error.kind).toBe('status-failed');
    expect(error.cause instanceof WemeetApiError && error.cause.errorCode).toBe(190004);
    expect(requestsTo('POST', ROOM_CALL_INFO)).toHaveLength(1);
  });
});
