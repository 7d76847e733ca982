/**
 * The invite use-case end to end: the real client signing real HTTP requests to the loopback
 * simulator, which rings, settles and cancels calls on its own (virtual) clock.
 */
import { describe, expect, it } from 'vitest';
import { invite, startInvite } from '../../main/core/invite/invite';
import type { InviteRequest } from '../../main/core/invite/types';
import type { CallTarget } from '../../main/core/wemeet/types';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_CURRENT_MEETING, SIM_TWENTY_DIGIT_MEETING } from '../sim/index';
import {
  bodyOf,
  CANCEL_ROOM_CALL,
  CURRENT_MEETING,
  ROOM_CALL,
  ROOM_CALL_INFO,
  roomIntoCurrent,
  roomTarget,
  startHarness,
  statesOf,
} from './invite-harness';

const harness = closeAfterEach(startHarness);

describe('invite over the simulator: outcomes', () => {
  it('accepted: one room-call, polls every 2 s while ringing, ends on accepted', async () => {
    const { sim, api, options, events, elapsed, requestsTo } = await harness({ ringMs: 5_000 });
    const room = sim.roomWithOutcome('accepted');
    const outcome = await invite(api, roomIntoCurrent(room), options);

    expect(outcome.kind).toBe('settled');
    if (outcome.kind !== 'settled') return;
    expect(outcome.state).toBe('accepted');
    expect(outcome.meeting.meeting_id).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(outcome.info.status).toBe(2);
    expect(statesOf(events)).toEqual(['ringing', 'accepted']);
    expect(elapsed()).toBe(6_000);

    const calls = requestsTo('PUT', ROOM_CALL);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.meetingIdRaw).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(bodyOf(calls[0])).toMatchObject({ meeting_room_id: room.meeting_room_id });
    expect(requestsTo('POST', ROOM_CALL_INFO)).toHaveLength(3);
    expect(requestsTo('GET', '/v1/meetings')[0]?.query).toMatchObject({
      meeting_code: SIM_CURRENT_MEETING.meeting_code,
    });
    const called = events.find((event) => event.type === 'called');
    expect(called?.type === 'called' && called.inviteId).toBe(outcome.inviteId);
  });

  it('rejected', async () => {
    const { sim, api, options } = await harness();
    const room = sim.roomWithOutcome('rejected');
    const outcome = await invite(api, roomIntoCurrent(room), options);
    expect(outcome.kind === 'settled' && outcome.state).toBe('rejected');
  });

  it('no answer: the server gives up at 60 s, before our 75 s deadline', async () => {
    const { sim, api, options, events, elapsed, requestsTo } = await harness({ ringMs: 60_000 });
    const room = sim.roomWithOutcome('no-answer');
    const outcome = await invite(api, roomIntoCurrent(room), options);
    expect(outcome.kind === 'settled' && outcome.state).toBe('no-answer');
    expect(elapsed()).toBe(60_000);
    expect(statesOf(events)).toEqual(['ringing', 'no-answer']);
    expect(requestsTo('POST', ROOM_CALL_INFO)).toHaveLength(30);
    expect(requestsTo('PUT', CANCEL_ROOM_CALL)).toEqual([]);
  });

  it('times out at the deadline when the call never settles', async () => {
    const { sim, api, options, elapsed } = await harness({ ringMs: 600_000 });
    const room = sim.roomWithOutcome('accepted');
    const outcome = await invite(api, roomIntoCurrent(room), options);
    expect(outcome.kind).toBe('timed-out');
    expect(outcome.kind === 'timed-out' && outcome.lastInfo?.state).toBe('ringing');
    expect(elapsed()).toBe(75_000);
  });

  it('SIP and H.323 addresses, sent as mra_address', async () => {
    const { sim, api, options, requestsTo } = await harness();
    const sip = sim.mraWithOutcome('rejected', 1);
    const h323 = sim.mraWithOutcome('accepted', 2);
    const targets: CallTarget[] = [
      { kind: 'mra', protocol: 'sip', dialString: `sip:${sip.dial_string}` },
      { kind: 'mra', protocol: 'h323', dialString: h323.dial_string },
    ];
    const outcomes = [];
    for (const target of targets) {
      outcomes.push(await invite(api, { meeting: CURRENT_MEETING, target }, options));
    }
    expect(outcomes.map((o) => o.kind === 'settled' && o.state)).toEqual(['rejected', 'accepted']);
    expect(requestsTo('PUT', ROOM_CALL).map((r) => bodyOf(r))).toMatchObject([
      { mra_address: { protocol: 1, dial_string: `sip:${sip.dial_string}` } },
      { mra_address: { protocol: 2, dial_string: h323.dial_string } },
    ]);
  });

  it('a 20-digit meeting ID keeps every digit on the wire', async () => {
    const { sim, api, options, requestsTo } = await harness();
    const room = sim.roomWithOutcome('accepted');
    const request: InviteRequest = {
      meeting: { kind: 'id', meetingId: SIM_TWENTY_DIGIT_MEETING.meeting_id },
      target: roomTarget(room.meeting_room_id),
    };
    const outcome = await invite(api, request, options);
    expect(outcome.kind === 'settled' && outcome.state).toBe('accepted');
    expect(requestsTo('GET', `/v1/meetings/${SIM_TWENTY_DIGIT_MEETING.meeting_id}`)).toHaveLength(
      1,
    );
    for (const path of [ROOM_CALL, ROOM_CALL_INFO]) {
      const sent = sim.requests.filter((r) => r.path === path);
      expect(sent.length).toBeGreaterThan(0);
      for (const r of sent) expect(r.meetingIdRaw).toBe(SIM_TWENTY_DIGIT_MEETING.meeting_id);
    }
  });

  it('wait: false places the call and reads no status', async () => {
    const { sim, api, options, requestsTo } = await harness();
    const room = sim.roomWithOutcome('accepted');
    const outcome = await invite(api, roomIntoCurrent(room), { ...options, wait: false });
    expect(outcome.kind).toBe('placed');
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    expect(requestsTo('POST', ROOM_CALL_INFO)).toEqual([]);
  });
});

