import ky, { ForceRetryError, HTTPError, NetworkError, TimeoutError } from 'ky';
import type { KyInstance, NormalizedOptions } from 'ky';
import { setTimeout as delay } from 'node:timers/promises';
import type { z } from 'zod';
import type { Credentials } from './credentials';
import {
  WemeetApiError,
  WemeetError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
  rateLimitOf,
  redact,
} from './errors';
import type { RequestLabel } from './errors';
import { parseJsonLossless, stringifyBody } from './json';
import type { BodyValue, MeetingIdEncoding } from './json';
import { kyRetryOptions, resolveRetryPolicy, retryWaitMs, shouldRetry } from './retry-policy';
import type { RetryPolicy } from './retry-policy';
import { errorBodySchema } from './schemas';
import { defaultNonce, signedHeaders, unixSeconds } from './signing';
import {
  baseUrlProblem,
  baseUrlProblemMessage,
  DEFAULT_BASE_URL,
} from '../../shared/rules/base-url';

/**
 * The one place RoomCall talks HTTP to Tencent Meeting, through one ky instance:
 *
 * - `beforeRequest` and `beforeRetry` sign every attempt with a fresh timestamp and nonce,
 *   over the URI the Request will send (read back from `request.url`) and the exact body
 *   string ky was given; a resent first signature would be refused as a replay (190301).
 * - ky runs the retries of reads (writes pass `retry: 0`: one click, one ring); the wait
 *   before each retry goes through the injected sleep (see retry-policy.ts for why).
 * - The transport (`fetch` option: Electron's net.fetch in the app) is wrapped to read the
 *   whole body inside ky's per-attempt timeout, so a body that stalls half-way times out and is
 *   retried like a missing answer (ky's own body-read timeout is never retried).
 * - `afterResponse` parses 2xx bodies losslessly and turns a garbled body or a 2xx carrying
 *   `error_info` into a retry (reads) or a typed error; `beforeError` maps ky's errors
 *   (HTTPError, TimeoutError, NetworkError, a raw network TypeError) to ours, in `toWemeetError`.
 *
 * Header names go as ky's Headers and the transport send them (lower-case): HTTP names are
 * case-insensitive (RFC 9110), and Tencent's gateway accepts any casing.
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
  /** Told before the client waits out a rate limit (e.g. to slow a directory sync down). */
  readonly onRateLimited?: ((waitMs: number) => void) | undefined;
}

const MAX_TIMER_MS = 2_147_483_647;
// Stops at the first non-blank character, unlike trim(), which may copy a large body.
const BLANK = /^\s*$/;
/** Statuses whose Response may not carry a body (Fetch standard, "null body status"). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** What the hooks need to know about one call; ky hands it to them through `context`. */
class Call {
  /** The parsed 2xx body, set by the afterResponse hook. */
  data: unknown = undefined;

  constructor(
    readonly label: RequestLabel,
    readonly idempotent: boolean,
    readonly signal: AbortSignal | undefined,
    readonly onRateLimited: ((waitMs: number) => void) | undefined,
  ) {}
}

function callOf(options: Readonly<NormalizedOptions>): Call {
  const call = options.context['call'];
  if (!(call instanceof Call)) throw new Error('A request was sent without its call context');
  return call;
}

export class WemeetClient {
  readonly operatorId: string;
  readonly meetingIdEncoding: MeetingIdEncoding;
  readonly #credentials: Credentials;
  readonly #now: () => number;
  readonly #nonce: (nowMs: number) => string;
  readonly #timeoutMs: number;
  readonly #retry: RetryPolicy;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  readonly #appVersion: string | undefined;
  /** Values no message may contain, whatever the server echoes. */
  readonly #secrets: readonly string[];
  readonly #ky: KyInstance;

