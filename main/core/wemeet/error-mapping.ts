import type { z } from 'zod';
import { WemeetApiError, redact } from './errors';
import type { RequestLabel } from './errors';
import { parseJsonLossless } from './json';
import { errorBodySchema } from './schemas';

/**
 * The pieces the client (client.ts) builds its typed errors from: a server refusal, a response
 * that breaks its schema, a network failure's cause, all without the credentials.
 */

/** A refusal: a status >= 300, or a 2xx body carrying `error_info`. */
export function apiError(
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

/** When the request said it was sent (its X-TC-Timestamp), in ms; null when unknown. */
export function requestTimeOf(request: Request | null): number | null {
  const seconds = request?.headers.get('x-tc-timestamp') ?? '';
  return /^\d{1,12}$/.test(seconds) ? Number(seconds) * 1000 : null;
}

/** The server's clock from the response's Date header (RFC 9110 §6.6.1); null when absent. */
export function serverTimeOf(date: string | null): number | null {
  const ms = date === null ? Number.NaN : Date.parse(date);
  return Number.isFinite(ms) ? ms : null;
}

export function redactOrNull(text: string | null, secrets: readonly string[]): string | null {
  return text === null || text === '' ? null : redact(text, secrets);
}

/** Field paths and expectations only: zod's messages name types, never the values received. */
export function summarizeIssues(error: z.ZodError): string {
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
export function describeCause(err: unknown): string | null {
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
