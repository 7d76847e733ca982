/**
 * The simulator's own signature, written from Tencent's description and kept apart from the
 * client's signing code (main/core/wemeet/signing.ts) on purpose: a gateway that verified with
 * the client's own function would accept whatever mistake the client makes.
 *
 * Sources: the API reference §1 (/work/shared/reference/tencent-meeting-api.md, "String to sign"
 * and its worked example), and the official Go SDK, wemeet-openapi-sdk-go
 * wemeet_openapi/core/authenticator.go, JWTAuthenticator.signature:
 *   signStr := fmt.Sprintf("%s\nX-TC-Key=%s&X-TC-Nonce=%d&X-TC-Timestamp=%s\n%s\n%s",
 *       req.Method, SecretID, Nonce, Timestamp, req.URL.RequestURI(), reqBody)
 *   base64.StdEncoding.EncodeToString([]byte(hex.EncodeToString(hmacSHA256(SecretKey, signStr))))
 * i.e. base64 of the 64 lower-case hex characters, not of the 32 raw digest bytes.
 */
import { createHmac, randomInt } from 'node:crypto';

export interface SimSignatureInput {
  readonly method: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly timestamp: string;
  readonly nonce: string;
  /** Path and query exactly as on the wire. */
  readonly uri: string;
  /** The exact body text sent; '' for none. */
  readonly body: string;
}

/** X-TC-Signature for one request. */
export function simSignature(input: SimSignatureInput): string {
  const message = [
    input.method, // as sent: Go's req.Method, Node's req.method (upper case for PUT, GET…)
    `X-TC-Key=${input.secretId}&X-TC-Nonce=${input.nonce}&X-TC-Timestamp=${input.timestamp}`,
    input.uri,
    input.body,
  ].join('\n');
  const hex = createHmac('sha256', input.secretKey).update(message, 'utf8').digest('hex');
  return Buffer.from(hex, 'utf8').toString('base64');
}

/** A nonce shaped like the Go SDK's: ms time × 10^6 + 6 random digits, as a string. */
export function simNonce(nowMs: number): string {
  return `${String(Math.floor(nowMs))}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}
