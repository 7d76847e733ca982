import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The preview bridge's token: a random secret made when the server starts, printed in the
 * pages' URLs (`…/popover.html#token=…`), which the page's bridge client sends on every call
 * (the X-RoomCall-Token header; the `token` query parameter for /events, as EventSource cannot
 * set headers). The loopback, Host and Origin checks keep other sites out; this keeps out
 * other local processes (another user's program on a shared machine), which can reach
 * 127.0.0.1 as easily as the browser can.
 */

export const TOKEN_HEADER = 'x-roomcall-token';
export const TOKEN_PARAM = 'token';

/** 256 random bits, URL-safe so it can sit in a fragment or a query unescaped. */
export function newBridgeToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Compared in constant time: both sides are hashed first so their lengths match (timingSafeEqual
 * needs equal lengths, and comparing lengths first would leak the token's length).
 */
export function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The token a request carries: its header, else its `token` query parameter; '' for none. */
export function requestToken(request: IncomingMessage, url: URL | null): string {
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return url?.searchParams.get(TOKEN_PARAM) ?? '';
}
