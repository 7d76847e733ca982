import ky, { ForceRetryError, HTTPError, NetworkError, TimeoutError } from 'ky';
import type { KyInstance } from 'ky';
import { defaultSleep } from '../wemeet/client-options';
import { Call, callOf } from '../wemeet/call-context';
import { describeCause, redactOrNull } from '../wemeet/error-mapping';
import { WemeetError, type RequestLabel } from '../wemeet/errors';
import { parseJsonLossless } from '../wemeet/json';
import { mayRetry, readBody, sendCall, waitBeforeRetry, type CallRequest } from '../wemeet/ky-call';
import { resolveRetryPolicy, type RetryPolicy } from '../wemeet/retry-policy';
import { bufferedFetch, ReadResponse, type FetchLike } from '../wemeet/transport';
import { relayUrlProblem } from '../../shared/rules/relay-url';
import { relayError } from './relay-error-mapping';
import { RelayTimeoutError, RelayUnreachableError } from './errors';

/**
 * HTTP to a RoomCall relay (contract.ts) through one ky instance, built like the direct
 * client (wemeet/client.ts) so it behaves like it: the same buffered transport (a stalled body
 * times out inside the attempt), the same lossless JSON (19-digit IDs stay digits), the same
 * retry policy for reads and none for writes (room-call and cancel go once), the same typed
 * errors. What differs is the credential: a bearer token, asked of `bearer` for every attempt
 * (so a refreshed token is used), instead of a signature.
 */

export interface RelayHttpOptions {
  /** The relay's base URL: https, or http to this machine only (relay-url.ts). */
  readonly relayUrl: string;
  /** The bearer token for the next attempt (an issued per-person token or an OIDC token). */
  readonly bearer: () => Promise<string>;
  /** Electron's net.fetch in the app; global fetch elsewhere. */
  readonly fetch?: FetchLike | undefined;
  /** Per attempt, from sending to the whole body read; default 15000 (the relay waits on Tencent). */
  readonly timeoutMs?: number | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  readonly random?: (() => number) | undefined;
  readonly now?: (() => number) | undefined;
  /** Sent as User-Agent-like X-RoomCall-Version, for the relay's logs. */
  readonly appVersion?: string | undefined;
}

/** A call to the relay, worded on failure for the Tencent request it stands for. */
export interface RelayRequest<T> extends CallRequest<T> {
  readonly method: 'GET' | 'POST';
  /** The Tencent request this stands for: its errors are worded for that request. */
  readonly label: RequestLabel;
  /** Sent without the bearer (GET /v1/sign-in-config, before anyone signed in). */
  readonly anonymous?: boolean | undefined;
}

export class RelayHttp {
  readonly #timeoutMs: number;
  /** For messages: where the relay is (no secret: the token travels in a header). */
  readonly #relayUrl: string;
  readonly #retry: RetryPolicy;
  readonly #sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly #random: () => number;
  readonly #now: () => number;
  readonly #bearer: () => Promise<string>;
  /** Bearer tokens sent so far: no message may quote one. */
  readonly #sent = new Set<string>();
  readonly #ky: KyInstance;

  constructor(options: RelayHttpOptions) {
    const problem = relayUrlProblem(options.relayUrl);
    if (problem !== null) throw new TypeError(`relayUrl ${problem}`);
    const base = new URL(options.relayUrl);
    this.#relayUrl = base.origin + base.pathname.replace(/\/+$/, '');
    this.#timeoutMs = options.timeoutMs ?? 15_000;
    this.#retry = resolveRetryPolicy(options.retry);
    this.#sleep = options.sleep ?? defaultSleep;
    this.#random = options.random ?? Math.random;
    this.#now = options.now ?? Date.now;
    this.#bearer = options.bearer;
    const transport = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#ky = ky.create({
      prefix: base.origin + base.pathname.replace(/\/+$/, ''),
      fetch: bufferedFetch(transport),
      timeout: this.#timeoutMs,
      retry: 0,
      // A redirect would carry the bearer token to wherever the relay points.
      redirect: 'manual',
      headers: {
        accept: 'application/json',
        ...(options.appVersion === undefined ? {} : { 'x-roomcall-version': options.appVersion }),
      },
      parseJson: (text) => parseJsonLossless(text),
      hooks: {
        beforeRequest: [
          async ({ request, options: normalized }) => {
            if (normalized.context['anonymous'] !== true) await this.#authorize(request);
          },
        ],
        beforeRetry: [
          async ({ request, options: normalized, error, retryCount }) => {
            const call = callOf(normalized);
            const typed = this.#typed(error, call) ?? error;
            await waitBeforeRetry(typed, call, retryCount, {
              policy: this.#retry,
              random: this.#random,
              nowMs: this.#now(),
              sleep: this.#sleep,
            });
            if (normalized.context['anonymous'] !== true) await this.#authorize(request);
          },
        ],
        afterResponse: [
          async ({ options: normalized, response, retryCount }) => {
            if (!response.ok) return undefined;
            const call = callOf(normalized);
            const text =
              response instanceof ReadResponse ? response.bodyText : await response.text();
            // cancel answers 204: an empty body means "done".
            const body = readBody(text, call);
            if (!(body instanceof WemeetError)) {
              call.data = body.data;
              return undefined;
            }
            if (!this.#retryable(body, call, retryCount + 1)) throw body;
            return ky.retry({ code: body.name, cause: body });
          },
        ],
        beforeError: [
          ({ error, options: normalized }) => this.#typed(error, callOf(normalized)) ?? error,
        ],
      },
    });
  }

  async request<T>(options: RelayRequest<T>): Promise<T> {
    const call = new Call(options.label, options.idempotent, options.signal, options.onRateLimited);
    return sendCall(this.#ky, call, options, {
      policy: this.#retry,
      retryable: (error, retryCount) => this.#retryable(this.#typed(error, call), call, retryCount),
      headers: options.body === undefined ? {} : { 'content-type': 'application/json' },
      context: { anonymous: options.anonymous === true },
    });
  }

  async #authorize(request: Request): Promise<void> {
    const token = await this.#bearer();
    this.#sent.add(token);
    request.headers.set('authorization', `Bearer ${token}`);
  }

  #retryable(err: unknown, call: Call, attempt: number): boolean {
    return mayRetry(err, call, attempt, this.#retry, this.#now());
  }

  /** ky's errors as the direct client's (or the relay's own refusals); others left alone. */
  #typed(error: unknown, call: Call): WemeetError | undefined {
    if (error instanceof WemeetError) return error;
    if (error instanceof ForceRetryError) return this.#typed(error.cause, call);
    const secrets = [...this.#sent];
    if (error instanceof HTTPError) {
      const data: unknown = error.data;
      const answer = {
        status: error.response.status,
        data,
        retryAfter: error.response.headers.get('retry-after'),
      };
      return relayError(answer, call.label, this.#timeoutMs, secrets);
    }
    if (error instanceof TimeoutError) {
      return new RelayTimeoutError(call.label, this.#relayUrl, this.#timeoutMs);
    }
    if (error instanceof NetworkError || error instanceof TypeError) {
      const cause = error instanceof NetworkError ? error.cause : error;
      const detail = redactOrNull(describeCause(cause), secrets);
      return new RelayUnreachableError(call.label, this.#relayUrl, detail);
    }
    return undefined;
  }
}
