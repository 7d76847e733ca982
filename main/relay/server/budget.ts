import type { FetchLike } from '../../core/wemeet/transport';
import type { BucketRule, RateBudget } from '../ports';
import { rateLimited, type RelayHttpError } from './relay-error';

/**
 * The two rate budgets. 'company': every request the relay sends to Tencent, each page of a
 * directory sync included, so all instances together stay under the app's per-minute limit;
 * taken in the fetch the WemeetClient is given, the one place every attempt passes. A
 * momentarily empty budget is waited for (a bucket refills continuously), up to
 * MAX_COMPANY_WAIT_MS; beyond that the relay request answers 429 instead of queueing without end.
 * The wait happens inside the client's per-attempt timeout, so the relay's client allows
 * CLIENT_TIMEOUT_MS: the usual 10 s for Tencent plus the longest wait.
 * 'person:<operator_id>': every relay request, refused at once when empty.
 */

export const COMPANY_KEY = 'company';
export const MAX_COMPANY_WAIT_MS = 5_000;
/** The WemeetClient's per-attempt timeout in the relay: the core's 10 s, plus the budget wait. */
export const CLIENT_TIMEOUT_MS = 10_000 + MAX_COMPANY_WAIT_MS;

export function perMinute(count: number): BucketRule {
  return { capacity: count, refillPerSecond: count / 60 };
}

export async function takePersonBudget(
  budget: RateBudget,
  operatorId: string,
  rule: BucketRule,
): Promise<void> {
  const result = await budget.take(`person:${operatorId}`, rule);
  if (!result.ok) throw rateLimited(result.retryAfterMs, 'person');
}

export interface CompanyGate {
  /** The fetch for this relay request's WemeetClient. */
  readonly fetch: FetchLike;
  /** Set once the company budget refused this request: the answer is then 429, not Tencent's. */
  refusal(): RelayHttpError | null;
}

export interface CompanyGateOptions {
  readonly budget: RateBudget;
  readonly rule: BucketRule;
  readonly transport: FetchLike;
  /** Rejects when `signal` aborts (the client's per-attempt timeout, the caller). */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now: () => number;
}

/**
 * A fetch that takes 1 from the company budget before each request. Once refused, it fails
 * every later attempt of the same relay request at once (the client's retries of a read must
 * not wait again), and `refusal()` says why, for the error answer.
 */
export function companyGate(options: CompanyGateOptions): CompanyGate {
  let refused: RelayHttpError | null = null;
  const fetch: FetchLike = async (input, init) => {
    if (refused !== null) throw refused;
    const signal = input instanceof Request ? input.signal : (init?.signal ?? undefined);
    const started = options.now();
    for (;;) {
      // An attempt given up on (timed out while waiting) must not spend the budget.
      signal?.throwIfAborted();
      const result = await options.budget.take(COMPANY_KEY, options.rule);
      if (result.ok) break;
      const waited = options.now() - started;
      if (waited + result.retryAfterMs > MAX_COMPANY_WAIT_MS) {
        refused = rateLimited(result.retryAfterMs, 'company');
        throw refused;
      }
      await options.sleep(Math.max(1, result.retryAfterMs), signal);
    }
    return options.transport(input, init);
  };
  return { fetch, refusal: () => refused };
}
