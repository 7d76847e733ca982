import type { BucketRule, TakeResult } from '../ports';

/**
 * The token-bucket arithmetic, for the SQLite budget (one transaction) and as the reference the
 * Redis Lua script (redis-scripts.ts) mirrors line by line. A bucket seen for the first time is
 * full; it refills continuously at `refillPerSecond` up to `capacity`.
 */

export interface BucketState {
  readonly tokens: number;
  readonly atMs: number;
}

/** Refuses a rule or cost no bucket can serve, before any backend is touched. */
export function checkTake(rule: BucketRule, cost: number): void {
  if (!(Number.isFinite(rule.capacity) && rule.capacity > 0)) {
    throw new RangeError(`Rate budget capacity must be a positive number (got ${rule.capacity}).`);
  }
  if (!(Number.isFinite(rule.refillPerSecond) && rule.refillPerSecond > 0)) {
    throw new RangeError(
      `Rate budget refill must be a positive number per second (got ${rule.refillPerSecond}).`,
    );
  }
  // A cost above the capacity could never be granted: waiting would not help, so say so now.
  if (!(Number.isFinite(cost) && cost > 0 && cost <= rule.capacity)) {
    throw new RangeError(`Rate budget cost must be in (0, ${rule.capacity}] (got ${cost}).`);
  }
}

/**
 * Tokens are fractional (refill is continuous), and 0.998 + 0.002 need not be 1 in floating
 * point: differences below this count as equal, so a wait computed as exact is exact.
 */
export const TOKEN_EPSILON = 1e-9;

/** The bucket after refilling to `nowMs` and trying to take `cost`; the answer to give. */
export function takeFromBucket(
  state: BucketState | null,
  rule: BucketRule,
  cost: number,
  nowMs: number,
): { readonly next: BucketState; readonly result: TakeResult } {
  const before = state ?? { tokens: rule.capacity, atMs: nowMs };
  // A clock that stepped back refills nothing (and never takes tokens away).
  const elapsedMs = Math.max(0, nowMs - before.atMs);
  const tokens = Math.min(rule.capacity, before.tokens + (elapsedMs * rule.refillPerSecond) / 1000);
  const atMs = Math.max(nowMs, before.atMs);
  if (tokens + TOKEN_EPSILON >= cost) {
    // Never below zero by the epsilon: the bucket cannot go into debt.
    return { next: { tokens: Math.max(0, tokens - cost), atMs }, result: { ok: true } };
  }
  const retryAfterMs = Math.max(
    1,
    Math.ceil(((cost - tokens) * 1000) / rule.refillPerSecond - TOKEN_EPSILON),
  );
  return { next: { tokens, atMs }, result: { ok: false, retryAfterMs } };
}
