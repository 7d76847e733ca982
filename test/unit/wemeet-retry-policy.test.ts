import { describe, expect, it } from 'vitest';
import {
  WemeetApiError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
} from '../../main/core/wemeet/errors';
import {
  DEFAULT_RETRY_POLICY,
  parseRetryAfterMs,
  rateLimitWaitMs,
  resolveRetryPolicy,
  retryDelayMs,
  retryWaitMs,
  shouldRetry,
} from '../../main/core/wemeet/retry-policy';

const label = { method: 'GET', path: '/v1/meeting-rooms' };
const policy = { ...DEFAULT_RETRY_POLICY, attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };
const api = (status: number, errorCode: number | null) =>
  new WemeetApiError(label, { status, errorCode, newErrorCode: null, serverMessage: null });

describe('shouldRetry', () => {
  const transient = [
    new WemeetNetworkError(label, 'ECONNRESET'),
    new WemeetTimeoutError(label, 10),
    new WemeetResponseError(label, 'malformed-json', null),
    api(500, 10002),
    api(502, null),
    api(400, 190310),
    api(400, 190313),
    api(400, 9061),
    api(429, null),
  ];

  it.each(transient)('retries a read after %s', (err) => {
    expect(shouldRetry(err, 1, true, policy)).toBe(true);
    expect(shouldRetry(err, 2, true, policy)).toBe(true);
  });

  it.each(transient)('never retries a non-idempotent request after %s', (err) => {
    expect(shouldRetry(err, 1, false, policy)).toBe(false);
  });

  it('stops once the attempts are spent', () => {
    const err = new WemeetNetworkError(label, null);
    expect(shouldRetry(err, 3, true, policy)).toBe(false);
    expect(shouldRetry(err, 1, true, { ...policy, attempts: 1 })).toBe(false);
  });

  it.each([
    api(400, 190311),
    api(400, 200003),
    api(400, 190300),
    api(400, 190303),
    api(400, 190004),
    api(500, 20000),
    api(404, null),
    new WemeetResponseError(label, 'unexpected-shape', 'x'),
    new Error('a bug'),
  ])('does not retry a read after %s', (err) => {
    expect(shouldRetry(err, 1, true, policy)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it('draws from [0, base × 2^(n−1)) capped at the maximum', () => {
    const top = () => 0.999999;
    expect(retryDelayMs(1, policy, top)).toBe(99);
    expect(retryDelayMs(2, policy, top)).toBe(199);
    expect(retryDelayMs(3, policy, top)).toBe(399);
    expect(retryDelayMs(5, policy, top)).toBe(999);
    expect(retryDelayMs(30, policy, top)).toBe(999);
  });

  it('is fully jittered: random 0 waits nothing, 0.5 half the ceiling', () => {
    expect(retryDelayMs(3, policy, () => 0)).toBe(0);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(200);
  });
});

describe('resolveRetryPolicy', () => {
  it('fills defaults and refuses nonsense', () => {
    expect(resolveRetryPolicy(undefined)).toEqual(DEFAULT_RETRY_POLICY);
    expect(resolveRetryPolicy({ attempts: 5 })).toEqual({ ...DEFAULT_RETRY_POLICY, attempts: 5 });
    expect(() => resolveRetryPolicy({ attempts: 0 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ attempts: 1.5 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ baseDelayMs: -1 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ maxDelayMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('rate-limit waits', () => {
  const now = Date.parse('2026-12-03T10:00:00Z');
  const limited = (retryAfter: string | null, code: number | null = 190310, status = 400) =>
    new WemeetApiError(label, {
      status,
      errorCode: code,
      newErrorCode: null,
      serverMessage: null,
      retryAfter,
    });

  it('reads Retry-After as delay-seconds or an IMF-fixdate, nothing else', () => {
    expect(parseRetryAfterMs('7', now)).toBe(7000);
    expect(parseRetryAfterMs(' 0 ', now)).toBe(0);
    expect(parseRetryAfterMs('Thu, 03 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Thu, 03 Dec 2026 09:59:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('-5', now)).toBeNull();
    expect(parseRetryAfterMs('soon', now)).toBeNull();
    expect(parseRetryAfterMs('2026-12-03T10:00:30Z', now)).toBeNull();
  });

  it('waits the Retry-After when given, else the documented minute', () => {
    expect(rateLimitWaitMs('12', now, DEFAULT_RETRY_POLICY)).toBe(12_000);
    expect(rateLimitWaitMs(null, now, DEFAULT_RETRY_POLICY)).toBe(60_000);
    expect(rateLimitWaitMs('nonsense', now, DEFAULT_RETRY_POLICY)).toBe(60_000);
    // Longer than the policy allows: not waited out.
    expect(rateLimitWaitMs('86400', now, DEFAULT_RETRY_POLICY)).toBeNull();
  });

  it('retries a read after a rate limit unless the server asks for too long', () => {
    expect(shouldRetry(limited(null), 1, true, DEFAULT_RETRY_POLICY, now)).toBe(true);
    expect(shouldRetry(limited('30', null, 429), 1, true, DEFAULT_RETRY_POLICY, now)).toBe(true);
    expect(shouldRetry(limited('3600'), 1, true, DEFAULT_RETRY_POLICY, now)).toBe(false);
    expect(shouldRetry(limited(null), 1, false, DEFAULT_RETRY_POLICY, now)).toBe(false);
    // The per-day quota is never waited out.
    expect(shouldRetry(limited(null, 190311), 1, true, DEFAULT_RETRY_POLICY, now)).toBe(false);
  });

  it('picks the rate-limit wait over the backoff for the wait before a retry', () => {
    const half = () => 0.5;
    expect(retryWaitMs(limited('5'), 1, DEFAULT_RETRY_POLICY, half, now)).toBe(5000);
    expect(retryWaitMs(limited(null, 190313), 2, DEFAULT_RETRY_POLICY, half, now)).toBe(60_000);
    expect(retryWaitMs(api(500, 10002), 2, DEFAULT_RETRY_POLICY, half, now)).toBe(250);
  });
});