  constructor(options: WemeetClientOptions) {
    const base = new URL(options.baseUrl ?? DEFAULT_BASE_URL);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') {
      throw new TypeError('baseUrl must be an http(s) URL');
    }
    // The last guard: whatever let it through (settings, environment, managed file), plain http
    // off this machine would put the SecretId and signatures on the network in clear text.
    if (baseUrlProblem(base.href) === 'not-https') {
      throw new TypeError(`baseUrl ${baseUrlProblemMessage('not-https')}`);
    }
    if (base.search !== '' || base.hash !== '' || base.username !== '' || base.password !== '') {
      throw new TypeError('baseUrl takes scheme, host and an optional path only');
    }
    const timeoutMs = options.timeoutMs ?? 10_000;
    if (!(timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS)) {
      throw new RangeError('timeoutMs must be > 0 and fit a timer');
    }
    this.#timeoutMs = timeoutMs;
    this.#retry = resolveRetryPolicy(options.retry);
    this.#credentials = options.credentials;
    this.operatorId = options.operatorId;
    this.meetingIdEncoding = options.meetingIdEncoding ?? 'string';
    this.#now = options.now ?? Date.now;
    this.#nonce = options.nonce ?? defaultNonce;
    this.#sleep = options.sleep ?? defaultSleep;
    this.#random = options.random ?? Math.random;
    this.#appVersion = options.appVersion;
    const { appId, sdkId, secretId, secretKey } = options.credentials;
    this.#secrets = [secretKey, secretId, appId, ...(sdkId === undefined ? [] : [sdkId])];

