/**
 * The API gateway's checks, run on every request before routing, in this order:
 * header names (any casing, present, not repeated) → AppId / SecretId / SdkId (190303; an empty
 * SdkId counts as absent) →
 * X-TC-Registered (190004) → timestamp within 5 min of the server clock (190300) → nonce shape
 * (190004) → signature over METHOD, the raw request URI and the raw body (200003) →
 * timestamp+nonce not seen in the last 5 min (190301).
 *
 * The replay check comes after the signature, so a forged request cannot burn a nonce; a
 * request that passed the gateway has used its nonce even if a fault then loses the answer.
 */
import { timingSafeEqual } from 'node:crypto';
import { ErrorCode, badRequest } from './errors';
import { simSignature } from './signature';

export const REPLAY_WINDOW_MS = 5 * 60 * 1000;
export const MAX_SKEW_SECONDS = 5 * 60;

/** Every header the gateway reads, with its documented spelling and its error when missing. */
const AUTH_HEADERS = {
  'x-tc-key': { name: 'X-TC-Key', code: ErrorCode.unknownApp },
  'x-tc-timestamp': { name: 'X-TC-Timestamp', code: ErrorCode.timestampSkew },
  'x-tc-nonce': { name: 'X-TC-Nonce', code: ErrorCode.invalidParameter },
  'x-tc-signature': { name: 'X-TC-Signature', code: ErrorCode.signatureFailed },
  appid: { name: 'AppId', code: ErrorCode.unknownApp },
  'x-tc-registered': { name: 'X-TC-Registered', code: ErrorCode.invalidParameter },
  sdkid: { name: 'SdkId', code: ErrorCode.unknownApp },
} as const satisfies Record<string, { name: string; code: number }>;

type AuthHeaderKey = keyof typeof AUTH_HEADERS;

function isAuthHeader(lower: string): lower is AuthHeaderKey {
  return Object.hasOwn(AUTH_HEADERS, lower);
}

const REQUIRED: readonly AuthHeaderKey[] = [
  'x-tc-key',
  'x-tc-timestamp',
  'x-tc-nonce',
  'x-tc-signature',
  'appid',
  'x-tc-registered',
];

export interface GatewayConfig {
  readonly appId: string;
  readonly secretId: string;
  readonly secretKey: string;
  readonly sdkId: string | null;
  readonly clock: () => number;
}

export interface GatewayRequest {
  readonly method: string;
  /** The request URI exactly as received (path and query). */
  readonly uri: string;
  readonly rawHeaders: readonly string[];
  readonly body: Buffer;
}

