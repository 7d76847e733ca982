import {
  WemeetApiError,
  WemeetError,
  WemeetNetworkError,
  WemeetTimeoutError,
  type RequestLabel,
} from '../wemeet/errors';

/**
 * The relay's own refusals, as seen by its client (relay-api.ts). Everything Tencent said
 * travels through the relay unchanged and becomes the direct client's errors (WemeetApiError
 * with Tencent's code, WemeetNetworkError…); only what the relay itself decided about the
 * caller is new: who you are (401/403) and how often you may ask (429).
 *
 * Both are WemeetErrors, so the invite use-case, describeError and the retry rules treat them
 * like any other API answer: never a lost reply, never retried blindly.
 */

/** Why the relay refused the caller (contract.ts, RelayErrorBody.reason for 401 and 403). */
export type RelayRefusal = 'unauthenticated' | 'token-expired' | 'token-revoked' | 'forbidden';

const REFUSAL_WORDS: Readonly<Record<RelayRefusal, string>> = {
  unauthenticated: 'it does not recognise your sign-in',
  'token-expired': 'your sign-in has expired',
  'token-revoked': 'your sign-in was revoked by an administrator',
  forbidden: 'your account may not use it',
};

/** The relay refused who the request came from: sign in again (or ask IT, for forbidden). */
export class RelayAuthError extends WemeetError {
  readonly kind = 'api' as const;
  readonly reason: RelayRefusal;
  readonly status: number;
  /** The relay's request id (its audit log and logs), for IT. */
  readonly requestId: string | null;

  constructor(
    label: RequestLabel,
    details: { reason: RelayRefusal; status: number; requestId: string | null },
  ) {
    const request = details.requestId === null ? '' : `, request ${details.requestId}`;
    super(
      `The RoomCall relay refused ${label.method} ${label.path}: ${REFUSAL_WORDS[details.reason]} (HTTP ${details.status}${request}).`,
      label,
      null,
      details.reason === 'forbidden'
        ? 'Ask your IT department to give your account access to the RoomCall relay.'
        : 'Sign in to the relay again: in RoomCall, or with `roomcall auth login --relay <url>`.',
    );
    this.name = 'RelayAuthError';
    this.reason = details.reason;
    this.status = details.status;
    this.requestId = details.requestId;
  }
}

/**
 * The relay's own rate limit (per person or for the whole company): HTTP 429 with
 * Retry-After. A WemeetApiError with status 429, so rateLimitOf and isTransient see a rate
 * limit and reads wait it out exactly as they wait out Tencent's; room-call and cancel are
 * never resent. Its words say the relay, not Tencent, asked to wait.
 */
export class RelayRateLimitError extends WemeetApiError {
  /** The relay's request id, for IT. */
  readonly requestId: string | null;

  constructor(
    label: RequestLabel,
    details: { retryAfter: string | null; requestId: string | null; relayMessage: string | null },
  ) {
    super(label, {
      status: 429,
      errorCode: null,
      newErrorCode: null,
      serverMessage: details.relayMessage,
      retryAfter: details.retryAfter,
    });
    const wait = retryAfterWords(details.retryAfter);
    this.message = `The RoomCall relay asked RoomCall to slow down for ${label.method} ${label.path}: too many requests were sent (HTTP 429${details.requestId === null ? '' : `, request ${details.requestId}`}); try again ${wait}.`;
    this.name = 'RelayRateLimitError';
    this.requestId = details.requestId;
  }
}

/** "in 30 s" from a delay-seconds Retry-After; "in a minute" otherwise. */
function retryAfterWords(retryAfter: string | null): string {
  const seconds = retryAfter === null ? null : /^\s*(\d{1,6})\s*$/.exec(retryAfter)?.[1];
  return seconds === undefined || seconds === null ? 'in a minute' : `in ${Number(seconds)} s`;
}

/**
 * The relay itself could not be reached (connection refused, DNS, TLS, proxy): a
 * WemeetNetworkError, so "never sent" and "maybe sent" are told apart exactly as for Tencent
 * (lost-reply.ts reads the same detail), worded for the relay the person can check.
 */
export class RelayUnreachableError extends WemeetNetworkError {
  constructor(label: RequestLabel, relayUrl: string, detail: string | null) {
    super(label, detail);
    const detailPart = detail === null ? '' : ` (${detail})`;
    this.message = `Could not reach the RoomCall relay ${relayUrl} for ${label.method} ${label.path}${detailPart}`;
    this.name = 'RelayUnreachableError';
  }
}

/** The relay sent no complete answer in time: a WemeetTimeoutError (maybe sent), its words. */
export class RelayTimeoutError extends WemeetTimeoutError {
  constructor(label: RequestLabel, relayUrl: string, timeoutMs: number) {
    super(label, timeoutMs);
    this.message = `The RoomCall relay ${relayUrl} did not answer ${label.method} ${label.path} within ${timeoutMs / 1000} s`;
    this.name = 'RelayTimeoutError';
  }
}

/**
 * The relay could not check the sign-in because the company's identity provider did not
 * answer (503 'idp-unavailable'). Nothing was sent to Tencent (so never a lost reply), and the
 * sign-in is still good: try again in a moment, no need to sign in again.
 */
export class RelayIdentityUnavailableError extends WemeetError {
  readonly kind = 'network' as const;
  readonly requestId: string | null;

  constructor(label: RequestLabel, requestId: string | null) {
    super(
      `The RoomCall relay could not check your sign-in for ${label.method} ${label.path}: your company's sign-in service did not answer${requestId === null ? '' : ` (request ${requestId})`}.`,
      label,
      null,
      'Try again in a moment; your sign-in is still valid. If it persists, tell your IT department.',
    );
    this.name = 'RelayIdentityUnavailableError';
    this.requestId = requestId;
  }
}
