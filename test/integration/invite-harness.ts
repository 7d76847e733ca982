/**
 * Set-up for the invite's integration tests: the real client (createWemeetApi) over loopback
 * HTTP to the simulator, with one virtual clock shared by the simulator (call timing, replay
 * and skew checks), the client (X-TC-Timestamp) and the invite (polling). Sleeping advances
 * it, so the real defaults (2 s polls, 75 s deadline, 60 s rings) run in milliseconds.
 */
import type { Clock } from '../../main/core/invite-clock';
import type { InviteEvent, InviteOptions } from '../../main/core/invite-types';
import { createWemeetApi } from '../../main/core/wemeet/api-impl';
import type { WemeetApi } from '../../main/core/wemeet/api';
import type { WemeetClientOptions } from '../../main/core/wemeet/client';
import { startSimulator } from '../sim/index';
import type { RecordedRequest, Simulator } from '../sim/index';

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
  /** Client overrides, e.g. retry: { attempts: 1 } to let failures reach the invite. */
  readonly client?: Partial<WemeetClientOptions>;
}

const START = 1_763_000_000_000;

export async function startHarness(settings: HarnessSettings = {}): Promise<InviteHarness> {
  let now = START;
  const sim = await startSimulator({
    rooms: 40,
    clock: () => now,
    callTiming: { ringMs: settings.ringMs ?? 5_000 },
  });
  const api = createWemeetApi({
    baseUrl: sim.baseUrl,
    credentials: sim.credentials,
    operatorId: sim.operatorId,
    now: () => now,
    timeoutMs: 2_000,
    retry: { attempts: 3, baseDelayMs: 10, maxDelayMs: 10 },
    sleep: () => Promise.resolve(),
    ...settings.client,
  });
  const clock: Clock = {
    now: () => now,
    sleep: (ms, signal) => {
      if (!signal.aborted) now += ms;
      return Promise.resolve();
    },
  };
  const events: InviteEvent[] = [];
  return {
    sim,
    api,
    clock,
    elapsed: () => now - START,
    events,
    options: { clock, onProgress: (event) => events.push(event) },
    requestsTo: (method, path) =>
      sim.requests.filter((r) => r.method === method && r.path === path),
    close: () => sim.close(),
  };
}

export const ROOM_CALL = '/v1/meeting-rooms/room-call';
export const CANCEL_ROOM_CALL = '/v1/meeting-rooms/cancel-room-call';
export const ROOM_CALL_INFO = '/v1/meeting-rooms/room-call-info';

export function statesOf(events: readonly InviteEvent[]): string[] {
  return events.flatMap((event) => (event.type === 'state' ? [event.info.state] : []));
}

export function bodyOf(request: RecordedRequest | undefined): unknown {
  if (request === undefined) throw new Error('no such request');
  return JSON.parse(request.body) as unknown;
}
