import type { IncomingMessage, ServerResponse } from 'node:http';
import { RelayHttpError } from './relay-error';

/** Reading a request body and writing JSON answers, with the relay's limits and headers. */

/** The largest body a relay request needs (a room-call: an ID, a target, an invite ID). */
export const MAX_BODY_BYTES = 16 * 1024;

export async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? '0');
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw tooLarge();
    chunks.push(buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '')
    throw new RelayHttpError(400, 'bad-request', 'The request needs a JSON body.');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RelayHttpError(400, 'bad-request', 'The request body is not valid JSON.');
  }
}

function tooLarge(): RelayHttpError {
  return new RelayHttpError(
    413,
    'bad-request',
    `The request body is over ${MAX_BODY_BYTES} bytes.`,
  );
}

export interface AnswerOptions {
  readonly requestId: string;
  readonly closing: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: object | null,
  options: AnswerOptions,
): void {
  if (response.headersSent) return;
  const text = body === null ? '' : JSON.stringify(body);
  response.writeHead(status, {
    'X-Request-Id': options.requestId,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(body === null ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    'Content-Length': String(Buffer.byteLength(text)),
    ...(options.closing ? { Connection: 'close' } : {}),
    ...options.headers,
  });
  response.end(text);
}

/** A load balancer's id when it is a plain token, else a fresh one. */
export function requestIdOf(request: IncomingMessage, fresh: () => string): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{8,128}$/.test(given) ? given : fresh();
}

/** `Authorization: Bearer <token>` (scheme in any case, RFC 6750 §2.1), else null. */
export function bearerOf(request: IncomingMessage): string | null {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = /^Bearer +([\x21-\x7e]{1,8192})\s*$/i.exec(header);
  return match?.[1] ?? null;
}
