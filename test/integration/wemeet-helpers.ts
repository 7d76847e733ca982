/**
 * Shared set-up for the client's integration tests: a real WemeetClient / WemeetApi talking
 * real HTTP to the simulator on loopback, with fast, recorded retry waits.
 */
import { createWemeetApi } from '../../main/core/wemeet/api-impl';
import { WemeetClient } from '../../main/core/wemeet/client';
import type { WemeetClientOptions } from '../../main/core/wemeet/client-options';
import type { RecordedRequest, Simulator } from '../sim/types';

export interface Harness {
  readonly options: WemeetClientOptions;
  /** Every wait the retry loop asked for, in ms. */
  readonly sleeps: number[];
}

export function harness(sim: Simulator, overrides: Partial<WemeetClientOptions> = {}): Harness {
  const sleeps: number[] = [];
  const options: WemeetClientOptions = {
    baseUrl: sim.baseUrl,
    credentials: sim.credentials,
    operatorId: sim.operatorId,
    timeoutMs: 2000,
    retry: { attempts: 3, baseDelayMs: 40, maxDelayMs: 1000 },
    random: () => 0.5,
    sleep: (ms) => {
      sleeps.push(ms);
      return Promise.resolve();
    },
    ...overrides,
  };
  return { options, sleeps };
}

export function apiFor(sim: Simulator, overrides: Partial<WemeetClientOptions> = {}) {
  return createWemeetApi(harness(sim, overrides).options);
}

export function clientFor(sim: Simulator, overrides: Partial<WemeetClientOptions> = {}) {
  return new WemeetClient(harness(sim, overrides).options);
}

/**
 * A header's value as received, its name matched in any casing (RFC 9110: names are
 * case-insensitive; fetch sends them lower-case); undefined when absent.
 */
export function header(record: RecordedRequest, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (let i = 0; i + 1 < record.rawHeaders.length; i += 2) {
    if (record.rawHeaders[i]?.toLowerCase() === wanted) return record.rawHeaders[i + 1];
  }
  return undefined;
}

/** Every header name as received, case preserved. */
export function headerNames(record: RecordedRequest): string[] {
  return record.rawHeaders.filter((_, i) => i % 2 === 0);
}

export function requestsTo(sim: Simulator, method: string, path: string): RecordedRequest[] {
  return sim.requests.filter((r) => r.method === method && r.path === path);
}

/** The rejection of a promise, for assertions on typed errors; fails if it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject, but it resolved');
}
