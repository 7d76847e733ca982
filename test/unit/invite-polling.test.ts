import { describe, expect, it } from 'vitest';
import { INVITE_DEFAULTS, invite, startInvite } from '../../main/core/invite/invite';
import { systemClock } from '../../main/core/invite/clock';
import { InviteError } from '../../main/core/invite/errors';
import { settledState } from '../../main/core/invite/states';
import type { InviteEvent, InviteOptions, InviteRequest } from '../../main/core/invite/types';
import type { CallState, CallTarget } from '../../main/core/wemeet/types';
import { rejectionOf } from '../helpers/rejection';
import { deferred, FakeApi, info, meeting, virtualClock, type FakeScript } from './invite-fake';

const room: CallTarget = { kind: 'room', meetingRoomId: '1234567890123456789' };
const byCode: InviteRequest = { meeting: { kind: 'code', code: '806146667' }, target: room };

/** A fake api and a virtual clock wired together, with a script of status reads. */
function setup(script: FakeScript = {}, states?: readonly (CallState | Error)[]) {
  const clock = virtualClock();
  const api = new FakeApi(
    {
      meetings: [meeting()],
      ...(states === undefined
        ? {}
        : { roomCallInfo: (n) => states[n] ?? states.at(-1) ?? 'ringing' }),
      ...script,
    },
    clock,
  );
  const events: InviteEvent[] = [];
  const options: InviteOptions = { clock, onProgress: (event) => events.push(event) };
  return { api, clock, events, options };
}

const types = (events: readonly InviteEvent[]) => events.map((event) => event.type);
const states = (events: readonly InviteEvent[]) =>
  events.flatMap((event) => (event.type === 'state' ? [event.info.state] : []));

/** Every event of an invite whose call reads ringing, then accepted: one state event each. */
const ACCEPTED_AFTER_RINGING = [
  'resolving',
  'resolved',
  'calling',
  'called',
  'state',
  'state',
  'finished',
];

describe('invite: a call that settles', () => {
  it('resolves, calls once, polls every 2 s and ends on accepted', async () => {
    const { api, clock, events, options } = setup({}, ['ringing', 'ringing', 'accepted']);
    const outcome = await invite(api, byCode, options);

    expect(outcome).toEqual({
      kind: 'settled',
      state: 'accepted',
      meeting: meeting(),
      inviteId: 'invite-1',
      info: info('accepted'),
      replyLost: false,
    });
    expect(api.callsOf('roomCall')).toEqual([
      { method: 'roomCall', request: { meetingId: '7567173273889276131', target: room } },
    ]);
    expect(api.callsOf('roomCallInfo').map((call) => call.at)).toEqual([2000, 4000, 6000]);
    expect(api.callsOf('roomCallInfo')[0]?.request).toEqual({
      meetingId: '7567173273889276131',
      target: room,
    });
    expect(clock.sleeps).toEqual([2000, 2000, 2000]);
    expect(types(events)).toEqual(ACCEPTED_AFTER_RINGING);
    expect(states(events)).toEqual(['ringing', 'accepted']);
  });

  it.each<CallState>(['rejected', 'no-answer', 'joined-or-cancelled', 'left'])(
    'ends on %s',
    async (state) => {
      const { api, options } = setup({}, ['ringing', state]);
      const outcome = await invite(api, byCode, options);
      expect(outcome.kind === 'settled' && outcome.state).toBe(state);
      expect(api.callsOf('cancelRoomCall')).toEqual([]);
    },
  );

  it("treats 'not-called' as pending during the grace period, then as settled", async () => {
    const early = setup({}, ['not-called', 'not-called', 'ringing', 'accepted']);
    const accepted = await invite(early.api, byCode, early.options);
    expect(accepted.kind === 'settled' && accepted.state).toBe('accepted');

    const lost = setup({}, ['not-called']);
    const outcome = await invite(lost.api, byCode, { ...lost.options, notCalledGraceMs: 6000 });
    expect(outcome.kind === 'settled' && outcome.state).toBe('not-called');
    expect(lost.api.callsOf('roomCallInfo').map((call) => call.at)).toEqual([2000, 4000, 6000]);
    // One state event: repeats of the same status are not reported again.
    expect(lost.events.filter((event) => event.type === 'state')).toHaveLength(2);
  });

  it('keeps waiting on ringing and unknown statuses until the deadline', async () => {
    const { api, clock, options } = setup({}, ['ringing', 'unknown', 'ringing']);
    const outcome = await invite(api, byCode, options);
    expect(outcome).toEqual({
      kind: 'timed-out',
      meeting: meeting(),
      inviteId: 'invite-1',
      lastInfo: info('ringing'),
      replyLost: false,
    });
    expect(clock.now()).toBe(INVITE_DEFAULTS.deadlineMs);
    const reads = api.callsOf('roomCallInfo').map((call) => call.at);
    expect(reads.at(-1)).toBe(75_000);
    expect(reads).toHaveLength(38);
    expect(api.callsOf('cancelRoomCall')).toEqual([]);
  });

  it('honours a custom interval and deadline', async () => {
    const { api, options } = setup();
    await invite(api, byCode, { ...options, pollIntervalMs: 500, deadlineMs: 1200 });
    expect(api.callsOf('roomCallInfo').map((call) => call.at)).toEqual([500, 1000, 1200]);
  });

  it('with wait: false, ends once room-call answered, without polling', async () => {
    const { api, options } = setup();
    const outcome = await invite(api, byCode, { ...options, wait: false });
    expect(outcome).toEqual({
      kind: 'placed',
      meeting: meeting(),
      inviteId: 'invite-1',
      info: null,
      replyLost: false,
    });
    expect(api.callsOf('roomCallInfo')).toEqual([]);
  });

  it('skips the lookup for a meeting the caller already resolved', async () => {
    const { api, events, options } = setup({}, ['accepted']);
    const other = meeting({ meeting_id: '12345678901234567890' });
    await invite(api, { meeting: { kind: 'resolved', meeting: other }, target: room }, options);
    expect(api.callsOf('meetingsByCode')).toEqual([]);
    expect(api.callsOf('roomCall')[0]?.request.meetingId).toBe('12345678901234567890');
    expect(types(events).slice(0, 2)).toEqual(['resolved', 'calling']);
  });
});

