/**
 * The relay's configuration from the environment, and where its Tencent credentials come
 * from: defaults, refusals that name variables but never values, the secrets file's rules.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRelayConfig, RELAY_ENV, RelayConfigError } from '../../main/relay/config';
import { runRoomcall } from './support/cli-run';
import { resolveRelayCredentials } from '../../main/relay/credentials';
import { createMemoryStore } from '../../main/core/secrets/memory-store';
import { SIM_APP_ID, SIM_SECRET_ID, SIM_SECRET_KEY } from '../sim/data';
import { useTempDir } from '../helpers/temp-dir';

const tempDir = useTempDir('roomcall-relay-config-');
const SIM_ENV = {
  WEMEET_APP_ID: SIM_APP_ID,
  WEMEET_SECRET_ID: SIM_SECRET_ID,
  WEMEET_SECRET_KEY: SIM_SECRET_KEY,
};

function refusal(env: Record<string, string>): RelayConfigError {
  try {
    readRelayConfig(env);
  } catch (error) {
    if (error instanceof RelayConfigError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('relay configuration', () => {
  it('has the documented defaults', () => {
    const config = readRelayConfig({ STATE_DIRECTORY: '/var/lib/roomcall-relay' });
    expect(config).toEqual({
      listen: { host: '127.0.0.1', port: 8787 },
      credentials: { kind: 'environment' },
      storage: { kind: 'sqlite', sqlitePath: '/var/lib/roomcall-relay/roomcall-relay.sqlite' },
      oidc: null,
      tokens: true,
      companyPerMinute: 240,
      personPerMinute: 60,
      directoryTtlSeconds: 600,
      shutdownGraceSeconds: 10,
      auditRetentionDays: null,
    });
  });

  it('reads every setting', () => {
    const config = readRelayConfig({
      ROOMCALL_RELAY_LISTEN: '[::]:9000',
      ROOMCALL_RELAY_STORAGE: 'postgres',
      ROOMCALL_RELAY_DATABASE_URL: 'postgres://relay:pw@db/relay',
      ROOMCALL_RELAY_REDIS_URL: 'redis://cache:6379',
      ROOMCALL_RELAY_OIDC_ISSUER: 'https://login.example.com/realms/corp',
      ROOMCALL_RELAY_OIDC_AUDIENCE: 'roomcall-relay',
      ROOMCALL_RELAY_OIDC_CLIENT_ID: 'roomcall-desktop',
      ROOMCALL_RELAY_OIDC_CLIENT_SECRET: 'GOCSPX-not-confidential',
      ROOMCALL_RELAY_OIDC_OPERATOR_CLAIM: 'wemeet_userid',
      ROOMCALL_RELAY_OIDC_SCOPES: 'openid profile, email',
      ROOMCALL_RELAY_TOKENS: 'off',
      ROOMCALL_RELAY_COMPANY_PER_MINUTE: '100',
      ROOMCALL_RELAY_PERSON_PER_MINUTE: '10',
      ROOMCALL_RELAY_DIRECTORY_TTL_SECONDS: '60',
      ROOMCALL_RELAY_SHUTDOWN_GRACE_SECONDS: '0',
      ROOMCALL_RELAY_AUDIT_RETENTION_DAYS: '180',
      ROOMCALL_RELAY_KEYCHAIN_PROFILE: 'relay',
    });
    expect(config).toMatchObject({
      listen: { host: '::', port: 9000 },
      credentials: { kind: 'keychain', profile: 'relay' },
      storage: {
        kind: 'postgres',
        databaseUrl: 'postgres://relay:pw@db/relay',
        redisUrl: 'redis://cache:6379',
      },
      oidc: {
        issuer: 'https://login.example.com/realms/corp',
        audience: 'roomcall-relay',
        clientId: 'roomcall-desktop',
        clientSecret: 'GOCSPX-not-confidential',
        operatorClaim: 'wemeet_userid',
        scopes: ['openid', 'profile', 'email'],
      },
      tokens: false,
      companyPerMinute: 100,
      personPerMinute: 10,
      directoryTtlSeconds: 60,
      shutdownGraceSeconds: 0,
      auditRetentionDays: 180,
    });
  });

  it('names the variable at fault, never its value', () => {
    const secretish = 'mysql://root:hunter2-very-secret@db/x';
    const error = refusal({
      ROOMCALL_RELAY_DATABASE_URL: secretish,
      ROOMCALL_RELAY_LISTEN: 'nowhere',
    });
    expect(error.variables).toEqual(['ROOMCALL_RELAY_LISTEN', 'ROOMCALL_RELAY_DATABASE_URL']);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain('nowhere');
    expect(refusal({ ROOMCALL_RELAY_AUDIT_RETENTION_DAYS: '0' }).variables).toEqual([
      'ROOMCALL_RELAY_AUDIT_RETENTION_DAYS',
    ]);
    expect(refusal({ ROOMCALL_RELAY_STORAGE: 'postgres' }).variables).toEqual([
      'ROOMCALL_RELAY_DATABASE_URL',
      'ROOMCALL_RELAY_REDIS_URL',
    ]);
    expect(refusal({ ROOMCALL_RELAY_OIDC_ISSUER: 'https://idp.example.com' }).variables).toEqual([
      'ROOMCALL_RELAY_OIDC_AUDIENCE',
      'ROOMCALL_RELAY_OIDC_CLIENT_ID',
    ]);
    expect(refusal({ ...SIM_ENV, ROOMCALL_RELAY_SECRETS_FILE: '/etc/x' }).message).toContain(
      'one way only',
    );
  });
});

describe('relay configuration, documented', () => {
  it('has every variable in docs/relay.md, and in `roomcall relay --help`', async () => {
    const doc = await readFile('docs/relay.md', 'utf8');
    const help = (await runRoomcall(['relay', '--help'], {})).stdout.replace(/\s+/g, ' ');
    for (const name of Object.values(RELAY_ENV)) {
      expect(doc, name).toContain(`\`${name}\``);
      // The help names the OIDC variables together, as ROOMCALL_RELAY_OIDC_*.
      expect(help, name).toContain(
        name.startsWith('ROOMCALL_RELAY_OIDC_') ? 'ROOMCALL_RELAY_OIDC_*' : name,
      );
    }
  });
});

describe('relay credentials', () => {
  const store = () => createMemoryStore();

  it('come from the WEMEET_* variables', async () => {
    const resolved = await resolveRelayCredentials(
      { kind: 'environment' },
      { env: SIM_ENV, credentialStore: store },
    );
    expect(resolved.credentials.secretKey).toBe(SIM_SECRET_KEY);
    expect(resolved.baseUrl).toBe('https://api.meeting.qq.com');
  });

  it('come from an owner-only secrets file, and a file others may read is refused', async () => {
    const file = path.join(tempDir(), 'relay.env');
    const lines = [
      '# the relay',
      `WEMEET_APP_ID=${SIM_APP_ID}`,
      `export WEMEET_SECRET_ID="${SIM_SECRET_ID}"`,
      `WEMEET_SECRET_KEY='${SIM_SECRET_KEY}'`,
      'WEMEET_BASE_URL=http://127.0.0.1:9',
      '',
    ];
    await writeFile(file, lines.join('\n'), { mode: 0o600 });
    const source = { kind: 'file', path: file } as const;
    const resolved = await resolveRelayCredentials(source, { env: {}, credentialStore: store });
    expect(resolved.credentials).toEqual({
      appId: SIM_APP_ID,
      secretId: SIM_SECRET_ID,
      secretKey: SIM_SECRET_KEY,
    });
    expect(resolved.baseUrl).toBe('http://127.0.0.1:9');
    await chmod(file, 0o640);
    const refused = resolveRelayCredentials(source, { env: {}, credentialStore: store });
    await expect(refused).rejects.toThrow(/chmod 600/);
    await chmod(file, 0o600);
    await writeFile(file, `${SIM_SECRET_KEY}\n`, { mode: 0o600 });
    const garbled = await resolveRelayCredentials(source, {
      env: {},
      credentialStore: store,
    }).catch((e: unknown) => e);
    expect(garbled).toBeInstanceOf(RelayConfigError);
    expect(String(garbled)).toContain('line 1');
    expect(String(garbled)).not.toContain(SIM_SECRET_KEY);
  });

  it('come from a keychain profile', async () => {
    const keychain = createMemoryStore();
    await keychain.set('relay', {
      appId: SIM_APP_ID,
      secretId: SIM_SECRET_ID,
      secretKey: SIM_SECRET_KEY,
    });
    const resolved = await resolveRelayCredentials(
      { kind: 'keychain', profile: 'relay' },
      { env: {}, credentialStore: () => keychain },
    );
    expect(resolved.credentials.appId).toBe(SIM_APP_ID);
    await expect(
      resolveRelayCredentials(
        { kind: 'keychain', profile: 'other' },
        { env: {}, credentialStore: () => keychain },
      ),
    ).rejects.toThrow(/no RoomCall credentials in profile "other"/);
  });
});
