import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import type { Credentials } from './credentials';
import {
  WemeetApiError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
  redact,
} from './errors';
import type { RequestLabel } from './errors';
import { parseJsonLossless, stringifyBody } from './json';
import type { BodyValue, MeetingIdEncoding } from './json';
import { resolveRetryPolicy, retryDelayMs, shouldRetry } from './retry-policy';
import type { RetryPolicy } from './retry-policy';
import { errorBodySchema } from './schemas';
import { defaultNonce, signedHeaders, unixSeconds } from './signing';
import { DEFAULT_BASE_URL } from '../../shared/rules/base-url';

/**
 * The one place RoomCall talks HTTP to Tencent Meeting: build the URI, serialise the body
 * once, sign exactly those bytes with a fresh timestamp and nonce per attempt, send through the
 * injected fetch, then turn the answer into typed data or a typed error. Retries are a loop of
 * our own around signing (a resent first signature is refused as a replay), and only reads are
 * retried.
 *
 * There is no HTTP library between this class and fetch. ky was here first; every feature of
 * it had to be switched off or bypassed (its retry cannot re-sign, its timeout stops at the
 * headers, its Headers merge lower-cases the case-sensitive signed names, we type HTTP errors
 * ourselves), so it only added its per-request work: ~20 µs hot, 90-150 µs of a ~600 µs
 * loopback round trip in `npm run bench`, past the client's 1.10× budget.
 */

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface WemeetClientOptions {
  /** Scheme, host and an optional path prefix; default https://api.meeting.qq.com. */
  readonly baseUrl?: string | undefined;
  readonly credentials: Credentials;
  /** The operator's enterprise userid (operator_id / userid of every call). */
  readonly operatorId: string;
  /** Electron's net.fetch in the app (system proxy, OS certificates); global fetch elsewhere. */
  readonly fetch?: FetchLike | undefined;
  /** Milliseconds since the epoch; signs X-TC-Timestamp. Default Date.now. */
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

/** Query parameters, sent in the given order; undefined members are left out. */
export type Query = Readonly<Record<string, string | number | undefined>>;

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
}

const MAX_TIMER_MS = 2_147_483_647;

export class WemeetClient {
  readonly operatorId: string;
  readonly meetingIdEncoding: MeetingIdEncoding;
  readonly #credentials: Credentials;
  readonly #origin: string;
  readonly #pathPrefix: string;
  readonly #fetch: FetchLike;
  readonly #now: () => number;
  readonly #nonce: (nowMs: number) => string;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  readonly #appVersion: string | undefined;
  /** Values no message may contain, whatever the server echoes. */
  readonly #secrets: readonly string[];

  constructor(options: WemeetClientOptions) {
    const base = new URL(options.baseUrl ?? DEFAULT_BASE_URL);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') {
      throw new TypeError('baseUrl must be an http(s) URL');
    }
    if (base.search !== '' || base.hash !== '' || base.username !== '' || base.password !== '') {
      throw new TypeError('baseUrl takes scheme, host and an optional path only');
    }
    this.#origin = base.origin;
    // URL has already normalised and percent-encoded the prefix, so it is stable on the wire.
    this.#pathPrefix = base.pathname.replace(/\/+$/, '');

