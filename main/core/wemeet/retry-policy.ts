import type { RetryOptions } from 'ky';
import { isTransient, rateLimitOf } from './errors';

/**
 * When the client sends a read again, and after how long. ky runs the retry loop (how many
 * attempts, which methods); these plain functions decide the rest, so they have tests of their
 * own and the waits can go through the client's injected sleep.
 */
export interface RetryPolicy {
  /** Total attempts for a read, the first included (1 = never retry). */
  readonly attempts: number;
  /** The backoff ceiling of the first retry; doubles with each further one. */
  readonly baseDelayMs: number;
  /** No backoff wait ever exceeds this (a rate limit's wait has its own ceiling). */
  readonly maxDelayMs: number;
  /**
   * How long to wait after a rate limit that names no Retry-After: Tencent publishes its
   * limits per minute ("300 calls/min per app", "account-level APIs 100/min"), so a minute.
   */
  readonly rateLimitWindowMs: number;
  /** A Retry-After beyond this is not waited out: the read fails with the server's words. */
  readonly maxRateLimitWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 250,
  maxDelayMs: 4000,
  rateLimitWindowMs: 60_000,
  maxRateLimitWaitMs: 120_000,
};

export function resolveRetryPolicy(partial: Partial<RetryPolicy> | undefined): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY, ...partial };
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) {
    throw new RangeError('retry.attempts must be an integer >= 1');
  }
  const { baseDelayMs, maxDelayMs, rateLimitWindowMs, maxRateLimitWaitMs } = policy;
  if (![baseDelayMs, maxDelayMs, rateLimitWindowMs, maxRateLimitWaitMs].every((ms) => ms >= 0)) {
    throw new RangeError('retry delays must be >= 0');
  }
  return policy;
}

/**
 * Whether to send again after `attempt` (1-based) failed with `err`. Only idempotent requests
 * are ever retried: a room-call that reached the server may already be ringing, and a second
 * one would ring again or be refused, so "one click, one ring" wins over resilience. A rate
 * limit whose Retry-After is longer than the policy allows is not waited out either.
 */
export function shouldRetry(
  err: unknown,
  attempt: number,
  idempotent: boolean,
  policy: RetryPolicy,
  nowMs: number = Date.now(),
): boolean {
  if (!idempotent || attempt >= policy.attempts || !isTransient(err)) return false;
  const limited = rateLimitOf(err);
  return limited === null || rateLimitWaitMs(limited.retryAfter, nowMs, policy) !== null;
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

/**
 * How long a rate-limited read waits: the server's Retry-After (delay-seconds or an HTTP-date,
 * RFC 9110 §10.2.3) when it sent one, else the documented window. Null when the server asks
 * for longer than the policy's ceiling: better to say so than to sit silent for an hour.
 */
export function rateLimitWaitMs(
  retryAfter: string | null,
  nowMs: number,
  policy: RetryPolicy,
): number | null {
  const asked = retryAfter === null ? null : parseRetryAfterMs(retryAfter, nowMs);
  const wait = asked ?? policy.rateLimitWindowMs;
  return wait > policy.maxRateLimitWaitMs ? null : wait;
}

/** delay-seconds or an HTTP-date, as milliseconds from `nowMs`; null when it is neither. */
export function parseRetryAfterMs(value: string, nowMs: number): number | null {
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  // Date.parse reads IMF-fixdate, the form RFC 9110 requires senders to use.
  if (!/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The wait before retry number `retryCount` (1-based) of a read that failed with `err`. */
export function retryWaitMs(
  err: unknown,
  retryCount: number,
  policy: RetryPolicy,
  random: () => number,
  nowMs: number,
): number {
  const limited = rateLimitOf(err);
  if (limited !== null) {
    return rateLimitWaitMs(limited.retryAfter, nowMs, policy) ?? policy.maxRateLimitWaitMs;
  }
  return retryDelayMs(retryCount, policy, random);
}

/**
 * ky's retry options for reads: ky counts the attempts and runs the loop; `decide` (our
 * shouldRetry over the typed error) says whether. ky's own wait is zero because the client's
 * beforeRetry hook waits instead: ky's timer can be neither injected (tests, a fake clock) nor
 * told Tencent's per-code windows. Every method RoomCall uses is listed: writes opt out per
 * call with `retry: 0` (room-call-info is a read sent as POST).
 */
export function kyRetryOptions(
  policy: RetryPolicy,
  decide: (error: Error, retryCount: number) => boolean,
): RetryOptions {
  return {
    limit: policy.attempts - 1,
    methods: ['get', 'post', 'put', 'delete'],
    shouldRetry: ({ error, retryCount }) => decide(error, retryCount),
    delay: () => 0,
    retryOnTimeout: true,
  };
}
