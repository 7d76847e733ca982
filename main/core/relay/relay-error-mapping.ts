import { z } from 'zod';
import {
  WemeetApiError,
  WemeetNetworkError,
  WemeetTimeoutError,
  type RequestLabel,
  type WemeetError,
} from '../wemeet/errors';
import { parseJsonLossless } from '../wemeet/json';
import {
  RelayAuthError,
  RelayIdentityUnavailableError,
  RelayRateLimitError,
  type RelayRefusal,
} from './errors';

/**
 * A relay's non-2xx answer (contract.ts, RelayErrorBody) as the error the direct client would
 * have thrown for the same failure, so every caller words and handles it the same way:
 * - Tencent refused: WemeetApiError with Tencent's status, code and message (`tencent`);
 * - Tencent did not answer: WemeetNetworkError / WemeetTimeoutError;
 * - room-call sent but Tencent's reply lost ('unconfirmed'): a WemeetNetworkError whose
 *   detail cannot read as "never sent", so the invite treats it as the direct client's lost
 *   reply (core/invite/lost-reply.ts) and asks room-call-info instead of ringing again;
 * - the relay refused the caller: RelayAuthError (401/403) or RelayRateLimitError (429), or
 *   could not check the sign-in (RelayIdentityUnavailableError, 503: nothing was sent);
 * - anything else (a proxy's HTML page, a relay bug): WemeetApiError with the HTTP status and
 *   no code, as the direct client treats an unreadable error body.
 * `label` is the Tencent request the operation stands for, so code words fit the request.
 */

const tencentSchema = z.object({
  status: z.int(),
  error_code: z.int().nullable(),
  new_error_code: z.int().nullable().optional(),
  message: z.string().nullable().optional(),
});

const errorBodySchema = z.object({
  error: z.object({
    reason: z.string(),
    message: z.string().optional(),
    request_id: z.string().optional(),
    tencent: tencentSchema.optional(),
  }),
});

const REFUSALS: ReadonlySet<string> = new Set<RelayRefusal>([
  'unauthenticated',
  'token-expired',
  'token-revoked',
  'forbidden',
]);

function isRefusal(reason: string): reason is RelayRefusal {
  return REFUSALS.has(reason);
}

/** A message from the relay, kept short and on one line; never a token (it sends none). */
function tidy(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const line = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  if (line === '') return null;
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

export interface RelayAnswer {
  readonly status: number;
  /** ky's HTTPError.data: parsed JSON, text, or undefined. */
  readonly data: unknown;
  readonly retryAfter: string | null;
}

export function relayError(
  answer: RelayAnswer,
  label: RequestLabel,
  timeoutMs: number,
  secrets: readonly string[],
): WemeetError {
  const parsed = errorBodySchema.safeParse(asJson(answer.data));
  const scrub = (text: string | null | undefined) => redactAll(tidy(text), secrets);
  if (!parsed.success) return plainApiError(answer, label, null);
  const { reason, message, tencent } = parsed.data.error;
  const requestId = tidy(parsed.data.error.request_id)?.slice(0, 100) ?? null;
  if (tencent !== undefined) {
    return new WemeetApiError(label, {
      status: tencent.status,
      errorCode: tencent.error_code,
      newErrorCode: tencent.new_error_code ?? null,
      serverMessage: scrub(tencent.message),
      retryAfter: answer.retryAfter,
    });
  }
  if (isRefusal(reason) && (answer.status === 401 || answer.status === 403)) {
    return new RelayAuthError(label, { reason, status: answer.status, requestId });
  }
  if (answer.status === 429 || reason === 'rate-limited') {
    return new RelayRateLimitError(label, {
      retryAfter: answer.retryAfter,
      requestId,
      relayMessage: scrub(message),
    });
  }
  if (reason === 'idp-unavailable') return new RelayIdentityUnavailableError(label, requestId);
  if (reason === 'upstream-timeout') return new WemeetTimeoutError(label, timeoutMs);
  if (reason === 'upstream-network') {
    return new WemeetNetworkError(
      label,
      `the relay could not reach Tencent Meeting: ${scrub(message) ?? 'no detail'}`,
    );
  }
  if (reason === 'unconfirmed') {
    // Its own words, never the relay's: a "connection refused" quoted here would read as
    // "never sent" (lost-reply.ts), and this call may be ringing.
    return new WemeetNetworkError(
      label,
      `the relay sent it, but Tencent Meeting's reply was lost${requestId === null ? '' : ` (request ${requestId})`}`,
    );
  }
  return plainApiError(answer, label, scrub(message));
}

function plainApiError(
  answer: RelayAnswer,
  label: RequestLabel,
  message: string | null,
): WemeetApiError {
  return new WemeetApiError(label, {
    status: answer.status,
    errorCode: null,
    newErrorCode: null,
    serverMessage: message,
    retryAfter: answer.retryAfter,
  });
}

/** ky keeps a body it did not take for JSON (by its Content-Type) as text. */
function asJson(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return parseJsonLossless(data);
  } catch {
    return undefined;
  }
}

function redactAll(text: string | null, secrets: readonly string[]): string | null {
  if (text === null) return null;
  let result = text;
  for (const secret of secrets) {
    if (secret.length >= 8 && result.includes(secret))
      result = result.split(secret).join('[redacted]');
  }
  return result;
}
