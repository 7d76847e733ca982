import { describe, expect, it } from 'vitest';
import { WemeetClient } from '../../main/core/wemeet/client';
import { encodeQuery, pathSegment } from '../../main/core/wemeet/request-uri';

const credentials = { appId: 'app', secretId: 'sid', secretKey: 'skey' };

describe('encodeQuery', () => {
  it('keeps the given order and URLSearchParams encoding', () => {
    expect(
      encodeQuery({
        operator_id: 'a b&c=d',
        operator_id_type: 1,
        page: 2,
        meeting_room_name: '会议室+1',
        skipped: undefined,
      }),
    ).toBe(
      '?operator_id=a+b%26c%3Dd&operator_id_type=1&page=2&meeting_room_name=%E4%BC%9A%E8%AE%AE%E5%AE%A4%2B1',
    );
    expect(encodeQuery({ z: '1', a: '2' })).toBe('?z=1&a=2');
  });

  it('is empty for no parameters', () => {
    expect(encodeQuery(undefined)).toBe('');
    expect(encodeQuery({})).toBe('');
    expect(encodeQuery({ a: undefined })).toBe('');
  });

  it('refuses numbers that would lose digits', () => {
    expect(() => encodeQuery({ pos: 2 ** 53 + 1 })).toThrow(RangeError);
  });

  // The signature covers the URI as sent; URL parsing (by fetch) must not rewrite it.
  it.each([
    ['/v1/meeting-rooms/' + pathSegment('a b/c?d#e%f'), { q: 'x y', r: '~!*()\'"<>' }],
    ['/v1/meetings/' + pathSegment('18446744073709551615'), { userid: 'tester 1' }],
    ['/prefix%20x/v1/meetings', { a: '' }],
  ])('is stable under URL parsing: %s', (path, query) => {
    const uri = path + encodeQuery(query);
    const url = new URL('https://api.meeting.qq.com' + uri);
    expect(url.pathname + url.search).toBe(uri);
  });
});

describe('pathSegment', () => {
  it('percent-encodes and refuses dot segments and empty IDs', () => {
    expect(pathSegment('12/34')).toBe('12%2F34');
    expect(pathSegment('%2e')).toBe('%252e');
    expect(() => pathSegment('')).toThrow(RangeError);
    expect(() => pathSegment('.')).toThrow(RangeError);
    expect(() => pathSegment('..')).toThrow(RangeError);
  });
});

describe('WemeetClient options', () => {
  it('accepts scheme, host and a path prefix only', () => {
    expect(
      () => new WemeetClient({ baseUrl: 'http://127.0.0.1:1/api/', credentials, operatorId: 'u' }),
    ).not.toThrow();
    for (const baseUrl of ['ftp://x', 'https://x/?a=1', 'https://x/#h', 'https://u:p@x']) {
      expect(() => new WemeetClient({ baseUrl, credentials, operatorId: 'u' })).toThrow(TypeError);
    }
  });

  it('refuses a timeout a timer cannot hold', () => {
    for (const timeoutMs of [0, -1, Number.NaN, 2 ** 31]) {
      expect(() => new WemeetClient({ timeoutMs, credentials, operatorId: 'u' })).toThrow(
        RangeError,
      );
    }
  });

  it('defaults meeting_id to the string form', () => {
    expect(new WemeetClient({ credentials, operatorId: 'u' }).meetingIdEncoding).toBe('string');
  });
});
