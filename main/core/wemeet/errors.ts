/**
 * The errors every WemeetApi method may throw: one small family (API, network, timeout,
 * unexpected response), so callers branch on `kind` instead of on message text.
 *
 * Messages are meant for people: they say what happened in words, name the method and path,
 * and never carry a header value, the SecretId, the SecretKey or the signature (the client
 * passes the values to scrub; see `redact`). `hint` says what to do next.
 */

import { codeFitsRequest, tencentCodeInfo } from '../../shared/tencent-error-codes';
import { apiRequestOf } from '../../shared/rules/api-request';

export type WemeetErrorKind = 'api' | 'network' | 'timeout' | 'response';

/** Where a request went: enough to tell calls apart in a message, nothing more (no query). */
export interface RequestLabel {
  readonly method: string;
  readonly path: string;
}

export abstract class WemeetError extends Error {
  abstract readonly kind: WemeetErrorKind;
  /** The server's `error_code` for API errors; null otherwise. */
  readonly code: number | null;
  /** What the user should do about it. */
  readonly hint: string;
  readonly method: string;
  readonly path: string;

  protected constructor(message: string, label: RequestLabel, code: number | null, hint: string) {
    super(message);
    this.code = code;
    this.hint = hint;
    this.method = label.method;
    this.path = label.path;
  }
}

/**
 * The codes that only mean "slow down": a later retry of a read can succeed. The per-day limit
 * (190311) is not one of them: waiting it out would take until tomorrow.
 */
export const RATE_LIMIT_CODES: ReadonlySet<number> = new Set([190310, 190313, 9061]);

/** A "slow down" answer: a rate-limit code, or HTTP 429 (RFC 6585) whatever its body. */
export function rateLimitOf(err: unknown): { readonly retryAfter: string | null } | null {
  if (!(err instanceof WemeetApiError)) return null;
  const limited =
    err.status === 429 || (err.errorCode !== null && RATE_LIMIT_CODES.has(err.errorCode));
  return limited ? { retryAfter: err.retryAfter } : null;
}

/**
 * Codes that say something about the request itself (credentials, parameters, rights, quota):
 * sending it again cannot help, even when the server chose a 5xx status for it.
 */
const PERMANENT_CODES: ReadonlySet<number> = new Set([
  200003, 190300, 190303, 190004, 190001, 20001, 9003, 9042, 190315, 20000, 190311, 10004,
]);

export interface WemeetApiErrorDetails {
  readonly status: number;
  readonly errorCode: number | null;
  readonly newErrorCode: number | null;
  /** The server's own message, already scrubbed of secrets; null when the body had none. */
  readonly serverMessage: string | null;
  /** The Retry-After header as sent, if any (rate limits). */
  readonly retryAfter?: string | null | undefined;
  /** This computer's time as the request carried it (X-TC-Timestamp), ms; for 190300. */
  readonly requestTimeMs?: number | null | undefined;
  /** The server's time from its Date header, ms, when it sent one; for 190300. */
  readonly serverTimeMs?: number | null | undefined;
}

/** The server answered, and said no: a status >= 300, or a 2xx body carrying `error_info`. */
export class WemeetApiError extends WemeetError {
  readonly kind = 'api' as const;
  readonly status: number;
  readonly errorCode: number | null;
  readonly newErrorCode: number | null;
  readonly serverMessage: string | null;
  readonly retryAfter: string | null;
  readonly requestTimeMs: number | null;
  readonly serverTimeMs: number | null;

  constructor(label: RequestLabel, details: WemeetApiErrorDetails) {
    // Words and a next step for each documented code: one list with the windows' copy. A
    // code documented for one request (10002: room-call's status query) gets the status's
    // generic words on another (the room list), not the call's.
    const known = tencentCodeInfo(details.errorCode);
    const request = apiRequestOf(label.method, label.path);
    const info = known !== undefined && codeFitsRequest(known, request) ? known : undefined;
    const words = info?.meaning ?? genericWords(details.status);
    const codePart = details.errorCode === null ? '' : `, error ${details.errorCode}`;
    const serverPart = details.serverMessage === null ? '' : `: "${details.serverMessage}"`;
    super(
      `Tencent Meeting refused ${label.method} ${label.path}: ${words} (HTTP ${details.status}${codePart})${serverPart}`,
      label,
      details.errorCode,
      info?.advice ?? genericHint(details.status),
    );
    this.name = 'WemeetApiError';
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.newErrorCode = details.newErrorCode;
    this.serverMessage = details.serverMessage;
    this.retryAfter = details.retryAfter ?? null;
    this.requestTimeMs = details.requestTimeMs ?? null;
    this.serverTimeMs = details.serverTimeMs ?? null;
  }
}

