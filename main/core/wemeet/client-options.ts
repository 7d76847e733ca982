import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import type { Credentials } from './credentials';
import type { BodyValue, MeetingIdEncoding } from './json';
import type { Query } from './request-uri';
import type { RetryPolicy } from './retry-policy';
import type { FetchLike } from './transport';

/** What a WemeetClient is made with, and what one request of it says (client.ts). */

export interface WemeetClientOptions {
  /** Scheme, host and an optional path prefix; default https://api.meeting.qq.com. */
  readonly baseUrl?: string | undefined;
  readonly credentials: Credentials;
  /** The operator's enterprise userid (operator_id / userid of every call). */
  readonly operatorId: string;
  /** Electron's net.fetch in the app (system proxy, OS certificates); global fetch elsewhere. */
  readonly fetch?: FetchLike | undefined;
  /** Milliseconds since the epoch; signs X-TC-Timestamp, dates a Retry-After. Default Date.now. */
  readonly now?: (() => number) | undefined;
  /** A fresh positive decimal nonce for an attempt made at `nowMs`. Default defaultNonce. */
  readonly nonce?: ((nowMs: number) => string) | undefined;
  /** Per attempt, from sending to the whole body read; default 10000. */
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Waits between retries; rejects when `signal` aborts. Default: a timer. */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** [0, 1) for the backoff jitter; default Math.random. */
  readonly random?: (() => number) | undefined;
  /** Sent as X-TC-Version. */
  readonly appVersion?: string | undefined;
  /** How room-call's meeting_id goes on the wire; default 'string' (see json.ts). */
  readonly meetingIdEncoding?: MeetingIdEncoding | undefined;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions<T> {
  readonly method: HttpMethod;
  /** The API path, e.g. /v1/meeting-rooms; dynamic segments through `pathSegment`. */
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

export async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, signal === undefined ? undefined : { signal });
}