describe('invite over the simulator: cancel', () => {
  it('while ringing: cancel-room-call sent once with the invite_id; the call ends cancelled', async () => {
    const { sim, api, options, events, requestsTo } = await harness({ ringMs: 60_000 });
    const room = sim.roomWithOutcome('accepted');
    const target = roomTarget(room.meeting_room_id);
    const running = startInvite(
      api,
      { meeting: CURRENT_MEETING, target },
      {
        ...options,
        onProgress: (event) => {
          options.onProgress?.(event);
          if (event.type === 'state' && event.info.state === 'ringing') running.cancel();
        },
      },
    );
    const outcome = await running.done;

    expect(outcome.kind).toBe('cancelled');
    if (outcome.kind !== 'cancelled') return;
    expect(outcome.callCancelled).toBe(true);
    const cancels = requestsTo('PUT', CANCEL_ROOM_CALL);
    expect(cancels).toHaveLength(1);
    expect(bodyOf(cancels[0])).toMatchObject({
      invite_id: outcome.inviteId,
      meeting_id: SIM_CURRENT_MEETING.meeting_id,
      meeting_room_id: room.meeting_room_id,
    });
    expect(cancels[0]?.status).toBe(200);
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
    expect(events.map((event) => event.type).slice(-2)).toEqual(['cancelling', 'finished']);

    // The server agrees: the call reads as cancelled (5) now.
    const after = await api.roomCallInfo({ meetingId: SIM_CURRENT_MEETING.meeting_id, target });
    expect(after.status).toBe(5);
  });

  it('through an AbortSignal, e.g. the CLI on Ctrl-C', async () => {
    const { sim, api, options, requestsTo } = await harness({ ringMs: 60_000 });
    const sip = sim.mraWithOutcome('accepted', 1);
    const controller = new AbortController();
    const outcome = await invite(
      api,
      {
        meeting: CURRENT_MEETING,
        target: { kind: 'mra', protocol: 'sip', dialString: sip.dial_string },
      },
      {
        ...options,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.type === 'state') controller.abort();
        },
      },
    );
    expect(outcome.kind).toBe('cancelled');
    const cancels = requestsTo('PUT', CANCEL_ROOM_CALL);
    expect(cancels).toHaveLength(1);
    expect(bodyOf(cancels[0])).toMatchObject({
      mra_address: { protocol: 1, dial_string: sip.dial_string },
    });
  });

  it('before the call: nothing rings, nothing to cancel', async () => {
    const { sim, api, options, requestsTo } = await harness();
    const room = sim.roomWithOutcome('accepted');
    const running = startInvite(api, roomIntoCurrent(room), options);
    running.cancel();
    const outcome = await running.done;
    expect(outcome).toMatchObject({ kind: 'cancelled', callCancelled: false, inviteId: null });
    expect(sim.requests).toEqual([]);
    expect(requestsTo('PUT', ROOM_CALL)).toEqual([]);
    expect(requestsTo('PUT', CANCEL_ROOM_CALL)).toEqual([]);
  });
});