function genericWords(status: number): string {
  if (status === 429) return 'too many requests were sent';
  if (status >= 500) return 'the server had a problem';
  if (status === 401 || status === 403) return 'access was denied';
  if (status === 404) return 'the resource was not found';
  return 'the request was not accepted';
}

function genericHint(status: number): string {
  if (status === 429) return 'Wait a minute, then try again.';
  if (status >= 500) return 'Tencent Meeting had a server problem: try again in a moment.';
  return 'Check the settings (AppId, SecretId, SdkId, operator) and what was asked, then try again.';
}

/** The request never got an answer: connection refused or reset, DNS, TLS, proxy. */
export class WemeetNetworkError extends WemeetError {
  readonly kind = 'network' as const;
  /** A short description of the low-level cause (e.g. "ECONNRESET"), without headers. */
  readonly detail: string | null;

  constructor(label: RequestLabel, detail: string | null) {
    const detailPart = detail === null ? '' : ` (${detail})`;
    super(
      `Could not reach Tencent Meeting for ${label.method} ${label.path}${detailPart}`,
      label,
      null,
      'Check the network connection, proxy or VPN, then try again.',
    );
    this.name = 'WemeetNetworkError';
    this.detail = detail;
  }
}

/** No complete answer within the time allowed for one attempt. */
export class WemeetTimeoutError extends WemeetError {
  readonly kind = 'timeout' as const;
  readonly timeoutMs: number;

  constructor(label: RequestLabel, timeoutMs: number) {
    super(
      `Tencent Meeting did not answer ${label.method} ${label.path} within ${formatSeconds(timeoutMs)}`,
      label,
      null,
      'Check the network connection, then try again; Tencent Meeting may be slow right now.',
    );
    this.name = 'WemeetTimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

export type ResponseProblem = 'malformed-json' | 'unexpected-shape';

/** A 2xx answer we cannot use: not JSON, or not the shape the API documents. */
export class WemeetResponseError extends WemeetError {
  readonly kind = 'response' as const;
  readonly problem: ResponseProblem;
  /** Which fields were wrong (paths and expectations, never values); null for malformed JSON. */
  readonly detail: string | null;

  constructor(label: RequestLabel, problem: ResponseProblem, detail: string | null) {
    const what =
      problem === 'malformed-json'
        ? 'a reply that is not valid JSON'
        : 'a reply of unexpected shape';
    const detailPart = detail === null ? '' : ` (${detail})`;
    super(
      `Tencent Meeting sent ${what} to ${label.method} ${label.path}${detailPart}`,
      label,
      null,
      problem === 'malformed-json'
        ? 'Try again; if it persists, a proxy may be altering the replies.'
        : 'Try again; if it persists, the API may have changed: update RoomCall or report it.',
    );
    this.name = 'WemeetResponseError';
    this.problem = problem;
    this.detail = detail;
  }
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1)} s`;
}

export interface DescribedError {
  /** 'unexpected' for anything that is not a WemeetError (a bug, or an abort). */
  readonly kind: WemeetErrorKind | 'unexpected';
  readonly message: string;
  readonly code: number | null;
  readonly hint: string;
}

/** One shape for the CLI's output and the app's IPC results, whatever was thrown. */
export function describeError(err: unknown): DescribedError {
  if (err instanceof WemeetError) {
    return { kind: err.kind, message: err.message, code: err.code, hint: err.hint };
  }
  const message =
    err instanceof Error ? `${err.name}: ${err.message}` : 'Something unexpected went wrong';
  return {
    kind: 'unexpected',
    message,
    code: null,
    hint: 'Try again; if it persists, report it with the RoomCall version.',
  };
}

/**
 * Whether sending the same read again later may succeed: no answer at all, a server-side
 * hiccup, a garbled body, or a short-term rate limit. The client only ever retries reads;
 * this predicate does not know (or care) which request failed.
 */
export function isTransient(err: unknown): boolean {
  if (err instanceof WemeetNetworkError || err instanceof WemeetTimeoutError) return true;
  if (err instanceof WemeetResponseError) return err.problem === 'malformed-json';
  if (!(err instanceof WemeetApiError)) return false;
  const code = err.errorCode;
  if (rateLimitOf(err) !== null) return true;
  if (code !== null) {
    // A replay refusal is cured by the fresh timestamp and nonce every attempt gets.
    if (code === 190301) return true;
    if (PERMANENT_CODES.has(code)) return false;
  }
  return err.status >= 500;
}

/**
 * Replaces every occurrence of the given secrets in a text (e.g. a server message that echoes
 * what it received). Values shorter than 4 characters are left alone: they cannot identify
 * anything, and scrubbing them would garble ordinary words and numbers.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && result.includes(secret)) {
      result = result.split(secret).join('[redacted]');
    }
  }
  return result;
}
