import { isTransient } from './errors';

/**
 * When the client sends a request again, and after how long. Kept apart from the client so the
 * decisions are plain functions with tests of their own.
 */
export interface RetryPolicy {
  /** Total attempts for a read, the first included (1 = never retry). */
  readonly attempts: number;
  /** The backoff ceiling of the first retry; doubles with each further one. */
  readonly baseDelayMs: number;
  /** No wait ever exceeds this. */
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4000,
};

export function resolveRetryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...partial };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) {
    throw new RangeError('retry.attempts must be an integer >= 1');
  }
  if (!(policy.baseDelayMs >= 0) || !(policy.maxDelayMs >= 0)) {
    throw new RangeError('retry delays must be >= 0');
  }
  return policy;
}

/**
 * Whether to send again after `attempt` (1-based) failed with `err`. Only idempotent requests
 * are ever retried: a room-call that reached the server may already be ringing, and a second
 * one would ring again or be refused, so "one click, one ring" wins over resilience.
 */
export function shouldRetry(
  err: unknown,
  attempt: number,
  idempotent: boolean,
  policy: RetryPolicy,
): boolean {
  return idempotent && attempt < policy.attempts && isTransient(err);
}

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
 * Jitter"): a uniform wait in [0, min(max, base × 2^(attempt−1))), so clients that failed
 * together do not retry together. `random` returns [0, 1), like Math.random.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}