    const timeoutMs = options.timeoutMs ?? 10_000;
    if (!(timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS)) {
      throw new RangeError('timeoutMs must be > 0 and fit a timer');
    }
    this.#timeoutMs = timeoutMs;
    this.#retry = resolveRetryPolicy(options.retry);
    this.#credentials = options.credentials;
    this.operatorId = options.operatorId;
    this.meetingIdEncoding = options.meetingIdEncoding ?? 'string';
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#now = options.now ?? Date.now;
    this.#nonce = options.nonce ?? defaultNonce;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#random = options.random ?? Math.random;
    this.#appVersion = options.appVersion;
    const { appId, sdkId, secretId, secretKey } = options.credentials;
    this.#secrets = [secretKey, secretId, appId, ...(sdkId === undefined ? [] : [sdkId])];
  }

  /**
   * Sends one API request and returns its validated payload. Throws WemeetApiError,
   * WemeetNetworkError, WemeetTimeoutError or WemeetResponseError; if `signal` aborts, its
   * reason.
   */
  async request<T>(options: RequestOptions<T>): Promise<T> {
    const uri = this.#pathPrefix + options.path + encodeQuery(options.query);
    // Serialised once: the bytes signed are the bytes sent, on every attempt.
    const body = options.body === undefined ? '' : stringifyBody(options.body);
    const label: RequestLabel = { method: options.method, path: options.path };
    const { signal } = options;
    for (let attempt = 1; ; attempt++) {
      signal?.throwIfAborted();
      try {
        return await this.#attempt(options, uri, body, label);
      } catch (err) {
        signal?.throwIfAborted();
        if (!shouldRetry(err, attempt, options.idempotent, this.#retry)) throw err;
      }
      try {
        await this.#sleep(retryDelayMs(attempt, this.#retry, this.#random), signal);
      } catch (err) {
        // An abort during the wait surfaces as the caller's reason, as it does mid-request.
        signal?.throwIfAborted();
        throw err;
      }
    }
  }

  async #attempt<T>(
    options: RequestOptions<T>,
    uri: string,
    body: string,
    label: RequestLabel,
  ): Promise<T> {
    const nowMs = this.#now();
    const nonce = this.#nonce(nowMs);
    const timestamp = unixSeconds(nowMs);
    const headers = signedHeaders({
      credentials: this.#credentials,
      method: options.method,
      uri,
      body,
      timestamp,
      nonce,
      appVersion: this.#appVersion,
    });
    headers['Accept'] = 'application/json';
    const secrets = [...this.#secrets, headers['X-TC-Signature'] ?? '', nonce, timestamp];

    // One timer covers the whole attempt, body included, and is cleared when it ends (an
    // AbortSignal.timeout would stay armed for the full timeout after every request).
    // Only this timer aborts `controller`, so its signal tells a timeout from a user abort.
    const controller = new AbortController();
    const timer = setTimeout(() => {
      controller.abort();
    }, this.#timeoutMs);
    const userSignal = options.signal;
    const signal =
      userSignal === undefined
        ? controller.signal
        : AbortSignal.any([userSignal, controller.signal]);

    let status: number;
    let text: string;
    try {
      const url = this.#origin + uri;
      const init: RequestInit = {
        method: options.method,
        headers,
        body: body === '' ? null : body,
        signal,
        // A redirect would change the signed URI and carry X-TC-Key to another host.
        redirect: 'manual',
      };
      // The URL and a plain headers object go to fetch as they are: fetch keeps the header
      // names' casing, which the gateway checks.
      const response = await this.#fetch(url, init);
      status = response.status;
      text = await response.text();
    } catch (err) {
      if (userSignal?.aborted === true) throw userSignal.reason;
      if (controller.signal.aborted) throw new WemeetTimeoutError(label, this.#timeoutMs);
      throw new WemeetNetworkError(label, redactOrNull(describeCause(err), secrets));
    } finally {
      clearTimeout(timer);
    }
    return interpret(options.schema, status, text, label, secrets);
  }
}

// Stops at the first non-blank character, unlike trim(), which may copy a large body.
const BLANK = /^\s*$/;

function interpret<T>(
  schema: z.ZodType<T>,
  status: number,
  text: string,
  label: RequestLabel,
  secrets: readonly string[],
): T {
  const failed = status < 200 || status >= 300;
  let data: unknown;
  try {
    // cancel-room-call answers `{}`; an empty body means the same thing.
    data = BLANK.test(text) ? {} : parseJsonLossless(text);
  } catch {
    if (failed) return throwApiError(status, undefined, label, secrets);
    throw new WemeetResponseError(label, 'malformed-json', null);
  }
  if (failed || hasErrorInfo(data)) return throwApiError(status, data, label, secrets);
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new WemeetResponseError(label, 'unexpected-shape', summarizeIssues(result.error));
  }
  return result.data;
}

function hasErrorInfo(data: unknown): boolean {
  return typeof data === 'object' && data !== null && 'error_info' in data;
}

function throwApiError(
  status: number,
  data: unknown,
  label: RequestLabel,
  secrets: readonly string[],
): never {
  const parsed = errorBodySchema.safeParse(data);
  const info = parsed.success ? parsed.data.error_info : undefined;
  throw new WemeetApiError(label, {
    status,
    errorCode: info?.error_code ?? null,
    newErrorCode: info?.new_error_code ?? null,
    serverMessage: redactOrNull(info?.message ?? null, secrets),
  });
}

function redactOrNull(text: string | null, secrets: readonly string[]): string | null {
  return text === null || text === '' ? null : redact(text, secrets);
}

/** Field paths and expectations only: zod's messages name types, never the values received. */
function summarizeIssues(error: z.ZodError): string {
  const shown = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.map(String).join('.');
    return `${path === '' ? '(root)' : path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? `; and ${error.issues.length - 3} more` : '';
  return shown.join('; ') + more;
}

/**
 * The innermost cause's code and message (e.g. "ECONNRESET: read ECONNRESET"): the useful part
 * of fetch's "fetch failed" chain. Request and header objects are never looked at.
 */
function describeCause(err: unknown): string | null {
  let current: unknown = err;
  let described: string | null = null;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as Error & { code?: unknown }).code;
    described =
      typeof code === 'string' && code !== '' ? `${code}: ${current.message}` : current.message;
    current = current.cause;
  }
  return described;
}

/** Query string in the given order with URLSearchParams' encoding, '' when empty. */
export function encodeQuery(query: Query | undefined): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new RangeError(`Query parameter ${key} must be a safe integer or a string`);
    }
    params.append(key, String(value));
  }
  const encoded = params.toString();
  return encoded === '' ? '' : `?${encoded}`;
}

/**
 * One dynamic path segment (a room or meeting ID), percent-encoded. '.' and '..' are refused:
 * encodeURIComponent keeps dots, URL parsing would resolve them, and the request would go (and
 * be signed for) somewhere else.
 */
export function pathSegment(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new RangeError('An ID used in a path must not be empty, "." or ".."');
  }
  return encodeURIComponent(value);
}

async function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, signal === undefined ? undefined : { signal });
}