describe('invite: cancel', () => {
  it('while ringing: sends cancel-room-call once with the invite_id and reports cancelled', async () => {
    const { api, options } = setup();
    const sip: CallTarget = { kind: 'mra', protocol: 'sip', dialString: 'room@vc.example.com' };
    let ringingSeen = 0;
    const running = startInvite(
      api,
      { meeting: { kind: 'code', code: '806146667' }, target: sip },
      {
        ...options,
        onProgress: (event) => {
          if (event.type === 'state' && event.info.state === 'ringing') {
            ringingSeen += 1;
            running.cancel();
            running.cancel();
          }
        },
      },
    );
    const outcome = await running.done;
    expect(outcome).toEqual({
      kind: 'cancelled',
      meeting: meeting(),
      inviteId: 'invite-1',
      callCancelled: true,
    });
    expect(ringingSeen).toBe(1);
    expect(api.callsOf('cancelRoomCall')).toEqual([
      {
        method: 'cancelRoomCall',
        request: { meetingId: '7567173273889276131', target: sip, inviteId: 'invite-1' },
      },
    ]);
    expect(api.callsOf('roomCallInfo')).toHaveLength(1);
    running.cancel();
    expect(api.callsOf('cancelRoomCall')).toHaveLength(1);
  });

  it('through an AbortSignal, also while a status read is in flight', async () => {
    const hanging = deferred<never>();
    const { api, events, options } = setup({ roomCallInfo: () => hanging.promise });
    const controller = new AbortController();
    const running = startInvite(api, byCode, {
      ...options,
      signal: controller.signal,
      onProgress: (event) => {
        options.onProgress?.(event);
        if (event.type === 'called') {
          setTimeout(() => {
            controller.abort();
          }, 5);
        }
      },
    });
    const outcome = await running.done;
    expect(outcome.kind).toBe('cancelled');
    expect(api.callsOf('cancelRoomCall')).toHaveLength(1);
    expect(types(events).slice(-3)).toEqual(['called', 'cancelling', 'finished']);
    hanging.reject(new Error('late failure, ignored'));
  });

  it('while room-call is in flight: waits for its invite_id, then cancels that call', async () => {
    const answer = deferred<{ inviteId: string; status: number }>();
    const { api, options } = setup({ roomCall: () => answer.promise });
    const running = startInvite(api, byCode, {
      ...options,
      onProgress: (event) => {
        if (event.type === 'calling') running.cancel();
      },
    });
    await Promise.resolve();
    answer.resolve({ inviteId: 'late-invite', status: 2 });
    const outcome = await running.done;
    expect(outcome).toEqual({
      kind: 'cancelled',
      meeting: meeting(),
      inviteId: 'late-invite',
      callCancelled: true,
    });
    expect(api.callsOf('cancelRoomCall')[0]?.request.inviteId).toBe('late-invite');
    expect(api.callsOf('roomCallInfo')).toEqual([]);
  });

  it('during the meeting lookup: nothing is called', async () => {
    const lookup = deferred<never>();
    const { api, options } = setup({ meetingsByCode: () => lookup.promise });
    const running = startInvite(api, byCode, {
      ...options,
      onProgress: (event) => {
        if (event.type === 'resolving') running.cancel();
      },
    });
    expect(await running.done).toEqual({
      kind: 'cancelled',
      meeting: null,
      inviteId: null,
      callCancelled: false,
    });
    expect(api.callsOf('meetingsByCode')).toHaveLength(1);
    expect(api.callsOf('roomCall')).toEqual([]);
    expect(api.callsOf('cancelRoomCall')).toEqual([]);
  });

  it('right after starting: no request at all', async () => {
    const { api, events, options } = setup();
    const running = startInvite(api, byCode, options);
    expect(events).toEqual([]);
    running.cancel();
    expect((await running.done).kind).toBe('cancelled');
    expect(api.calls).toEqual([]);
  });

  it('on the first event of an already resolved meeting: room-call is not sent', async () => {
    const { api, options } = setup();
    const running = startInvite(
      api,
      { meeting: { kind: 'resolved', meeting: meeting() }, target: room },
      {
        ...options,
        onProgress: (event) => {
          if (event.type === 'resolved') running.cancel();
        },
      },
    );
    expect(await running.done).toEqual({
      kind: 'cancelled',
      meeting: meeting(),
      inviteId: null,
      callCancelled: false,
    });
    expect(api.calls).toEqual([]);
  });

  it('with a signal aborted before the start: no request at all', async () => {
    const { api, options } = setup();
    const outcome = await invite(api, byCode, { ...options, signal: AbortSignal.abort() });
    expect(outcome.kind === 'cancelled' && outcome.callCancelled).toBe(false);
    expect(api.calls).toEqual([]);
  });

  it('reports a failed cancel: the room may still ring', async () => {
    const { api, options } = setup({
      cancelRoomCall: () => Promise.reject(new Error('socket hang up')),
    });
    const running = startInvite(api, byCode, {
      ...options,
      onProgress: (event) => {
        if (event.type === 'state') running.cancel();
      },
    });
    const error = await rejectionOf(running.done, InviteError);
    expect(error.kind).toBe('cancel-failed');
    expect(error.inviteId).toBe('invite-1');
    expect(error.message).toBe('Could not cancel the call: socket hang up');
    expect(api.callsOf('cancelRoomCall')).toHaveLength(1);
  });
});

