import { describe, expect, it } from 'vitest';
import {
  computeSignature,
  defaultNonce,
  signedHeaders,
  stringToSign,
  unixSeconds,
} from '../../main/core/wemeet/signing';

// The worked example of the API reference (fake credentials).
const example = {
  method: 'PUT',
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  timestamp: '1529223702',
  nonce: '1529223702000123',
  uri: '/v1/meeting-rooms/room-call',
  body: '{"meeting_id":7567173273889276131,"meeting_room_id":"1234567890123456789","operator_id":"tester1","operator_id_type":1}',
};

describe('signing', () => {
  it('reproduces the reference worked example byte for byte', () => {
    expect(computeSignature(example)).toBe(
      'ZDk1NTgwZmUxYzdjODE3MjNiNWYxYWY3MTA4MzdlMDMxZmE5MGU1NjM0YzU1OWZjYWM3MDg5NjUzMDFlZDBkOA==',
    );
  });

  it('joins the four parts with newlines and no trailing newline', () => {
    expect(stringToSign({ ...example, method: 'get', body: '' })).toBe(
      'GET\nX-TC-Key=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE&X-TC-Nonce=1529223702000123&X-TC-Timestamp=1529223702\n/v1/meeting-rooms/room-call\n',
    );
  });

  it('signs base64 of the hex digest, always 88 characters', () => {
    const signature = computeSignature({ ...example, body: '' });
    expect(signature).toHaveLength(88);
    expect(Buffer.from(signature, 'base64').toString('ascii')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any signed part changes', () => {
    const base = computeSignature(example);
    for (const change of [
      { method: 'POST' },
      { nonce: '1529223702000124' },
      { timestamp: '1529223703' },
      { uri: '/v1/meeting-rooms/room-call?x=1' },
      { body: example.body.replace('tester1', 'tester2') },
      { secretKey: 'other' },
    ]) {
      expect(computeSignature({ ...example, ...change })).not.toBe(base);
    }
  });

  it('builds every documented header, named as the reference spells them, and omits SdkId when none is set', () => {
    const headers = signedHeaders({
      credentials: { appId: '200000001', secretId: example.secretId, secretKey: example.secretKey },
      method: 'PUT',
      uri: example.uri,
      body: example.body,
      timestamp: example.timestamp,
      nonce: example.nonce,
    });
    expect(Object.keys(headers).sort()).toEqual(
      [
        'AppId',
        'Content-Type',
        'X-TC-Key',
        'X-TC-Nonce',
        'X-TC-Registered',
        'X-TC-Signature',
        'X-TC-Timestamp',
      ].sort(),
    );
    expect(headers['X-TC-Signature']).toBe(computeSignature(example));
    expect(JSON.stringify(headers)).not.toContain(example.secretKey);
  });

  it('sends SdkId when one is configured', () => {
    const headers = signedHeaders({
      credentials: { appId: '1', sdkId: '28790143', secretId: 'a', secretKey: 'b' },
      method: 'GET',
      uri: '/v1/meetings',
      body: '',
      timestamp: '1',
      nonce: '2',
      appVersion: '0.1.0',
    });
    expect(headers['SdkId']).toBe('28790143');
    expect(headers['X-TC-Version']).toBe('0.1.0');
  });

  it('makes 19-digit-ish nonces as strings and unix seconds from milliseconds', () => {
    const nonce = defaultNonce(1_700_000_000_123);
    expect(nonce).toMatch(/^1700000000123\d{6}$/);
    expect(unixSeconds(1_700_000_000_999)).toBe('1700000000');
  });
});
