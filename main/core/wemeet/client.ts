import ky, { ForceRetryError, HTTPError, NetworkError, TimeoutError } from 'ky';
import type { KyInstance, NormalizedOptions } from 'ky';
import { defaultSleep, type RequestOptions, type WemeetClientOptions } from './client-options';
import type { Credentials } from './credentials';
import { Call, callOf } from './call-context';
import {
  apiError,
  describeCause,
  redactOrNull,
  requestTimeOf,
  serverTimeOf,
} from './error-mapping';
import { WemeetError, WemeetNetworkError, WemeetTimeoutError } from './errors';
import type { RequestLabel } from './errors';
import { parseJsonLossless } from './json';
import type { MeetingIdEncoding } from './json';
import { mayRetry, readBody, sendCall, waitBeforeRetry } from './ky-call';
import { resolveRetryPolicy } from './retry-policy';
import type { RetryPolicy } from './retry-policy';
import { defaultNonce, signedHeaders, unixSeconds } from './signing';
import {
  baseUrlProblem,
  baseUrlProblemMessage,
  DEFAULT_BASE_URL,
} from '../../shared/rules/base-url';
import { bufferedFetch, ReadResponse } from './transport';

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

const MAX_TIMER_MS = 2_147_483_647;

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
            await waitBeforeRetry(typed, call, retryCount, this.#clock());
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
    return sendCall(this.#ky, call, options, {
      policy: this.#retry,
      retryable: (error, retryCount) =>
        this.#retryable(this.#toWemeetError(error, call, null), call, retryCount),
    });
  }

  #clock() {
    return { policy: this.#retry, random: this.#random, nowMs: this.#now(), sleep: this.#sleep };
  }

  #retryable(err: unknown, call: Call, attempt: number): boolean {
    return mayRetry(err, call, attempt, this.#retry, this.#now());
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
    // cancel-room-call answers `{}`; an empty body means the same thing.
    const body = readBody(text, call);
    if (body instanceof WemeetError) return body;
    const { data } = body;
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