describe('invite: room-call failing', () => {
  it('surfaces the error, sent exactly once, never polled', async () => {
    const cause = new Error('HTTP 500 error 10004');
    const { api, events, options } = setup({ roomCall: () => Promise.reject(cause) });
    const error = await rejectionOf(invite(api, byCode, options), InviteError);
    expect(error.kind).toBe('call-failed');
    expect(error.cause).toBe(cause);
    expect(error.inviteId).toBeNull();
    expect(error.message).toBe(
      "The call into meeting 'Weekly sync' (806-146-667) failed: HTTP 500 error 10004",
    );
    expect(api.callsOf('roomCall')).toHaveLength(1);
    expect(api.callsOf('roomCallInfo')).toEqual([]);
    expect(types(events).at(-1)).toBe('failed');
  });

  it("treats room-call's status 5 as a failed call", async () => {
    const { api, options } = setup({
      roomCall: () => Promise.resolve({ inviteId: 'invite-5', status: 5 }),
    });
    const error = await rejectionOf(invite(api, byCode, options), InviteError);
    expect(error.kind).toBe('call-failed');
    expect(error.inviteId).toBe('invite-5');
    expect(error.message).toBe(
      "The call into meeting 'Weekly sync' (806-146-667) failed: Tencent Meeting reported the call as failed",
    );
  });

  it.each([1, 2, null])('goes on with room-call status %s', async (status) => {
    const { api, options } = setup({ roomCall: () => Promise.resolve({ inviteId: 'x', status }) }, [
      'accepted',
    ]);
    expect((await invite(api, byCode, options)).kind).toBe('settled');
  });
});

