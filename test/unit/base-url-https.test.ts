/**
 * The base URL is https, or http only to this machine (issue 13 item 7): over plain http the
 * SecretId (X-TC-Key) and every request's signature would cross the network in clear text.
 * The rule (main/shared/rules/base-url.ts) and the settings schema every entry point parses with.
 */
import { describe, expect, it } from 'vitest';
import { WemeetClient } from '../../main/core/wemeet/client';
import { baseUrlSchema, settingsSchema } from '../../main/shared/model/settings-schema';
import {
  baseUrlProblem,
  baseUrlProblemMessage,
  isLoopbackHost,
} from '../../main/shared/rules/base-url';

describe('base URL: https, plain http to loopback only', () => {
  it.each([
    'https://api.meeting.qq.com',
    'https://meet.example.cn:8443/api/',
    'HTTPS://API.MEETING.QQ.COM',
    'http://127.0.0.1:8787',
    'http://127.45.6.7',
    // The URL parser writes 127.1 and 0x7f.0.0.1 out as 127.0.0.1: still loopback.
    'http://127.1:9000',
    'http://0x7f.0.0.1',
    'http://[::1]:8787/',
    'http://localhost:8787',
    'http://LOCALHOST',
  ])('takes %j', (text) => {
    expect(baseUrlProblem(text)).toBeNull();
    expect(settingsSchema.safeParse({ baseUrl: text }).success).toBe(true);
  });

  it.each([
    'http://example.com',
    'http://api.meeting.qq.com',
    'http://10.0.0.5:8080',
    'http://192.168.1.1',
    'http://128.0.0.1',
    'http://[::2]',
    'http://[::ffff:10.0.0.1]',
    // Names that only look like loopback resolve wherever their DNS says.
    'http://localhost.example.com',
    'http://127.0.0.1.nip.io',
    'http://localhost:8787@example.com',
  ])('refuses %j as not https', (text) => {
    expect(baseUrlProblem(text)).toBe('not-https');
    const parsed = settingsSchema.safeParse({ baseUrl: text });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(baseUrlProblemMessage('not-https'));
  });

  it.each(['', 'api.meeting.qq.com', 'ftp://example.com', 'https://exa\nmple.com', 'ws://x'])(
    'refuses %j as not a URL',
    (text) => {
      expect(baseUrlProblem(text)).toBe('not-a-url');
    },
  );

  it('says why plain http is refused and what to use instead', () => {
    const message = baseUrlProblemMessage('not-https');
    expect(message).toMatch(/https:\/\//);
    expect(message).toMatch(/SecretId/);
    expect(message).toMatch(/clear text/);
    expect(message).toMatch(/127\.0\.0\.1, ::1 or localhost/);
    expect(message).toContain('https://api.meeting.qq.com');
  });

  it('trims before it checks, as the settings file does', () => {
    expect(baseUrlSchema.parse('  http://127.0.0.1:8787 ')).toBe('http://127.0.0.1:8787');
    expect(baseUrlSchema.safeParse(' http://example.com ').success).toBe(false);
  });

  it('knows loopback hosts as the URL parser leaves them', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
    expect(isLoopbackHost('::1')).toBe(false);
  });
});

describe('the API client, the last guard', () => {
  const credentials = { appId: '200000001', secretId: 'AKIDexample', secretKey: 'key' };

  it('will not be built on plain http off this machine, whatever let the URL through', () => {
    expect(
      () => new WemeetClient({ baseUrl: 'http://example.com', credentials, operatorId: 'u' }),
    ).toThrow(/baseUrl must start with https:\/\/ .*clear text/);
    expect(
      () => new WemeetClient({ baseUrl: 'http://[::1]:8787', credentials, operatorId: 'u' }),
    ).not.toThrow();
  });
});
