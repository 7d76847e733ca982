import { setTimeout as delay } from 'node:timers/promises';
import type { Credentials } from './credentials';
import type { MeetingIdEncoding } from './json';
import type { RetryPolicy } from './retry-policy';
import type { FetchLike } from './transport';
import type { CallRequest } from './ky-call';

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

/** A request to Tencent: a call (ky-call.ts) with one of the API's methods. */
export interface RequestOptions<T> extends CallRequest<T> {
  readonly method: HttpMethod;
}

export async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, signal === undefined ? undefined : { signal });
}