describe('invite: status reads that fail', () => {
  const blip = new Error('ECONNRESET');
  const transient = { isTransientError: () => true };

  it('survive transient errors and count them', async () => {
    const { api, events, options } = setup({}, ['ringing', blip, blip, 'accepted']);
    const outcome = await invite(api, byCode, { ...options, ...transient });
    expect(outcome.kind === 'settled' && outcome.state).toBe('accepted');
    const failures = events.flatMap((event) =>
      event.type === 'poll-failed' ? [event.consecutiveFailures] : [],
    );
    expect(failures).toEqual([1, 2]);
  });

  it('give up after N consecutive failures, with the last error', async () => {
    const last = new Error('the last one');
    const script = ['ringing', blip, blip, 'ringing', blip, blip, blip, blip, last, 'accepted'];
    const { api, options } = setup({}, script as (CallState | Error)[]);
    const error = await rejectionOf(invite(api, byCode, { ...options, ...transient }), InviteError);
    expect(error.kind).toBe('status-failed');
    expect(error.cause).toBe(last);
    expect(error.inviteId).toBe('invite-1');
    expect(error.message).toBe(
      'The call was placed, but its status could not be read (5 attempts in a row): the last one',
    );
    expect(api.callsOf('roomCallInfo')).toHaveLength(9);
    expect(api.callsOf('cancelRoomCall')).toEqual([]);
  });

  it('end at once on an error that retrying cannot cure', async () => {
    const denied = new Error('permission denied');
    const { api, options } = setup({}, ['ringing', denied]);
    const error = await rejectionOf(
      invite(api, byCode, { ...options, isTransientError: (e) => e !== denied }),
      InviteError,
    );
    expect(error.kind).toBe('status-failed');
    expect(error.message).toBe(
      'The call was placed, but its status could not be read: permission denied',
    );
    expect(api.callsOf('roomCallInfo')).toHaveLength(2);
  });

  it('by default use the client’s isTransient: a plain Error is not transient', async () => {
    const { api, options } = setup({}, [new Error('boom')]);
    expect((await rejectionOf(invite(api, byCode, options), InviteError)).kind).toBe(
      'status-failed',
    );
  });
});

describe('invite: events', () => {
  it('replays every event to late and multiple subscribers, ending with finished', async () => {
    const { api, options } = setup({}, ['ringing', 'accepted']);
    const running = startInvite(api, byCode, options);
    await running.done;
    const collect = async () => {
      const seen: string[] = [];
      for await (const event of running.events()) seen.push(event.type);
      return seen;
    };
    const [first, second] = await Promise.all([collect(), collect()]);
    expect(first).toEqual(ACCEPTED_AFTER_RINGING);
    expect(second).toEqual(first);
  });

  it('streams events as they happen and ends with failed on an error', async () => {
    const { api, options } = setup({ meetings: [] });
    const running = startInvite(api, byCode, options);
    const seen: InviteEvent[] = [];
    for await (const event of running.events()) seen.push(event);
    expect(types(seen)).toEqual(['resolving', 'failed']);
    const last = seen.at(-1);
    expect(last?.type === 'failed' && last.error.kind).toBe('meeting-not-found');
    await expect(running.done).rejects.toBeInstanceOf(InviteError);
  });

  it('ignores a progress callback that throws', async () => {
    const { api, options } = setup({}, ['accepted']);
    const outcome = await invite(api, byCode, {
      ...options,
      onProgress: () => {
        throw new Error('broken display');
      },
    });
    expect(outcome.kind).toBe('settled');
  });

  it('wraps an unexpected throw from the api as an InviteError', async () => {
    const { api, options } = setup({
      roomCallInfo: () => {
        throw new TypeError('not a function');
      },
    });
    const error = await rejectionOf(invite(api, byCode, options), InviteError);
    expect(error.kind).toBe('unexpected');
    expect(error.inviteId).toBe('invite-1');
  });
});

describe('invite options', () => {
  it.each<[InviteOptions, string]>([
    [{ pollIntervalMs: 0 }, 'pollIntervalMs must be a finite number > 0'],
    [{ pollIntervalMs: Number.NaN }, 'pollIntervalMs must be a finite number > 0'],
    [{ deadlineMs: -1 }, 'deadlineMs must be a finite number > 0'],
    [{ maxPollFailures: 0 }, 'maxPollFailures must be an integer >= 1'],
    [{ notCalledGraceMs: -5 }, 'notCalledGraceMs must be >= 0'],
  ])('refuses %j at once', (options, message) => {
    expect(() => startInvite(new FakeApi({}), byCode, options)).toThrow(new RangeError(message));
  });
});

describe('settledState', () => {
  it.each<[CallState, number, string | null]>([
    ['accepted', 0, 'accepted'],
    ['rejected', 0, 'rejected'],
    ['no-answer', 0, 'no-answer'],
    ['joined-or-cancelled', 0, 'joined-or-cancelled'],
    ['left', 0, 'left'],
    ['ringing', 999_999, null],
    ['unknown', 999_999, null],
    ['not-called', 9_999, null],
    ['not-called', 10_000, 'not-called'],
  ])('%s after %i ms → %s', (state, ms, expected) => {
    expect(settledState(state, ms, 10_000)).toBe(expected);
  });
});

describe('systemClock', () => {
  it('sleeps, and wakes early on abort', async () => {
    const controller = new AbortController();
    const start = systemClock.now();
    await systemClock.sleep(20, controller.signal);
    expect(systemClock.now() - start).toBeGreaterThanOrEqual(15);
    const early = systemClock.now();
    setTimeout(() => {
      controller.abort();
    }, 5);
    await systemClock.sleep(10_000, controller.signal);
    expect(systemClock.now() - early).toBeLessThan(1000);
    await systemClock.sleep(10_000, controller.signal);
  });
});
