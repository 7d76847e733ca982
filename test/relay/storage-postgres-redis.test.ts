import { randomBytes } from 'node:crypto';
import type { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRelayStorage } from '../../main/relay/storage/index';
import { openPostgresStores } from '../../main/relay/storage/postgres';
import { openRedisStores } from '../../main/relay/storage/redis';
import { defaultLeaseTiming } from '../../main/relay/storage/refresh-once';
import {
  backendsSkipReason,
  startBackends,
  withSkipReason,
  type Backends,
} from './support/backends';
import { auditEntry } from './support/audit-entry';

/**
 * What only PostgreSQL + Redis show, against real servers: the migration under concurrent
 * starts, a least-privilege role once migrated, Redis key housekeeping, and connection errors
 * that never quote a password.
 */

const skip = backendsSkipReason();

describe.skipIf(skip !== null)(withSkipReason('postgres+redis storage', skip), () => {
  let backends: Backends;
  /** The same server as admin, for setting up databases and roles. */
  let admin: Client;

  const urlWith = (changes: { user?: string; password?: string; database?: string }): string => {
    const url = new URL(backends.databaseUrl);
    if (changes.user !== undefined) url.username = changes.user;
    if (changes.password !== undefined) url.password = changes.password;
    if (changes.database !== undefined) url.pathname = `/${changes.database}`;
    return url.toString();
  };

  beforeAll(async () => {
    backends = await startBackends();
    const pg = await import('pg');
    admin = new pg.Client({ connectionString: backends.databaseUrl });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin.end();
    await backends.stop();
  }, 30_000);

  it('migrates a new database once when several instances start together', async () => {
    await admin.query('CREATE DATABASE fresh_start');
    const url = urlWith({ database: 'fresh_start' });
    const instances = await Promise.all([1, 2, 3].map(() => openPostgresStores({ url })));
    try {
      await instances[0]?.tokens.insert(
        {
          id: 't1',
          operatorId: 'alice',
          label: 'a',
          createdAtMs: 1,
          expiresAtMs: null,
          revokedAtMs: null,
        },
        'h1',
      );
      expect((await instances[2]?.tokens.list())?.map((t) => t.id)).toEqual(['t1']);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
    const { Client } = await import('pg');
    const check = new Client({ connectionString: url });
    await check.connect();
    const versions = await check.query('SELECT version FROM relay_schema');
    await check.end();
    expect(versions.rows).toEqual([{ version: 1 }]);
  });

  it('runs as a role without CREATE once the database is migrated', async () => {
    await (await openPostgresStores({ url: backends.databaseUrl })).close();
    const password = `app-${randomBytes(8).toString('hex')}`;
    // The grants docs/relay.md gives for a least-privilege relay role.
    await admin.query(`CREATE ROLE relay_app LOGIN PASSWORD '${password}'`);
    await admin.query('GRANT SELECT ON relay_schema TO relay_app');
    await admin.query('GRANT SELECT, INSERT, UPDATE ON relay_tokens TO relay_app');
    await admin.query('GRANT SELECT, INSERT ON relay_audit TO relay_app');
    const app = await openPostgresStores({ url: urlWith({ user: 'relay_app', password }) });
    try {
      await app.audit.append(auditEntry({ atMs: 5, requestId: 'r1' }));
      expect((await app.audit.query({ limit: 1 }))[0]?.requestId).toBe('r1');
      expect(await app.tokens.revoke('none', 1)).toBe(false);
      // And it really cannot create tables: the migration did not need to.
      const { Client } = await import('pg');
      const raw = new Client({ connectionString: urlWith({ user: 'relay_app', password }) });
      await raw.connect();
      await expect(raw.query('CREATE TABLE not_allowed (x INT)')).rejects.toThrow(/permission/);
      await raw.end();
    } finally {
      await app.close();
    }
  });

  it('lets an idle rate bucket expire from Redis, once it would be full again', async () => {
    const prefix = `expiry:${randomBytes(4).toString('hex')}:`;
    const storage = await openRelayStorage(
      { kind: 'postgres', databaseUrl: backends.databaseUrl, redisUrl: backends.redisUrl },
      { keyPrefix: prefix },
    );
    const { createClient } = await import('redis');
    const raw = createClient({ url: backends.redisUrl });
    await raw.connect();
    try {
      await storage.budget.take('person:alice', { capacity: 4, refillPerSecond: 2 });
      const ttl = await raw.pTTL(`${prefix}budget:person:alice`);
      // Full again after capacity / refill = 2 s; kept a second longer.
      expect(ttl).toBeGreaterThan(2_000);
      expect(ttl).toBeLessThanOrEqual(3_000);
    } finally {
      await raw.close();
      await storage.close();
    }
  });

  it('never quotes a password when PostgreSQL refuses the login', async () => {
    const wrong = `wrong-${randomBytes(8).toString('hex')}`;
    const error = await openPostgresStores({ url: urlWith({ password: wrong }) }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(
      /PostgreSQL database at postgres:\/\/roomcall:\*\*\*@127\.0\.0\.1:\d+\//,
    );
    expect(message).toMatch(/password authentication failed/);
    for (const secret of [wrong, ...backends.secrets]) expect(message).not.toContain(secret);
  });

  it('never quotes a password when Redis refuses the login or the URL', async () => {
    const wrong = `wrong-${randomBytes(8).toString('hex')}`;
    const bad = new URL(backends.redisUrl);
    bad.password = wrong;
    const refused = await openRedisStores({ url: bad.toString(), lease: defaultLeaseTiming }).catch(
      (caught: unknown) => caught,
    );
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toMatch(/Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+/);
    expect((refused as Error).message).not.toContain(wrong);
    // A URL that is not Redis's: refused in words, the password still hidden.
    const malformed = `http://:${wrong}@127.0.0.1:1`;
    const rejected = await openRedisStores({ url: malformed, lease: defaultLeaseTiming }).catch(
      (caught: unknown) => caught,
    );
    expect((rejected as Error).message).toMatch(/not a valid Redis protocol/);
    expect((rejected as Error).message).not.toContain(wrong);
  });

  it('stops trying and says so when Redis is not there at all', async () => {
    const gone = new URL(backends.redisUrl);
    gone.port = '1';
    await expect(
      openRedisStores({ url: gone.toString(), lease: defaultLeaseTiming }),
    ).rejects.toThrow(/Connecting to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 failed/);
  });
});