    const transport = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#ky = ky.create({
      // URL has normalised and percent-encoded the prefix, so it is stable on the wire.
      prefix: base.origin + base.pathname.replace(/\/+$/, ''),
      fetch: bufferedFetch(transport),
      timeout: timeoutMs,
      // Nothing is retried unless a call says it is a read (see request()).
      retry: 0,
      // A redirect would change the signed URI and carry X-TC-Key to another host.
      redirect: 'manual',
      headers: { accept: 'application/json' },
      parseJson: (text) => parseJsonLossless(text),
      hooks: {
        beforeRequest: [
          ({ request, options: normalized }) => {
            this.#sign(request, normalized);
          },
        ],
        beforeRetry: [
          async ({ request, options: normalized, error, retryCount }) => {
            const call = callOf(normalized);
            const typed = this.#toWemeetError(error, call, request) ?? error;
            const waitMs = retryWaitMs(typed, retryCount, this.#retry, this.#random, this.#now());
            if (rateLimitOf(typed) !== null) call.onRateLimited?.(waitMs);
            await this.#sleep(waitMs, call.signal);
            // Signed after the wait, so the timestamp is the moment of sending.
            this.#sign(request, normalized);
          },
        ],
        afterResponse: [
          async ({ request, options: normalized, response, retryCount }) => {
            // Anything but 2xx becomes ky's HTTPError, mapped in beforeError.
            if (!response.ok) return undefined;
            const call = callOf(normalized);
            const text =
              response instanceof ReadResponse ? response.bodyText : await response.text();
            const outcome = this.#interpret(text, response.status, call, request);
            if (!(outcome instanceof WemeetError)) {
              call.data = outcome.data;
              return undefined;
            }
            if (!this.#retryable(outcome, call, retryCount + 1)) throw outcome;
            return ky.retry({ code: outcome.name, cause: outcome });
          },
        ],
        beforeError: [
          ({ error, request, options: normalized }) =>
            this.#toWemeetError(error, callOf(normalized), request) ?? error,
        ],
      },
    });
  }

  /**
   * Sends one API request and returns its validated payload. Throws WemeetApiError,
   * WemeetNetworkError, WemeetTimeoutError or WemeetResponseError; if `signal` aborts, its
   * reason.
   */
  async request<T>(options: RequestOptions<T>): Promise<T> {
    const label: RequestLabel = { method: options.method, path: options.path };
    const call = new Call(label, options.idempotent, options.signal, options.onRateLimited);
    try {
      // The query goes in the input rather than ky's searchParams: the same URL, without ky
      // building the Request a second time to append it (~50 µs a request).
      const response = await this.#ky(options.path + encodeQuery(options.query), {
        method: options.method,
        // Serialised once: ky sends this string on every attempt, and the hooks sign it.
        body: options.body === undefined ? null : stringifyBody(options.body),
        signal: options.signal ?? null,
        retry: options.idempotent
          ? kyRetryOptions(this.#retry, (error, retryCount) =>
              this.#retryable(this.#toWemeetError(error, call, null), call, retryCount),
            )
          : 0,
        context: { call },
      });
      void response.body?.cancel();
    } catch (err) {
      options.signal?.throwIfAborted();
      throw err;
    }
    const result = options.schema.safeParse(call.data);
    if (!result.success) {
      throw new WemeetResponseError(label, 'unexpected-shape', summarizeIssues(result.error));
    }
    return result.data;
  }

  #retryable(err: unknown, call: Call, attempt: number): boolean {
    if (call.signal?.aborted === true) return false;
    return shouldRetry(err, attempt, call.idempotent, this.#retry, this.#now());
  }

  /** Sets the auth headers for one attempt, over the URI and body this Request will send. */
  #sign(request: Request, options: Readonly<NormalizedOptions>): void {
    const body = options.body ?? '';
    if (typeof body !== 'string') throw new RangeError('Only string bodies are signed');
    const url = new URL(request.url);
    const nowMs = this.#now();
    const headers = signedHeaders({
      credentials: this.#credentials,
      method: request.method,
      uri: url.pathname + url.search,
      body,
      timestamp: unixSeconds(nowMs),
      nonce: this.#nonce(nowMs),
      appVersion: this.#appVersion,
    });
    for (const [name, value] of Object.entries(headers)) request.headers.set(name, value);
  }

  /** A 2xx body: its data, or the typed error it amounts to. */
  #interpret(
    text: string,
    status: number,
    call: Call,
    request: Request,
  ): { readonly data: unknown } | WemeetError {
    let data: unknown;
    try {
      // cancel-room-call answers `{}`; an empty body means the same thing.
      data = BLANK.test(text) ? {} : parseJsonLossless(text);
    } catch {
      return new WemeetResponseError(call.label, 'malformed-json', null);
    }
    if (typeof data === 'object' && data !== null && 'error_info' in data) {
      return apiError(status, data, null, call.label, this.#secretsOf(request), {
        requestTimeMs: requestTimeOf(request),
        serverTimeMs: null,
      });
    }
    return { data };
  }

  /**
   * ky's errors as ours, in one place: HTTPError → WemeetApiError, TimeoutError →
   * WemeetTimeoutError, NetworkError (or a TypeError from a transport ky does not recognise,
   * such as net.fetch's) → WemeetNetworkError, a forced retry → the error that forced it.
   * Anything else (an abort's reason, a bug) is left alone: undefined.
   */
  #toWemeetError(error: unknown, call: Call, request: Request | null): WemeetError | undefined {
    if (error instanceof WemeetError) return error;
    if (error instanceof ForceRetryError) return this.#toWemeetError(error.cause, call, request);
    const secrets = this.#secretsOf(request);
    if (error instanceof HTTPError) {
      const retryAfter = error.response.headers.get('retry-after');
      return apiError(error.response.status, error.data, retryAfter, call.label, secrets, {
        requestTimeMs: requestTimeOf(request),
        serverTimeMs: serverTimeOf(error.response.headers.get('date')),
      });
    }
    if (error instanceof TimeoutError) return new WemeetTimeoutError(call.label, this.#timeoutMs);
    if (error instanceof NetworkError || error instanceof TypeError) {
      const cause = error instanceof NetworkError ? error.cause : error;
      return new WemeetNetworkError(call.label, redactOrNull(describeCause(cause), secrets));
    }
    return undefined;
  }

  /**
   * The credentials, and this attempt's signature and nonce. Not its timestamp: that is only
   * the time, which a clock-skew refusal (190300) must be able to show.
   */
  #secretsOf(request: Request | null): readonly string[] {
    if (request === null) return this.#secrets;
    const sent = ['x-tc-signature', 'x-tc-nonce'].map((name) => request.headers.get(name) ?? '');
    return [...this.#secrets, ...sent];
  }
}