export interface GatewayPass {
  readonly appId: string;
  readonly bodyText: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export class Gateway {
  /** "timestamp nonce" → when it was first accepted (server ms), oldest first. */
  private readonly seen = new Map<string, number>();

  constructor(private readonly config: GatewayConfig) {}

  /** Throws a SimError for the first check that fails. */
  check(request: GatewayRequest): GatewayPass {
    const headers = readAuthHeaders(request.rawHeaders);
    const { config } = this;

    for (const key of REQUIRED) {
      if (headers[key] === undefined) {
        const { name, code } = AUTH_HEADERS[key];
        throw badRequest(code, `missing header ${name}`);
      }
    }
    const appId = headers.appid ?? '';
    const secretId = headers['x-tc-key'] ?? '';
    const timestamp = headers['x-tc-timestamp'] ?? '';
    const nonce = headers['x-tc-nonce'] ?? '';
    const signature = headers['x-tc-signature'] ?? '';

    if (appId !== config.appId) {
      throw badRequest(ErrorCode.unknownApp, `AppId ${appId} does not exist or is not enabled`);
    }
    if (secretId !== config.secretId) {
      throw badRequest(
        ErrorCode.unknownApp,
        'X-TC-Key: the SecretId does not exist or is disabled',
      );
    }
    // An empty SdkId is no SdkId. The official Go SDK always sends the header, empty when the
    // app has none (wemeet-openapi-sdk-go, wemeet_openapi/core/authenticator.go:
    // `req.Header.Set(HeaderSdkId, jwt.config.SdkId)`; client.go WithSdkId: customers without an
    // SdkId "可不填写", may leave it empty), and that SDK works for them, so the gateway takes it.
    const sdkId = headers.sdkid === '' ? undefined : headers.sdkid;
    if (config.sdkId === null && sdkId !== undefined) {
      throw badRequest(
        ErrorCode.unknownApp,
        'SdkId sent, but this app has no SdkId: omit the SdkId header entirely',
      );
    }
    if (config.sdkId !== null && sdkId !== config.sdkId) {
      throw badRequest(
        ErrorCode.unknownApp,
        sdkId === undefined ? 'missing header SdkId' : `SdkId ${sdkId} does not match the app`,
      );
    }
    if (headers['x-tc-registered'] !== '1') {
      throw badRequest(ErrorCode.invalidParameter, 'X-TC-Registered must be 1');
    }

    if (!/^\d{1,12}$/.test(timestamp)) {
      throw badRequest(
        ErrorCode.timestampSkew,
        'X-TC-Timestamp must be the Unix time in seconds, as a decimal string',
      );
    }
    const nowSeconds = Math.floor(config.clock() / 1000);
    if (Math.abs(nowSeconds - Number(timestamp)) > MAX_SKEW_SECONDS) {
      throw badRequest(
        ErrorCode.timestampSkew,
        `X-TC-Timestamp ${timestamp} is more than 5 minutes away from the server time ${nowSeconds}`,
      );
    }
    if (!/^[1-9]\d{0,39}$/.test(nonce)) {
      throw badRequest(ErrorCode.invalidParameter, 'X-TC-Nonce must be a positive decimal integer');
    }

    let bodyText: string;
    try {
      bodyText = utf8.decode(request.body);
    } catch {
      throw badRequest(ErrorCode.signatureFailed, 'signature check failed: the body is not UTF-8');
    }
    const expected = simSignature({
      method: request.method,
      secretId: config.secretId,
      secretKey: config.secretKey,
      timestamp,
      nonce,
      uri: request.uri,
      body: bodyText,
    });
    if (!sameText(signature, expected)) {
      throw badRequest(ErrorCode.signatureFailed, 'signature check failed');
    }

    const now = config.clock();
    this.forgetBefore(now - REPLAY_WINDOW_MS);
    const key = `${timestamp} ${nonce}`;
    if (this.seen.has(key)) {
      throw badRequest(
        ErrorCode.replay,
        'replayed request: X-TC-Timestamp and X-TC-Nonce must be new on every request',
      );
    }
    this.seen.set(key, now);
    return { appId, bodyText };
  }

  private forgetBefore(limit: number): void {
    for (const [key, at] of this.seen) {
      if (at >= limit) break;
      this.seen.delete(key);
    }
  }
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The gateway's headers by lower-case key. Header names are case-insensitive (RFC 9110 §5.1),
 * and Tencent's own clients rely on it: the official Go SDK (wemeet-openapi-sdk-go,
 * core/authenticator.go) sets them with net/http's Header.Set, which sends `X-Tc-Key`, `Appid`,
 * `Sdkid`; over HTTP/2 every name is lower-case; Electron's net.fetch lower-cases them too.
 */
function readAuthHeaders(rawHeaders: readonly string[]): Partial<Record<AuthHeaderKey, string>> {
  const found: Partial<Record<AuthHeaderKey, string>> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const lower = (rawHeaders[i] ?? '').toLowerCase();
    if (!isAuthHeader(lower)) continue;
    if (found[lower] !== undefined) {
      throw badRequest(
        ErrorCode.invalidParameter,
        `header ${AUTH_HEADERS[lower].name} sent more than once`,
      );
    }
    found[lower] = rawHeaders[i + 1] ?? '';
  }
  return found;
}
