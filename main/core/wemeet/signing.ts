import { createHmac, randomInt } from 'node:crypto';
import type { Credentials } from './credentials';

/**
 * Tencent Meeting's request signature (the "AK/SK" scheme of enterprise self-built apps).
 *
 * string to sign = METHOD \n X-TC-Key=…&X-TC-Nonce=…&X-TC-Timestamp=… \n URI \n BODY
 * signature      = base64( lowercase hex( HMAC-SHA256(SecretKey, string to sign) ) )
 *
 * The base64 input is the 64 ASCII hex characters, not the raw digest: that is what Tencent's
 * SDKs do, and the result is always 88 characters. The URI is path + query exactly as sent and
 * the body is the exact string sent, so callers sign the final bytes, once, per attempt.
 */
export interface SignatureInput {
  readonly method: string;
  readonly secretId: string;
  readonly secretKey: string;
  /** Unix seconds, decimal. */
  readonly timestamp: string;
  /** Positive decimal integer, kept as a string: the SDKs' nonces exceed 2^53. */
  readonly nonce: string;
  /** Path and query as they go on the wire, without scheme and host. */
  readonly uri: string;
  /** The exact body sent; '' when there is none. */
  readonly body: string;
}

export function stringToSign(input: SignatureInput): string {
  return [
    input.method.toUpperCase(),
    `X-TC-Key=${input.secretId}&X-TC-Nonce=${input.nonce}&X-TC-Timestamp=${input.timestamp}`,
    input.uri,
    input.body,
  ].join('\n');
}

export function computeSignature(input: SignatureInput): string {
  const hex = createHmac('sha256', input.secretKey)
    .update(stringToSign(input), 'utf8')
    .digest('hex');
  return Buffer.from(hex, 'ascii').toString('base64');
}

/** Unix time in seconds as the decimal string the gateway expects. */
export function unixSeconds(nowMs: number): string {
  return String(Math.floor(nowMs / 1000));
}

/**
 * A fresh nonce like the SDKs': millisecond time × 10^6 + a random 6-digit part, built as a
 * string so it never passes through a lossy number. Unique per attempt in practice; the
 * gateway only refuses a repeated timestamp+nonce pair (190301).
 */
export function defaultNonce(nowMs: number): string {
  const random = randomInt(0, 1_000_000);
  return `${String(Math.floor(nowMs))}${String(random).padStart(6, '0')}`;
}

export interface SignedHeadersInput {
  readonly credentials: Credentials;
  readonly method: string;
  readonly uri: string;
  readonly body: string;
  readonly timestamp: string;
  readonly nonce: string;
  readonly appVersion?: string | undefined;
}

/**
 * Every header a request needs, named as the reference spells them. The names are not sent in
 * that casing: fetch's Headers (and Electron's net.fetch, and HTTP/2) lower-case them, which is
 * fine, since header names are case-insensitive (RFC 9110) and so is Tencent's gateway. `SdkId`
 * is left out when none is configured: sending it empty is answered with 190303.
 */
export function signedHeaders(input: SignedHeadersInput): Record<string, string> {
  const { credentials } = input;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-TC-Key': credentials.secretId,
    'X-TC-Timestamp': input.timestamp,
    'X-TC-Nonce': input.nonce,
    'X-TC-Signature': computeSignature({
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
  if (credentials.sdkId !== undefined && credentials.sdkId !== '') {
    headers['SdkId'] = credentials.sdkId;
  }
  if (input.appVersion !== undefined) {
    headers['X-TC-Version'] = input.appVersion;
  }
  return headers;
}
