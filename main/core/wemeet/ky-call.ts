import type { KyInstance } from 'ky';
import type { z } from 'zod';
import type { Call } from './call-context';
import { summarizeIssues } from './error-mapping';
import { WemeetResponseError, rateLimitOf } from './errors';
import { parseJsonLossless, stringifyBody, type BodyValue } from './json';
import { encodeQuery, type Query } from './request-uri';
import { kyRetryOptions, retryWaitMs, shouldRetry, type RetryPolicy } from './retry-policy';

/**
 * The steps the direct client (client.ts) and the relay's (relay/relay-http.ts) take the same
 * way around their own ky instance: send one call and check its payload, decide whether an
 * attempt may be retried, read a 2xx body. What differs (signing or a bearer, how an error
 * answer is worded) stays in their hooks.
 */

/** What one call sends, and how it may be retried. */
export interface CallRequest<T> {
  readonly method: string;
  /** The path under the base URL; dynamic segments through `pathSegment`. */
  readonly path: string;
  readonly query?: Query | undefined;
  readonly body?: BodyValue | undefined;
  readonly schema: z.ZodType<T>;
  /** True for reads: only those are retried. */
  readonly idempotent: boolean;
  readonly signal?: AbortSignal | undefined;
  /** Told before the client waits out a rate limit (e.g. to slow a directory sync down). */
  readonly onRateLimited?: ((waitMs: number) => void) | undefined;
}

// Stops at the first non-blank character, unlike trim(), which may copy a large body.
const BLANK = /^\s*$/;

/**
 * Sends `request` through `send` with `call` in ky's context (the hooks read it, and leave the
 * parsed 2xx body in call.data), then checks that body against the schema. Reads (call.idempotent)
 * are retried by ky while `retryable` says so; writes go once. If the signal aborts, its reason
 * is thrown.
 */
export async function sendCall<T>(
  send: KyInstance,
  call: Call,
  request: CallRequest<T>,
  options: {
    readonly policy: RetryPolicy;
    readonly retryable: (error: Error, retryCount: number) => boolean;
    readonly headers?: Readonly<Record<string, string>>;
    readonly context?: Readonly<Record<string, unknown>>;
  },
): Promise<T> {
  try {
    // The query goes in the input rather than ky's searchParams: the same URL, without ky
    // building the Request a second time to append it (~50 µs a request).
    const response = await send(request.path + encodeQuery(request.query), {
      method: request.method,
      // Serialised once: ky sends this string on every attempt (and the direct client signs it).
      body: request.body === undefined ? null : stringifyBody(request.body),
      headers: options.headers ?? {},
      signal: request.signal ?? null,
      retry: call.idempotent ? kyRetryOptions(options.policy, options.retryable) : 0,
      context: { ...options.context, call },
    });
    void response.body?.cancel();
  } catch (err) {
    request.signal?.throwIfAborted();
    throw err;
  }
  const result = request.schema.safeParse(call.data);
  if (!result.success) {
    throw new WemeetResponseError(call.label, 'unexpected-shape', summarizeIssues(result.error));
  }
  return result.data;
}

/**
 * The wait before ky's next attempt (beforeRetry), after `typed` (the failed attempt's error
 * as the client's own): the policy's backoff or the server's rate-limit wait, told to the
 * caller when it is a rate limit, slept through the injected sleep so an abort ends it.
 */
export async function waitBeforeRetry(
  typed: unknown,
  call: Call,
  retryCount: number,
  clock: {
    readonly policy: RetryPolicy;
    readonly random: () => number;
    readonly nowMs: number;
    readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  },
): Promise<void> {
  const waitMs = retryWaitMs(typed, retryCount, clock.policy, clock.random, clock.nowMs);
  if (rateLimitOf(typed) !== null) call.onRateLimited?.(waitMs);
  await clock.sleep(waitMs, call.signal);
}

/** Whether attempt number `attempt` of `call` may go after `err`: never once it is aborted. */
export function mayRetry(
  err: unknown,
  call: Call,
  attempt: number,
  policy: RetryPolicy,
  nowMs: number,
): boolean {
  if (call.signal?.aborted === true) return false;
  return shouldRetry(err, attempt, call.idempotent, policy, nowMs);
}

/** A 2xx body's data, losslessly parsed; a blank body (cancel's `{}`, a 204) means `{}`. */
export function readBody(
  text: string,
  call: Call,
): { readonly data: unknown } | WemeetResponseError {
  try {
    return { data: BLANK.test(text) ? {} : parseJsonLossless(text) };
  } catch {
    return new WemeetResponseError(call.label, 'malformed-json', null);
  }
}
