/**
 * The invite (main/core/invite) over the real client and the simulator in both answer styles
 * (test/helpers/sim-modes.ts): every outcome a room or an address can end in, with one test body
 * per outcome. In sparse answers an unanswered call's room-call-info has no status at all (0 is
 * left out): it must still end as no-answer, never as a broken answer or an endless ring.
 */
import { describe, expect, it } from 'vitest';
import { invite } from '../../main/core/invite/invite';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_MODES } from '../helpers/sim-modes';
import { SIM_CURRENT_MEETING } from '../sim/index';
import {
  CURRENT_MEETING,
  ROOM_CALL,
  roomIntoCurrent,
  startHarness,
  statesOf,
  type HarnessSettings,
} from './invite-harness';

const start = closeAfterEach(startHarness);

describe.each(SIM_MODES)('invite with $mode', ({ sparse }) => {
  const harness = (settings: HarnessSettings = {}) => start({ ...settings, sparse });

  it.each([
    ['accepted', 2],
    ['rejected', 3],
    ['no-answer', 0],
  ] as const)('a room that ends %s (status %d)', async (outcome, status) => {
    const { sim, api, options, events, requestsTo } = await harness({ ringMs: 60_000 });
    const result = await invite(api, roomIntoCurrent(sim.roomWithOutcome(outcome)), options);
    expect(result.kind).toBe('settled');
    if (result.kind !== 'settled') return;
    expect(result.state).toBe(outcome);
    expect(result.info.status).toBe(status);
    expect(result.meeting.meeting_id).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(result.inviteId).toEqual(expect.any(String));
    expect(statesOf(events)).toEqual(['ringing', outcome]);
    expect(requestsTo('PUT', ROOM_CALL)).toHaveLength(1);
  });

  it.each(['accepted', 'rejected', 'no-answer'] as const)(
    'a SIP address that ends %s',
    async (outcome) => {
      const { sim, api, options } = await harness({ ringMs: 5_000 });
      const { dial_string } = sim.mraWithOutcome(outcome, 1);
      const result = await invite(
        api,
        {
          meeting: CURRENT_MEETING,
          target: { kind: 'mra', protocol: 'sip', dialString: dial_string },
        },
        options,
      );
      expect(result.kind === 'settled' && result.state).toBe(outcome);
    },
  );
});
