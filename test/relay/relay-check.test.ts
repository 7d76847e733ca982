/**
 * `roomcall relay check`: each thing `relay serve` depends on, tried for real: the simulator
 * as Tencent (it verifies signatures with its own code), the test identity provider, SQLite
 * files; a failed check says why and what to do, and the others still run.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestIdp } from '../idp/idp';
import { startSimulator } from '../sim/server';
import { simulatorEnv } from '../integration/cli-harness';
import { closeAfterEach } from '../helpers/close-after-each';
import { useTempDir } from '../helpers/temp-dir';
import { runRoomcall } from './support/cli-run';

const tempDir = useTempDir('roomcall-relay-check-');
const startSim = closeAfterEach(startSimulator);
const startIdp = closeAfterEach(startTestIdp);

interface Checks {
  ok: boolean;
  checks: {
    name: string;
    status: string;
    detail: string;
    hint: string | null;
    code: number | null;
  }[];
}

const byName = (checks: Checks) => Object.fromEntries(checks.checks.map((c) => [c.name, c]));

describe('roomcall relay check', () => {
  it('passes every check against a working setup, Tencent included', async () => {
    const sim = await startSim({ rooms: 5 });
    const idp = await startIdp();
    const file = path.join(tempDir(), 'relay.sqlite');
    const env = {
      ...simulatorEnv(sim),
      ROOMCALL_RELAY_SQLITE_PATH: file,
      ROOMCALL_RELAY_OIDC_ISSUER: idp.issuer,
      ROOMCALL_RELAY_OIDC_AUDIENCE: idp.clientId,
      ROOMCALL_RELAY_OIDC_CLIENT_ID: idp.clientId,
    };
    const json = await runRoomcall(['relay', 'check', '--operator', sim.operatorId, '--json'], env);
    expect(json.code).toBe(0);
    const checks = JSON.parse(json.stdout) as Checks;
    expect(checks.ok).toBe(true);
    const found = byName(checks);
    expect(found['credentials']).toMatchObject({ status: 'ok' });
    expect(found['credentials']?.detail).toContain(`AppId ${sim.credentials.appId}`);
    expect(found['storage']).toMatchObject({ status: 'ok', detail: `SQLite ${file}` });
    expect(found['identity-provider']?.status).toBe('ok');
    expect(found['identity-provider']?.detail).toMatch(/1 signing key at http:\/\/127\.0\.0\.1/);
    expect(found['tencent']?.status).toBe('ok');
    expect(found['tencent']?.detail).toContain(`as ${sim.operatorId}`);
    // Tencent was asked once, as that operator, with a signature the simulator accepted.
    const asked = sim.requests.filter((r) => r.path === '/v1/meetings');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((r) => r.query['userid'] === sim.operatorId)).toBe(true);
    expect(json.stdout + json.stderr).not.toContain(sim.credentials.secretKey);

    const text = await runRoomcall(['relay', 'check'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Credentials\s+ok\s+WEMEET_\* variables/m);
    expect(text.stdout).toMatch(/^Tencent Meeting\s+skipped\s+Give --operator <userid>/m);
  });

  it('says what failed and what to do, and still runs the other checks', async () => {
    const sim = await startSim({ rooms: 5 });
    const env = {
      ...simulatorEnv(sim),
      // A SecretKey Tencent does not know: the signature is refused.
      WEMEET_SECRET_KEY: 'x'.repeat(32),
      ROOMCALL_RELAY_SQLITE_PATH: path.join(tempDir(), 'no-such-folder', 'relay.sqlite'),
    };
    const run = await runRoomcall(['relay', 'check', '--operator', sim.operatorId], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Credentials\s+ok/m);
    expect(run.stdout).toMatch(
      /^Storage\s+FAILED\s+The relay's SQLite database .* cannot be opened/m,
    );
    expect(run.stdout).toContain('ROOMCALL_RELAY_SQLITE_PATH');
    expect(run.stdout).toMatch(/^Identity provider\s+skipped\s+OIDC is not configured/m);
    expect(run.stdout).toMatch(/^Tencent Meeting\s+FAILED\s+/m);
    expect(run.stdout).not.toContain('x'.repeat(32));

    const json = JSON.parse(
      (await runRoomcall(['relay', 'check', '--operator', sim.operatorId, '--json'], env)).stdout,
    ) as Checks;
    expect(json.ok).toBe(false);
    expect(byName(json)['tencent']?.code).toEqual(expect.any(Number));
  });

  it('refuses a bad --operator before trying anything', async () => {
    const run = await runRoomcall(['relay', 'check', '--operator', 'a b\u0007'], {
      ROOMCALL_RELAY_SQLITE_PATH: path.join(tempDir(), 'x.sqlite'),
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--operator is an enterprise userid');
  });
});