/**
 * The transport, reading the whole body before the Response reaches ky: ky's timeout covers
 * the fetch call, so it then covers the body too, and a stalled body is an attempt that timed
 * out (and is retried for reads). A 2xx body travels on as text in a ReadResponse, so ky's
 * afterResponse clone costs no stream tee; other bodies stay bytes for ky's HTTPError.data.
 */
function bufferedFetch(transport: FetchLike): FetchLike {
  return async (input, init) => {
    try {
      const response = await transport(input, init);
      const { status, statusText, headers } = response;
      if (status < 200 || status > 599) return response;
      if (status < 300) {
        return new ReadResponse(await response.text(), { status, statusText, headers });
      }
      const bytes = await response.arrayBuffer();
      const empty = bytes.byteLength === 0 || NULL_BODY_STATUSES.has(status);
      return new Response(empty ? null : bytes, { status, statusText, headers });
    } catch (error) {
      const signal = input instanceof Request ? input.signal : init?.signal;
      // An abort (ky's timeout, the caller) stays what it is; ky and request() sort those out.
      if (signal?.aborted === true || error instanceof TypeError) throw error;
      // Electron's net.fetch fails with a plain Error ("net::ERR_CONNECTION_REFUSED"): give it
      // the shape of fetch's own network failure, so ky treats it as one (a NetworkError).
      throw new TypeError('fetch failed', { cause: error });
    }
  };
}

/** A 2xx Response whose body was already read: the text rides along, clones included. */
class ReadResponse extends Response {
  constructor(
    readonly bodyText: string,
    init: ResponseInit,
  ) {
    super(null, init);
  }

  // A property, as lib.dom declares Response's clone.
  override clone = (): ReadResponse => {
    const { status, statusText, headers } = this;
    return new ReadResponse(this.bodyText, { status, statusText, headers });
  };
}

/** When the request said it was sent (its X-TC-Timestamp), in ms; null when unknown. */
function requestTimeOf(request: Request | null): number | null {
  const seconds = request?.headers.get('x-tc-timestamp') ?? '';
  return /^\d{1,12}$/.test(seconds) ? Number(seconds) * 1000 : null;
}

/** The server's clock from the response's Date header (RFC 9110 §6.6.1); null when absent. */
function serverTimeOf(date: string | null): number | null {
  const ms = date === null ? Number.NaN : Date.parse(date);
  return Number.isFinite(ms) ? ms : null;
}

/** A refusal: a status >= 300, or a 2xx body carrying `error_info`. */
function apiError(
  status: number,
  body: unknown,
  retryAfter: string | null,
  label: RequestLabel,
  secrets: readonly string[],
  times: { readonly requestTimeMs: number | null; readonly serverTimeMs: number | null },
): WemeetApiError {
  let data = body;
  if (typeof data === 'string') {
    try {
      // ky keeps a body it did not take for JSON (by its Content-Type) as text.
      data = parseJsonLossless(data);
    } catch {
      data = undefined;
    }
  }
  const parsed = errorBodySchema.safeParse(data);
  const info = parsed.success ? parsed.data.error_info : undefined;
  return new WemeetApiError(label, {
    status,
    errorCode: info?.error_code ?? null,
    newErrorCode: info?.new_error_code ?? null,
    serverMessage: redactOrNull(info?.message ?? null, secrets),
    retryAfter,
    ...times,
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
