/**
 * Per-person tokens through the relay: expiry, revocation, damaged and unknown tokens, and
 * that neither a token nor the enterprise secret ever appears in an answer or a log line.
 */
import { describe, expect, it } from 'vitest';
import { hashToken, issuePersonToken } from '../../main/relay/identity/person-tokens';
import { redactText } from '../../main/relay/server/log';
import { SIM_COLLEAGUE_ID, SIM_SECRET_KEY } from '../sim/data';
import { closeAfterEach } from '../helpers/close-after-each';
import { startRelayHarness } from './support/relay-harness';

const start = closeAfterEach(startRelayHarness);

async function reasonOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { reason: string } }).error.reason;
}

describe('per-person tokens', () => {
  it('have the documented form and are stored as their SHA-256 only', async () => {
    const h = await start();
    const issued = await issuePersonToken(h.storage.tokens, {
      operatorId: SIM_COLLEAGUE_ID,
      label: 'reception',
      expiresAtMs: null,
      nowMs: Date.now(),
    });
    expect(issued.token).toMatch(/^rcp_[A-Za-z0-9-]{12}_[A-Za-z0-9_-]{43}$/);
    expect(issued.token.startsWith(`rcp_${issued.record.id}_`)).toBe(true);
    expect(await h.storage.tokens.findByHash(hashToken(issued.token))).toEqual(issued.record);
    expect(await h.storage.tokens.findByHash(issued.token)).toBeNull();
  });

  it('an expired token is refused as token-expired, audited as denied', async () => {
    const h = await start();
    const token = await h.token(SIM_COLLEAGUE_ID, Date.now() - 1000);
    const response = await h.call('/v1/meetings', { token });
    expect(response.status).toBe(401);
    expect(await reasonOf(response)).toBe('token-expired');
    const [entry] = await h.storage.audit.query({});
    expect(entry).toMatchObject({
      outcome: 'denied',
      code: 'token-expired',
      action: 'list-meetings',
    });
  });

  it('a token works until revoked, then is refused as token-revoked', async () => {
    const h = await start();
    const token = await h.token(SIM_COLLEAGUE_ID, Date.now() + 3_600_000);
    expect((await h.call('/v1/me', { token })).status).toBe(200);
    const [record] = await h.storage.tokens.list();
    expect(await h.storage.tokens.revoke(record?.id ?? '', Date.now())).toBe(true);
    const response = await h.call('/v1/me', { token });
    expect(response.status).toBe(401);
    expect(await reasonOf(response)).toBe('token-revoked');
  });

  it('an unknown or damaged token is unauthenticated; a JWT-like bearer with no OIDC too', async () => {
    const h = await start();
    const token = await h.token();
    const unknown = token.slice(0, -3) + (token.endsWith('AAA') ? 'BBB' : 'AAA');
    for (const bearer of [
      unknown,
      token.slice(0, -5),
      'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln',
    ]) {
      const response = await h.call('/v1/me', { token: bearer });
      expect(response.status).toBe(401);
      expect(await reasonOf(response)).toBe('unauthenticated');
    }
  });

  it('never writes a token or the SecretKey into an answer or a log line', async () => {
    const h = await start();
    const token = await h.token();
    const expired = await h.token(SIM_COLLEAGUE_ID, Date.now() - 1);
    const answers: string[] = [];
    for (const [path, bearer] of [
      ['/v1/me', token],
      ['/v1/meetings', token],
      ['/v1/rooms', expired],
      ['/v1/me', `${token}x`],
      [`/v1/meetings/by-code?meeting_code=${token}`, token],
    ] as const) {
      const response = await h.call(path, { token: bearer });
      answers.push(await response.text());
    }
    const everything = [...answers, ...h.logs].join('\n');
    expect(h.logs.length).toBeGreaterThanOrEqual(5);
    for (const secret of [
      token,
      expired,
      token.split('_')[2] ?? token,
      SIM_SECRET_KEY,
      h.sim.credentials.secretId,
    ]) {
      expect(everything).not.toContain(secret);
    }
    // The log line says what happened all the same.
    const lines = h.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((l) => l['msg'] === 'request').map((l) => l['status'])).toEqual([
      200, 200, 401, 401, 400,
    ]);
  });

  it('the redaction net scrubs tokens, bearer values, JWTs and the held secrets', () => {
    const text = `a rcp_AbCdEfGhIjKl_${'x'.repeat(43)} b Bearer abc.def c eyJhbGciOi.eyJzdWIi.sig d ${SIM_SECRET_KEY}`;
    const out = redactText(text, [SIM_SECRET_KEY]);
    expect(out).not.toContain('x'.repeat(43));
    expect(out).not.toContain('abc.def');
    expect(out).not.toContain('eyJzdWIi');
    expect(out).not.toContain(SIM_SECRET_KEY);
  });
});
