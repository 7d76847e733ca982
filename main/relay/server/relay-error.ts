import { z } from 'zod';
import type { RelayErrorBody } from '../../core/relay/contract';
import { replyMayBeLost } from '../../core/invite/lost-reply';
import { classify } from '../../core/problem/classify';
import type { ProblemCategory } from '../../core/problem/problem';
import {
  WemeetApiError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
} from '../../core/wemeet/errors';
import { IdentityProviderUnavailableError } from '../identity/provider-unavailable';
import { IdentityRejectedError } from '../ports';

/**
 * Every way a relay request fails, as one answer: HTTP status, the contract's `reason`, words,
 * and Tencent's own answer when Tencent refused. Reasons and statuses (contract.ts):
 * unauthenticated / token-expired / token-revoked 401, forbidden 403, bad-request 400 (413 for
 * a body over the limit, 405 for a wrong method), not-found 404, rate-limited 429 (Retry-After),
 * upstream 502 (Tencent answered with an error, in `tencent`), upstream-network 502,
 * upstream-timeout 504, unconfirmed 502 (room-call sent, reply lost), idp-unavailable 503 (the
 * identity provider did not answer: the token may be fine), internal 500.
 */

export type RelayReason =
  | 'unauthenticated'
  | 'token-expired'
  | 'token-revoked'
  | 'forbidden'
  | 'rate-limited'
  | 'bad-request'
  | 'not-found'
  | 'upstream'
  | 'upstream-network'
  | 'upstream-timeout'
  | 'unconfirmed'
  | 'idp-unavailable'
  | 'internal';

/** A refusal the relay decides itself (not Tencent's). */
export class RelayHttpError extends Error {
  readonly status: number;
  readonly reason: RelayReason;
  /** Seconds, for 429. */
  readonly retryAfterSeconds: number | null;
  constructor(
    status: number,
    reason: RelayReason,
    message: string,
    retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'RelayHttpError';
    this.status = status;
    this.reason = reason;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

export function rateLimited(retryAfterMs: number, whose: 'person' | 'company'): RelayHttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const message =
    whose === 'person'
      ? `Too many requests from you through the relay; try again in ${seconds} s.`
      : `The company's Tencent Meeting rate budget is used up for now; try again in ${seconds} s.`;
  return new RelayHttpError(429, 'rate-limited', message, seconds);
}

export interface RelayFailure {
  readonly status: number;
  readonly body: RelayErrorBody['error'] & { readonly category: ProblemCategory };
  readonly retryAfterSeconds: number | null;
  /** For the audit log: Tencent's error code, else the reason. */
  readonly code: string;
}

/** The category of each reason the relay decides itself. */
export const RELAY_REASON_CATEGORY: Readonly<Record<RelayReason, ProblemCategory>> = {
  unauthenticated: 'auth',
  'token-expired': 'auth',
  'token-revoked': 'auth',
  forbidden: 'permission',
  'rate-limited': 'rate-limit',
  'bad-request': 'bad-input',
  'not-found': 'not-found',
  upstream: 'refused',
  'upstream-network': 'network',
  'upstream-timeout': 'timeout',
  unconfirmed: 'timeout',
  'idp-unavailable': 'network',
  internal: 'internal',
};

/**
 * The answer for `error`, thrown while serving `requestId`. `roomCall` marks the one request
 * whose lost reply is 'unconfirmed' rather than a failure: the room may be ringing.
 */
export function toFailure(error: unknown, requestId: string, roomCall: boolean): RelayFailure {
  const relay = relayError(error, roomCall);
  const problem = classify(error);
  const category =
    relay.reason === 'internal' || relay.reason === 'upstream'
      ? problem.category
      : RELAY_REASON_CATEGORY[relay.reason];
  const tencent =
    error instanceof WemeetApiError
      ? {
          status: error.status,
          error_code: error.errorCode,
          new_error_code: error.newErrorCode,
          message: error.serverMessage,
        }
      : undefined;
  // An unexpected error's own message could hold anything: only the relay's own words go out.
  const message =
    relay.reason === 'internal' && !(error instanceof RelayHttpError)
      ? 'The relay failed unexpectedly; the request id is in its log.'
      : relay.message;
  return {
    status: relay.status,
    retryAfterSeconds: relay.retryAfterSeconds,
    code:
      tencent?.error_code === null || tencent === undefined
        ? relay.reason
        : String(tencent.error_code),
    body: {
      reason: relay.reason,
      category,
      message,
      request_id: requestId,
      ...(tencent === undefined ? {} : { tencent }),
    },
  };
}

function relayError(error: unknown, roomCall: boolean): RelayHttpError {
  if (error instanceof RelayHttpError) return error;
  if (error instanceof IdentityRejectedError) {
    return new RelayHttpError(
      error.reason === 'forbidden' ? 403 : 401,
      error.reason,
      error.message,
    );
  }
  if (error instanceof IdentityProviderUnavailableError) {
    return new RelayHttpError(503, 'idp-unavailable', error.message);
  }
  if (error instanceof z.ZodError) {
    return new RelayHttpError(400, 'bad-request', classify(error).message);
  }
  if (roomCall && replyMayBeLost(error)) {
    return new RelayHttpError(
      502,
      'unconfirmed',
      "The room call was sent but Tencent's reply was lost: the room may be ringing. Read the call's status before calling again.",
    );
  }
  if (error instanceof WemeetApiError) {
    const retry = error.retryAfter === null ? null : Number(error.retryAfter);
    return new RelayHttpError(
      502,
      'upstream',
      error.message,
      retry !== null && Number.isFinite(retry) ? retry : null,
    );
  }
  if (error instanceof WemeetTimeoutError)
    return new RelayHttpError(504, 'upstream-timeout', error.message);
  if (error instanceof WemeetNetworkError)
    return new RelayHttpError(502, 'upstream-network', error.message);
  if (error instanceof WemeetResponseError)
    return new RelayHttpError(502, 'upstream', error.message);
  return new RelayHttpError(500, 'internal', 'internal');
}
