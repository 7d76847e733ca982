import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import {
  SIM_CURRENT_MEETING,
  SIM_EXAMPLE_ROOM_ID,
  SIM_OPERATOR_ID,
  startSimulator,
} from '../sim/index';
import type { Simulator, SimulatorOptions } from '../sim/index';
import { dropHeader, renameHeader, signedFetch } from '../sim/signed-fetch';
import { simSignature } from '../sim/signature';

const ROOMS_URI = `/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=1&page=1&page_size=5`;

const start = closeAfterEach((options: SimulatorOptions = {}) =>
  startSimulator({ rooms: 12, ...options }),
);

describe('simulator gateway', () => {
  it('accepts the reference worked example byte for byte (signature included)', async () => {
    const s = await start({ clock: () => 1_529_223_702_000 + 1_000 });
    const body =
      '{"meeting_id":7567173273889276131,"meeting_room_id":"1234567890123456789","operator_id":"tester1","operator_id_type":1}';
    const response = await fetch(`${s.baseUrl}/v1/meeting-rooms/room-call`, {
      method: 'PUT',
      headers: {
        'Content-Type': 'application/json',
        'X-TC-Key': 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
        'X-TC-Timestamp': '1529223702',
        'X-TC-Nonce': '1529223702000123',
        'X-TC-Signature':
          'ZDk1NTgwZmUxYzdjODE3MjNiNWYxYWY3MTA4MzdlMDMxZmE5MGU1NjM0YzU1OWZjYWM3MDg5NjUzMDFlZDBkOA==',
        AppId: s.credentials.appId,
        'X-TC-Registered': '1',
      },
      body,
    });
    const json = (await response.json()) as { invite_id: string; status: number };
    expect(response.status).toBe(200);
    expect(json.status).toBe(2);
    expect(json.invite_id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const recorded = s.requests.at(-1);
    expect(recorded?.body).toBe(body);
    expect(recorded?.meetingIdRaw).toBe(SIM_CURRENT_MEETING.meeting_id);
    expect(recorded?.meetingIdEncoding).toBe('number');
    expect(recorded?.status).toBe(200);
    expect(SIM_EXAMPLE_ROOM_ID).toBe('1234567890123456789');
  });

  it('accepts a request signed by signedFetch and records it with headers as sent', async () => {
    const s = await start();
    const response = await signedFetch(s, { method: 'GET', uri: ROOMS_URI });
    expect(response.status).toBe(200);
    const recorded = s.requests.at(-1);
    expect(recorded).toMatchObject({
      method: 'GET',
      path: '/v1/meeting-rooms',
      query: { operator_id: SIM_OPERATOR_ID, operator_id_type: '1', page: '1', page_size: '5' },
      body: '',
      status: 200,
      errorCode: null,
    });
    expect(recorded?.rawHeaders).toContain('X-TC-Signature');
    expect(recorded?.rawHeaders).toContain('AppId');
  });

  // RFC 9110 §5.1: names are case-insensitive. Go's net/http canonicalises them (X-Tc-Key,
  // Appid: what wemeet-openapi-sdk-go sends), HTTP/2 and Electron's net.fetch lower-case them.
  it.each([
    ['lower-case (HTTP/2, net.fetch)', (name: string) => name.toLowerCase()],
    [
      'Go-canonical (net/http Header.Set)',
      (name: string) =>
        name
          .toLowerCase()
          .split('-')
          .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
          .join('-'),
    ],
    ['upper-case', (name: string) => name.toUpperCase()],
  ])('accepts every header name %s', async (_label, spell) => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      editHeaders: (headers) =>
        Object.fromEntries(Object.entries(headers).map(([name, value]) => [spell(name), value])),
    });
    expect(response.status).toBe(200);
    expect(response.errorCode).toBeNull();
  });

  it('still refuses a wrong signature whatever the header casing', async () => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      editHeaders: (headers) => {
        const lower = Object.fromEntries(
          Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
        );
        return { ...lower, 'x-tc-signature': Buffer.from('0'.repeat(64)).toString('base64') };
      },
    });
    expect([response.status, response.errorCode]).toEqual([400, 200003]);
  });

  it.each([
    ['X-TC-Key', 190303],
    ['AppId', 190303],
    ['X-TC-Timestamp', 190300],
    ['X-TC-Nonce', 190004],
    ['X-TC-Signature', 200003],
    ['X-TC-Registered', 190004],
  ])('rejects a request without %s', async (name, code) => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      editHeaders: dropHeader(name),
    });
    expect(response.status).toBe(400);
    expect(response.errorCode).toBe(code);
  });

  it('answers the documented error body', async () => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      credentials: { ...s.credentials, secretId: 'AKIDunknown' },
    });
    expect(response.status).toBe(400);
    const info = (response.json as { error_info: Record<string, unknown> }).error_info;
    expect(Object.keys(info).sort()).toEqual(['error_code', 'message', 'new_error_code']);
    expect(info).toMatchObject({ error_code: 190303, new_error_code: 200190303 });
    expect(typeof info['message']).toBe('string');
  });

  it('rejects an unknown AppId with 190303', async () => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      credentials: { ...s.credentials, appId: '299999999' },
    });
    expect([response.status, response.errorCode]).toEqual([400, 190303]);
  });

  it('rejects SdkId when none was assigned, even with a valid signature', async () => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      credentials: { ...s.credentials, sdkId: '12345' },
    });
    expect([response.status, response.errorCode]).toEqual([400, 190303]);
    expect(response.text).toContain('SdkId');
  });

  // wemeet-openapi-sdk-go, core/authenticator.go: `req.Header.Set(HeaderSdkId, config.SdkId)`
  // sends `Sdkid:` with an empty value when the app has none; that SDK works, so it is accepted.
  it('takes an empty SdkId as no SdkId, as the Go SDK sends it', async () => {
    const s = await start();
    const response = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      editHeaders: (headers) => ({ ...headers, Sdkid: '' }),
    });
    expect([response.status, response.errorCode]).toEqual([200, null]);
    const raw = s.requests.at(-1)?.rawHeaders ?? [];
    expect(raw[raw.indexOf('Sdkid') + 1]).toBe('');
  });

  it('still requires an assigned SdkId: an empty one is a missing one', async () => {
    const s = await start({ sdkId: '28370276' });
    const withoutSdk = {
      appId: s.credentials.appId,
      secretId: s.credentials.secretId,
      secretKey: s.credentials.secretKey,
    };
    const empty = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      credentials: withoutSdk,
      editHeaders: (headers) => ({ ...headers, Sdkid: '' }),
    });
    expect([empty.status, empty.errorCode]).toEqual([400, 190303]);
    expect(empty.text).toContain('missing header SdkId');
  });

  it('requires the assigned SdkId when one was assigned', async () => {
    const s = await start({ sdkId: '28370276' });
    expect(s.credentials.sdkId).toBe('28370276');
    expect((await signedFetch(s, { method: 'GET', uri: ROOMS_URI })).status).toBe(200);
    const withoutSdk = {
      appId: s.credentials.appId,
      secretId: s.credentials.secretId,
      secretKey: s.credentials.secretKey,
    };
    const missing = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      credentials: withoutSdk,
    });
    expect(missing.errorCode).toBe(190303);
    const wrong = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      credentials: { ...s.credentials, sdkId: '1' },
    });
    expect(wrong.errorCode).toBe(190303);
    const cased = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      editHeaders: renameHeader('SdkId', 'sdkid'),
    });
    expect(cased.status).toBe(200);
  });

  it('rejects a bad signature with 200003: wrong key, other URI, other body', async () => {
    const s = await start();
    const wrongKey = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      credentials: { ...s.credentials, secretKey: 'not-the-key' },
    });
    expect([wrongKey.status, wrongKey.errorCode]).toEqual([400, 200003]);

    // Signed for one query order, sent with another.
    const signedFor = `/v1/meeting-rooms?operator_id_type=1&operator_id=${SIM_OPERATOR_ID}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = '1234567';
    const signature = simSignature({
      method: 'GET',
      secretId: s.credentials.secretId,
      secretKey: s.credentials.secretKey,
      timestamp,
      nonce,
      uri: signedFor,
      body: '',
    });
    const response = await fetch(
      `${s.baseUrl}/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=1`,
      {
        headers: {
          'X-TC-Key': s.credentials.secretId,
          'X-TC-Timestamp': timestamp,
          'X-TC-Nonce': nonce,
          'X-TC-Signature': signature,
          AppId: s.credentials.appId,
          'X-TC-Registered': '1',
        },
      },
    );
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { error_info: { error_code: number } }).error_info.error_code,
    ).toBe(200003);

    // A body re-serialised after signing.
    const body = { operator_id: SIM_OPERATOR_ID, operator_id_type: 1 };
    const tampered = await fetchWithBodySwap(
      s,
      JSON.stringify(body),
      JSON.stringify(body, null, 1),
    );
    expect(tampered).toBe(200003);
  });

  it('rejects a timestamp more than 5 minutes from the server clock (190300)', async () => {
    const now = 1_700_000_000_000;
    const s = await start({ clock: () => now });
    const ok = await signedFetch(s, { method: 'GET', uri: ROOMS_URI, nowMs: now - 299_000 });
    expect(ok.status).toBe(200);
    const late = await signedFetch(s, { method: 'GET', uri: ROOMS_URI, nowMs: now - 301_000 });
    expect([late.status, late.errorCode]).toEqual([400, 190300]);
    const early = await signedFetch(s, { method: 'GET', uri: ROOMS_URI, nowMs: now + 301_000 });
    expect(early.errorCode).toBe(190300);
    const millis = await signedFetch(s, { method: 'GET', uri: ROOMS_URI, timestamp: String(now) });
    expect(millis.errorCode).toBe(190300);
  });

  it('rejects the same timestamp and nonce twice within 5 minutes (190301)', async () => {
    let now = 1_700_000_000_000;
    const s = await start({ clock: () => now });
    const first = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      nowMs: now,
      nonce: '1700000000000123456',
    });
    expect(first.status).toBe(200);
    const replay = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      nowMs: now,
      nonce: '1700000000000123456',
    });
    expect([replay.status, replay.errorCode]).toEqual([400, 190301]);
    const fresh = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      nowMs: now,
      nonce: '1700000000000123457',
    });
    expect(fresh.status).toBe(200);
    // A forged request does not burn a nonce: its signature is checked first.
    const forged = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      nowMs: now,
      nonce: '42',
      credentials: { ...s.credentials, secretKey: 'wrong' },
    });
    expect(forged.errorCode).toBe(200003);
    expect(
      (await signedFetch(s, { method: 'GET', uri: ROOMS_URI, nowMs: now, nonce: '42' })).status,
    ).toBe(200);
    // Remembered for 5 minutes (by then the timestamp is stale anyway).
    now += 200_000;
    const later = await signedFetch(s, {
      method: 'GET',
      uri: ROOMS_URI,
      nowMs: now - 200_000,
      nonce: '1700000000000123456',
    });
    expect(later.errorCode).toBe(190301);
  });

  it('checks the operator after the gateway: unknown userid → 190001 / 20001', async () => {
    const s = await start();
    const rooms = await signedFetch(s, {
      method: 'GET',
      uri: '/v1/meeting-rooms?operator_id=nobody&operator_id_type=1',
    });
    expect([rooms.status, rooms.errorCode]).toEqual([400, 190001]);
    const meetings = await signedFetch(s, {
      method: 'GET',
      uri: '/v1/meetings?userid=nobody&instanceid=1',
    });
    expect([meetings.status, meetings.errorCode]).toEqual([400, 20001]);
  });

  it('runs the gateway before routing: an unknown path still needs a valid signature', async () => {
    const s = await start();
    const unsigned = await fetch(`${s.baseUrl}/v1/nowhere`);
    expect(unsigned.status).toBe(400);
    const signed = await signedFetch(s, { method: 'GET', uri: '/v1/nowhere' });
    expect(signed.status).toBe(404);
  });

  it('limits requests per minute when asked (190310)', async () => {
    const s = await start({ rateLimitPerMinute: 3 });
    const statuses: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await signedFetch(s, { method: 'GET', uri: ROOMS_URI })).errorCode);
    }
    expect(statuses).toEqual([null, null, null, 190310]);
  });

  it('listens on loopback only', async () => {
    await expect(startSimulator({ host: '0.0.0.0' })).rejects.toThrow(/loopback/);
  });
});

/** Signs one body and sends another (what re-serialising after signing does). */
async function fetchWithBodySwap(
  s: Simulator,
  signedBody: string,
  sentBody: string,
): Promise<number | null> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Date.now()) + '999';
  const uri = '/v1/meeting-rooms/room-call-info';
  const response = await fetch(`${s.baseUrl}${uri}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-TC-Key': s.credentials.secretId,
      'X-TC-Timestamp': timestamp,
      'X-TC-Nonce': nonce,
      'X-TC-Signature': simSignature({
        method: 'POST',
        secretId: s.credentials.secretId,
        secretKey: s.credentials.secretKey,
        timestamp,
        nonce,
        uri,
        body: signedBody,
      }),
      AppId: s.credentials.appId,
      'X-TC-Registered': '1',
    },
    body: sentBody,
  });
  const json = (await response.json()) as { error_info?: { error_code?: number } };
  return json.error_info?.error_code ?? null;
}
