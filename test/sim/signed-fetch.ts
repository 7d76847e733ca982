/**
 * A minimal signed request for tests of the simulator itself (and anyone who needs a raw call):
 * plain fetch plus the simulator's own signer (signature.ts), so these tests depend on neither
 * the real client nor its signing code. The body is signed and sent as exactly the same string.
 */
import { simNonce, simSignature } from './signature';
import type { SimCredentials } from './types';

export interface SignedRequest {
  readonly method: string;
  /** Path and query exactly as they go on the wire, e.g. /v1/meeting-rooms?page=1 */
  readonly uri: string;
  /** Sent as is; a value that is not a string is JSON.stringify'd first. Omit for GET. */
  readonly body?: unknown;
  /** Unix ms to sign with (default now). */
  readonly nowMs?: number;
  readonly timestamp?: string;
  readonly nonce?: string;
  readonly credentials?: SimCredentials;
  /** Change the signed headers just before sending (rename, drop, add). */
  readonly editHeaders?: (headers: Record<string, string>) => Record<string, string>;
}

export interface SignedResponse {
  readonly status: number;
  readonly text: string;
  /** The parsed body, or undefined when it is not JSON (never used for big IDs). */
  readonly json: unknown;
  readonly errorCode: number | null;
}

export async function signedFetch(
  sim: { baseUrl: string; credentials: SimCredentials },
  request: SignedRequest,
): Promise<SignedResponse> {
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body);
  const nowMs = request.nowMs ?? Date.now();
  let headers = simSignedHeaders({
    credentials: request.credentials ?? sim.credentials,
    method: request.method,
    uri: request.uri,
    body,
    timestamp: request.timestamp ?? String(Math.floor(nowMs / 1000)),
    nonce: request.nonce ?? simNonce(nowMs),
  });
  if (request.editHeaders !== undefined) headers = request.editHeaders(headers);
  const response = await fetch(`${sim.baseUrl}${request.uri}`, {
    method: request.method,
    headers,
    ...(body === '' ? {} : { body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, errorCode: errorCodeOf(json) };
}

/**
 * Every header a signed request carries, in the documented spelling (API reference §1);
 * SdkId only when one is assigned.
 */
export function simSignedHeaders(input: {
  readonly credentials: SimCredentials;
  readonly method: string;
  readonly uri: string;
  readonly body: string;
  readonly timestamp: string;
  readonly nonce: string;
}): Record<string, string> {
  const { credentials } = input;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-TC-Key': credentials.secretId,
    'X-TC-Timestamp': input.timestamp,
    'X-TC-Nonce': input.nonce,
    'X-TC-Signature': simSignature({
      method: input.method,
      secretId: credentials.secretId,
      secretKey: credentials.secretKey,
      timestamp: input.timestamp,
      nonce: input.nonce,
      uri: input.uri,
      body: input.body,
    }),
    AppId: credentials.appId,
    'X-TC-Registered': '1',
  };
  if (credentials.sdkId !== undefined) headers['SdkId'] = credentials.sdkId;
  return headers;
}

export function errorCodeOf(json: unknown): number | null {
  if (typeof json !== 'object' || json === null || !('error_info' in json)) return null;
  const info = json.error_info;
  if (typeof info !== 'object' || info === null || !('error_code' in info)) return null;
  return typeof info.error_code === 'number' ? info.error_code : null;
}

/** Renames one header (e.g. to a wrong casing) keeping its value. */
export function renameHeader(
  from: string,
  to: string,
): (headers: Record<string, string>) => Record<string, string> {
  return (headers) => {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[name === from ? to : name] = value;
    return out;
  };
}

/** Drops one header. */
export function dropHeader(
  name: string,
): (headers: Record<string, string>) => Record<string, string> {
  return (headers) => Object.fromEntries(Object.entries(headers).filter(([key]) => key !== name));
}
