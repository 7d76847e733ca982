/**
 * The simulator verifies signatures with its own few lines (test/sim/signature.ts), never with
 * the client's signing code. Here that verifier meets the API reference's worked example
 * (§1, fake credentials) byte for byte, and the near misses the reference lists as common
 * mistakes.
 */
import { createHmac } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_OPERATOR_ID, startSimulator } from '../sim/index';
import type { Simulator } from '../sim/index';
import { errorCodeOf } from '../sim/signed-fetch';
import { simSignature } from '../sim/signature';

const EXAMPLE = {
  method: 'PUT',
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  timestamp: '1529223702',
  nonce: '1529223702000123',
  uri: '/v1/meeting-rooms/room-call',
  body: '{"meeting_id":7567173273889276131,"meeting_room_id":"1234567890123456789","operator_id":"tester1","operator_id_type":1}',
} as const;
const EXAMPLE_HEX = 'd95580fe1c7c81723b5f1af710837e031fa90e5634c559fcac708965301ed0d8';
const EXAMPLE_SIGNATURE =
  'ZDk1NTgwZmUxYzdjODE3MjNiNWYxYWY3MTA4MzdlMDMxZmE5MGU1NjM0YzU1OWZjYWM3MDg5NjUzMDFlZDBkOA==';

const start = closeAfterEach(() =>
  // The example's own second: its timestamp is then fresh for the gateway.
  startSimulator({ rooms: 12, clock: () => 1_529_223_702_000 + 1_000 }),
);

/** Sends the worked example with the given signature and body (default: as in the reference). */
async function send(
  s: Simulator,
  signature: string,
  options: { body?: string; uri?: string; method?: string } = {},
): Promise<{ status: number; code: number | null }> {
  const body = options.body ?? EXAMPLE.body;
  const response = await fetch(`${s.baseUrl}${options.uri ?? EXAMPLE.uri}`, {
    method: options.method ?? EXAMPLE.method,
    headers: {
      'Content-Type': 'application/json',
      'X-TC-Key': EXAMPLE.secretId,
      'X-TC-Timestamp': EXAMPLE.timestamp,
      'X-TC-Nonce': EXAMPLE.nonce,
      'X-TC-Signature': signature,
      AppId: s.credentials.appId,
      'X-TC-Registered': '1',
    },
    ...(body === '' ? {} : { body }),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, code: errorCodeOf(json) };
}

describe('the simulator signature (its own, not the client’s)', () => {
  it('computes the worked example: base64 of the lower-case hex text', () => {
    expect(simSignature(EXAMPLE)).toBe(EXAMPLE_SIGNATURE);
    expect(Buffer.from(EXAMPLE_SIGNATURE, 'base64').toString('ascii')).toBe(EXAMPLE_HEX);
  });

  it('uses the simulator credentials of the worked example', async () => {
    const s = await start();
    expect(s.credentials.secretId).toBe(EXAMPLE.secretId);
    expect(s.credentials.secretKey).toBe(EXAMPLE.secretKey);
  });

  it('refuses the near misses with 200003 and then still accepts the example itself', async () => {
    const s = await start();
    const rawDigest = createHmac('sha256', EXAMPLE.secretKey)
      .update(
        [
          EXAMPLE.method,
          `X-TC-Key=${EXAMPLE.secretId}&X-TC-Nonce=${EXAMPLE.nonce}&X-TC-Timestamp=${EXAMPLE.timestamp}`,
          EXAMPLE.uri,
          EXAMPLE.body,
        ].join('\n'),
      )
      .digest('base64');
    const misses: [string, Promise<{ status: number; code: number | null }>][] = [
      ['base64 of the raw digest', send(s, rawDigest)],
      [
        'base64 of upper-case hex',
        send(s, Buffer.from(EXAMPLE_HEX.toUpperCase()).toString('base64')),
      ],
      ['the hex text itself', send(s, EXAMPLE_HEX)],
      ['no base64 padding', send(s, EXAMPLE_SIGNATURE.replace(/=+$/, ''))],
      [
        'a body re-serialised with a space',
        send(s, EXAMPLE_SIGNATURE, { body: EXAMPLE.body.replace(':', ': ') }),
      ],
      [
        'a body one digit off',
        send(s, EXAMPLE_SIGNATURE, { body: EXAMPLE.body.replace('6131', '6132') }),
      ],
      ['another method', send(s, EXAMPLE_SIGNATURE, { method: 'POST' })],
      ['a query added after signing', send(s, EXAMPLE_SIGNATURE, { uri: `${EXAMPLE.uri}?x=1` })],
    ];
    for (const [label, result] of misses) {
      expect(await result, label).toEqual({ status: 400, code: 200003 });
    }
    // Refused requests burn no nonce: the exact example is still accepted, once.
    expect(await send(s, EXAMPLE_SIGNATURE)).toEqual({ status: 200, code: null });
    expect((await send(s, EXAMPLE_SIGNATURE)).code).toBe(190301);
  });

  it('signs the query exactly as sent: another order is another signature', async () => {
    const s = await start();
    const sent = `/v1/meeting-rooms?operator_id=${SIM_OPERATOR_ID}&operator_id_type=1`;
    const reordered = `/v1/meeting-rooms?operator_id_type=1&operator_id=${SIM_OPERATOR_ID}`;
    const sign = (uri: string): string =>
      simSignature({ ...EXAMPLE, method: 'GET', uri, body: '' });
    expect(await send(s, sign(reordered), { method: 'GET', uri: sent, body: '' })).toEqual({
      status: 400,
      code: 200003,
    });
    expect(await send(s, sign(sent), { method: 'GET', uri: sent, body: '' })).toEqual({
      status: 200,
      code: null,
    });
  });
});

describe('the simulator stays independent of the client', () => {
  it('no file under test/sim imports the client code (main/)', async () => {
    const files = (await readdir('test/sim', { recursive: true })).filter((f) => f.endsWith('.ts'));
    expect(files).toContain('auth.ts');
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(join('test/sim', file), 'utf8');
      if (/from\s+['"][./]*\/main\//.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
