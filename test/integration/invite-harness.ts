/**
 * Set-up for the invite's integration tests: the real client (createWemeetApi) over loopback
 * HTTP to the simulator, with one virtual clock (test/helpers/virtual-simulator.ts) shared by
 * the simulator (call timing, replay and skew checks), the client (X-TC-Timestamp) and the
 * invite (polling). Sleeping advances it, so the real defaults (2 s polls, 75 s deadline, 60 s
 * rings) run in milliseconds.
 */
import type { Clock } from '../../main/core/invite/clock';
import type { InviteEvent, InviteOptions, InviteRequest } from '../../main/core/invite/types';
import { createWemeetApi } from '../../main/core/wemeet/api-impl';
import type { WemeetApi } from '../../main/core/wemeet/api';
import type { WemeetClientOptions } from '../../main/core/wemeet/client-options';
import type { CallTarget } from '../../main/core/wemeet/types';
import { startVirtualSimulator } from '../helpers/virtual-simulator';
import { SIM_CURRENT_MEETING } from '../sim/index';
import type { RecordedRequest, SimRoom, Simulator } from '../sim/index';
import { requestsTo } from './wemeet-helpers';

export interface InviteHarness {
  readonly sim: Simulator;
  readonly api: WemeetApi;
  readonly clock: Clock;
  /** Virtual ms since the harness started. */
  readonly elapsed: () => number;
  /** Every event of the invites started with `options`, in order. */
  readonly events: InviteEvent[];
  readonly options: InviteOptions;
  readonly requestsTo: (method: string, path: string) => RecordedRequest[];
  readonly close: () => Promise<void>;
}

export interface HarnessSettings {
  readonly ringMs?: number;
  /** The simulator's sparse mode (zero, false and empty fields left out). */
  readonly sparse?: boolean;
  /** Client overrides, e.g. retry: { attempts: 1 } to let failures reach the invite. */
  readonly client?: Partial<WemeetClientOptions>;
}

export async function startHarness(settings: HarnessSettings = {}): Promise<InviteHarness> {
  const { sim, now, elapsed, advance } = await startVirtualSimulator({
    ringMs: settings.ringMs,
    sparse: settings.sparse,
  });
  const api = createWemeetApi({
    baseUrl: sim.baseUrl,
    credentials: sim.credentials,
    operatorId: sim.operatorId,
    now,
    timeoutMs: 2_000,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 10 },
    sleep: () => Promise.resolve(),
    ...settings.client,
  });
  const clock: Clock = {
    now,
    sleep: (ms, signal) => {
      if (!signal.aborted) advance(ms);
      return Promise.resolve();
    },
  };
  const events: InviteEvent[] = [];
  return {
    sim,
    api,
    clock,
    elapsed,
    events,
    options: { clock, onProgress: (event) => events.push(event) },
    requestsTo: (method, path) => requestsTo(sim, method, path),
    close: () => sim.close(),
  };
}

export { CANCEL_ROOM_CALL, ROOM_CALL, ROOM_CALL_INFO } from '../helpers/virtual-simulator';

/** The simulator's meeting in progress, by its code, as a person would type it. */
export const CURRENT_MEETING = { kind: 'code', code: SIM_CURRENT_MEETING.meeting_code } as const;

export function roomTarget(meetingRoomId: string): CallTarget {
  return { kind: 'room', meetingRoomId };
}

/** The invite most tests make: one of the simulator's rooms into the meeting in progress. */
export function roomIntoCurrent(room: SimRoom): InviteRequest {
  return { meeting: CURRENT_MEETING, target: roomTarget(room.meeting_room_id) };
}

export function statesOf(events: readonly InviteEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'state' ? [event.info.state] : []));
}

export function bodyOf(request: RecordedRequest | undefined): unknown {
  if (request === undefined) throw new Error('no such request');
  return JSON.parse(request.body) as unknown;
}
