import { describe, expect, it } from 'vitest';
import {
  WemeetApiError,
  WemeetError,
  WemeetNetworkError,
  WemeetResponseError,
  WemeetTimeoutError,
  describeError,
  isTransient,
  redact,
} from '../../main/core/wemeet/errors';

const label = { method: 'PUT', path: '/v1/meeting-rooms/room-call' };

function apiError(errorCode: number | null, status = 400, serverMessage: string | null = 'nope') {
  return new WemeetApiError(label, { status, errorCode, newErrorCode: null, serverMessage });
}

// Every documented code, what the message must say, and what the hint must tell the user.
const table: readonly { code: number; words: RegExp; hint: RegExp }[] = [
  { code: 200003, words: /signature/i, hint: /SecretKey/ },
  { code: 190300, words: /5 minutes off/i, hint: /clock/i },
  { code: 190301, words: /replay/i, hint: /try again/i },
  { code: 190303, words: /AppId or SecretId/, hint: /AppId, SecretId and SdkId/ },
  { code: 190303, words: /SdkId was sent where none was assigned/, hint: /leave SdkId empty/ },
  { code: 190004, words: /invalid parameter/i, hint: /meeting ID/i },
  { code: 190001, words: /operator user does not exist/i, hint: /operator userid/i },
  { code: 20001, words: /operator user does not exist/i, hint: /operator userid/i },
  { code: 9003, words: /meeting does not exist/i, hint: /meeting code or ID/i },
  { code: 9042, words: /not allowed/i, hint: /co-host.*admin/i },
  { code: 190315, words: /meeting creator/i, hint: /co-host.*admin/i },
  { code: 10004, words: /room call failed/i, hint: /online and idle/i },
  { code: 10002, words: /room call status/i, hint: /wait/i },
  { code: 20000, words: /type of a request parameter/i, hint: /report/i },
  { code: 190310, words: /per-minute rate limit/i, hint: /wait a minute/i },
  { code: 190311, words: /daily call quota/i, hint: /tomorrow/i },
  { code: 190313, words: /too often/i, hint: /wait/i },
  { code: 9061, words: /too frequent/i, hint: /wait/i },
];

describe('WemeetApiError', () => {
  it.each(table)('maps $code to words, code and a next step', ({ code, words, hint }) => {
    const err = apiError(code);
    expect(err).toBeInstanceOf(WemeetError);
    expect(err.kind).toBe('api');
    expect(err.code).toBe(code);
    expect(err.errorCode).toBe(code);
    expect(err.message).toMatch(words);
    expect(err.message).toContain(`error ${code}`);
    expect(err.message).toContain('PUT /v1/meeting-rooms/room-call');
    expect(err.hint).toMatch(hint);
    expect(describeError(err)).toEqual({ kind: 'api', message: err.message, code, hint: err.hint });
  });

  it('gives distinct hints to distinct problems', () => {
    const hints = new Set(
      [200003, 190300, 190303, 9003, 9042, 190311].map((c) => apiError(c).hint),
    );
    expect(hints.size).toBe(6);
  });

  it('keeps status, both codes and the server message', () => {
    const err = new WemeetApiError(label, {
      status: 403,
      errorCode: 190315,
      newErrorCode: 200190315,
      serverMessage: 'not creator',
    });
    expect(err.status).toBe(403);
    expect(err.newErrorCode).toBe(200190315);
    expect(err.serverMessage).toBe('not creator');
    expect(err.message).toContain('HTTP 403');
    expect(err.message).toContain('"not creator"');
    expect(err.name).toBe('WemeetApiError');
  });

  it('words an unknown code or a missing body by status', () => {
    const server = apiError(null, 502, null);
    expect(server.code).toBeNull();
    expect(server.message).toMatch(/server had a problem \(HTTP 502\)$/);
    expect(server.hint).toMatch(/try again/i);
    const client = apiError(123456, 400);
    expect(client.message).toContain('error 123456');
    expect(client.hint).toMatch(/settings/);
  });
});

describe('the other kinds', () => {
  it('network errors name the request and the low-level cause', () => {
    const err = new WemeetNetworkError({ method: 'GET', path: '/v1/meetings' }, 'ECONNRESET');
    expect(err.kind).toBe('network');
    expect(err.code).toBeNull();
    expect(err.message).toBe('Could not reach Tencent Meeting for GET /v1/meetings (ECONNRESET)');
    expect(err.hint).toMatch(/network/i);
  });

  it('timeouts say how long was waited', () => {
    const err = new WemeetTimeoutError({ method: 'GET', path: '/v1/meetings' }, 1500);
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('Tencent Meeting did not answer GET /v1/meetings within 1.5 s');
    expect(new WemeetTimeoutError(label, 10_000).message).toMatch(/within 10 s$/);
  });

  it('response errors tell malformed JSON from an unexpected shape', () => {
    const malformed = new WemeetResponseError(label, 'malformed-json', null);
    const shape = new WemeetResponseError(label, 'unexpected-shape', 'invite_id: expected string');
    expect(malformed.kind).toBe('response');
    expect(malformed.message).toMatch(/not valid JSON/);
    expect(shape.message).toMatch(/unexpected shape.*invite_id: expected string/);
  });
});

describe('describeError', () => {
  it('describes anything else as unexpected, without throwing', () => {
    expect(describeError(new TypeError('boom'))).toMatchObject({
      kind: 'unexpected',
      message: 'TypeError: boom',
      code: null,
    });
    expect(describeError('a string')).toMatchObject({ kind: 'unexpected', code: null });
    expect(describeError(undefined).hint).toMatch(/report/);
  });
});

describe('isTransient', () => {
  it.each([
    [new WemeetNetworkError(label, null), true],
    [new WemeetTimeoutError(label, 10), true],
    [new WemeetResponseError(label, 'malformed-json', null), true],
    [new WemeetResponseError(label, 'unexpected-shape', 'x'), false],
    [apiError(null, 500), true],
    [apiError(null, 503), true],
    [apiError(10002, 500), true],
    [apiError(190310), true],
    [apiError(190313), true],
    [apiError(9061), true],
    [apiError(190301), true],
    [apiError(190311), false],
    [apiError(200003), false],
    [apiError(190300), false],
    [apiError(190303), false],
    [apiError(190004), false],
    [apiError(9003), false],
    [apiError(9042, 403), false],
    [apiError(20000, 500), false],
    [apiError(10004, 500), false],
    [apiError(null, 404), false],
    [apiError(null, 429), true],
    [new Error('bug'), false],
    [null, false],
  ] as const)('%o → %s', (err, expected) => {
    expect(isTransient(err)).toBe(expected);
  });
});

describe('redact', () => {
  it('removes every occurrence of each secret', () => {
    const key = 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE';
    const id = 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE';
    const text = `bad key ${id} signed with ${key}; again ${id}`;
    const out = redact(text, [key, id]);
    expect(out).toBe('bad key [redacted] signed with [redacted]; again [redacted]');
  });

  it('leaves values too short to identify anything', () => {
    expect(redact('status 1 of 12', ['1', '12', ''])).toBe('status 1 of 12');
  });
});
