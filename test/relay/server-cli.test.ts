/**
 * `roomcall relay …` end to end in this process: tokens issued, listed and revoked in the
 * configured SQLite file, the relay served in front of the simulator and stopped by a signal,
 * and its audit log read back.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIM_SECRET_KEY } from '../sim/data';
import { startSimulator } from '../sim/server';
import { simulatorEnv } from '../integration/cli-harness';
import { closeAfterEach } from '../helpers/close-after-each';
import { useTempDir } from '../helpers/temp-dir';
import { auditEntry } from './support/audit-entry';
import { runRoomcall, startCli } from './support/cli-run';
import { openRelayStorage } from '../../main/relay/storage/index';

const tempDir = useTempDir('roomcall-relay-cli-');
const start = closeAfterEach(startSimulator);

describe('roomcall relay', () => {
  it('issues a token, serves with it, audits the calls, and refuses it once revoked', async () => {
    const sim = await start({ rooms: 30 });
    const env = {
      ...simulatorEnv(sim),
      ROOMCALL_RELAY_SQLITE_PATH: path.join(tempDir(), 'relay.sqlite'),
      ROOMCALL_RELAY_LISTEN: '127.0.0.1:0',
    };
    const issued = await runRoomcall(
      [
        'relay',
        'token',
        'issue',
        '--operator',
        sim.operatorId,
        '--label',
        'laptop',
        '--expires',
        '30d',
      ],
      env,
    );
    expect(issued.code).toBe(0);
    const token = issued.stdout.trim();
    expect(token).toMatch(/^rcp_/);
    expect(issued.stderr).toContain('shown only now');

    const listed = await runRoomcall(['relay', 'token', 'list', '--json'], env);
    const [record] = JSON.parse(listed.stdout) as {
      id: string;
      operator_id: string;
      state: string;
      label: string;
    }[];
    expect(record).toMatchObject({ operator_id: sim.operatorId, state: 'active', label: 'laptop' });
    expect(listed.stdout).not.toContain(token);

    const serve = startCli(['relay', 'serve'], env);
    const url = await listeningUrl(() => serve.stderr());
    const rooms = await fetch(`${url}/v1/rooms`, { headers: { Authorization: `Bearer ${token}` } });
    expect(rooms.status).toBe(200);
    expect(((await rooms.json()) as { rooms: unknown[] }).rooms.length).toBe(30);
    serve.interrupt();
    expect(await serve.done).toBe(0);
    const logLines = serve
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logLines.find((line) => line['msg'] === 'request')).toMatchObject({
      route: '/v1/rooms',
      status: 200,
      operator: sim.operatorId,
    });
    expect(serve.stdout() + serve.stderr()).not.toContain(SIM_SECRET_KEY);
    expect(serve.stdout()).not.toContain(token);

    const audit = await runRoomcall(
      ['relay', 'audit', '--json', '--operator', sim.operatorId, '--since', '1h'],
      env,
    );
    expect(JSON.parse(audit.stdout)).toMatchObject([
      {
        action: 'list-rooms',
        outcome: 'ok',
        operator_id: sim.operatorId,
        via: 'token',
        subject: record?.id,
      },
    ]);
    const table = await runRoomcall(['relay', 'audit'], env);
    expect(table.stdout).toContain('list-rooms');

    expect((await runRoomcall(['relay', 'token', 'revoke', record?.id ?? ''], env)).code).toBe(0);
    const again = await runRoomcall(['relay', 'token', 'revoke', record?.id ?? ''], env);
    expect(again.code).toBe(2);
    const revoked = await runRoomcall(['relay', 'token', 'list'], env);
    expect(revoked.stdout).toContain('revoked');
  });

  it('refuses a bad configuration or bad flags with exit 2, naming what to fix', async () => {
    const env = {
      ROOMCALL_RELAY_STORAGE: 'mysql',
      ROOMCALL_RELAY_SQLITE_PATH: path.join(tempDir(), 'x.sqlite'),
    };
    const bad = await runRoomcall(['relay', 'token', 'list'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ROOMCALL_RELAY_STORAGE');
    const ok = { ROOMCALL_RELAY_SQLITE_PATH: path.join(tempDir(), 'y.sqlite') };
    const expires = await runRoomcall(
      ['relay', 'token', 'issue', '--operator', 'a', '--label', 'b', '--expires', 'soon'],
      ok,
    );
    expect(expires.code).toBe(2);
    expect(expires.stderr).toContain('--expires');
    const noCredentials = await runRoomcall(['relay', 'serve'], ok);
    expect(noCredentials.code).toBe(2);
    expect(noCredentials.stderr).toContain('WEMEET_SECRET_KEY');
  });

  it('prunes the audit log to a retention period, and says how many entries went', async () => {
    const file = path.join(tempDir(), 'audit.sqlite');
    const storage = await openRelayStorage({ kind: 'sqlite', path: file });
    const day = 86_400_000;
    for (const [ageDays, requestId] of [
      [40, 'old'],
      [31, 'older'],
      [29, 'recent'],
      [0, 'today'],
    ] as const) {
      await storage.audit.append(auditEntry({ atMs: Date.now() - ageDays * day, requestId }));
    }
    await storage.close();
    const env = { ROOMCALL_RELAY_SQLITE_PATH: file };

    const bad = await runRoomcall(['relay', 'audit', 'prune', '--older-than', 'never'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--older-than takes a duration such as 90d, 12h or 30m.');

    const pruned = await runRoomcall(['relay', 'audit', 'prune', '--older-than', '30d'], env);
    expect(pruned.code).toBe(0);
    expect(pruned.stderr).toMatch(/^Deleted 2 audit entries written before \d{4}-\d{2}-\d{2}/);
    const left = await runRoomcall(['relay', 'audit', '--json'], env);
    expect((JSON.parse(left.stdout) as { request_id: string }[]).map((e) => e.request_id)).toEqual([
      'today',
      'recent',
    ]);
    const again = await runRoomcall(
      ['relay', 'audit', 'prune', '--older-than', '30d', '--json'],
      env,
    );
    expect(JSON.parse(again.stdout)).toMatchObject({ deleted: 0 });
  });

  it('serves with a retention period and prunes the audit log itself', async () => {
    const sim = await start({ rooms: 5 });
    const file = path.join(tempDir(), 'retained.sqlite');
    const storage = await openRelayStorage({ kind: 'sqlite', path: file });
    await storage.audit.append(
      auditEntry({ atMs: Date.now() - 40 * 86_400_000, requestId: 'forty-days' }),
    );
    await storage.close();
    const env = {
      ...simulatorEnv(sim),
      ROOMCALL_RELAY_SQLITE_PATH: file,
      ROOMCALL_RELAY_LISTEN: '127.0.0.1:0',
      ROOMCALL_RELAY_AUDIT_RETENTION_DAYS: '30',
    };
    const serve = startCli(['relay', 'serve'], env);
    await listeningUrl(() => serve.stderr());
    while (!serve.stdout().includes('"audit pruned"')) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    serve.interrupt();
    expect(await serve.done).toBe(0);
    const pruned = serve
      .stdout()
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line['msg'] === 'audit pruned');
    expect(pruned).toMatchObject({ level: 'info', deleted: 1 });
    const left = await runRoomcall(['relay', 'audit', '--json'], env);
    expect(JSON.parse(left.stdout)).toEqual([]);
  });

  it('says which storage cannot be opened and what to check, with no password', async () => {
    const missingFolder = path.join(tempDir(), 'no-such-folder', 'relay.sqlite');
    const sqlite = await runRoomcall(['relay', 'token', 'list'], {
      ROOMCALL_RELAY_SQLITE_PATH: missingFolder,
    });
    expect(sqlite.code).toBe(1);
    expect(sqlite.stderr).toContain(
      `The relay's SQLite database ${missingFolder} cannot be opened`,
    );
    expect(sqlite.stderr).toContain('ROOMCALL_RELAY_SQLITE_PATH');
    expect(sqlite.stderr).not.toContain('report it');

    // Port 1 on loopback: nothing listens, the connection is refused at once.
    const postgres = await runRoomcall(['relay', 'token', 'list'], {
      ROOMCALL_RELAY_STORAGE: 'postgres',
      ROOMCALL_RELAY_DATABASE_URL: 'postgres://relay:hunter2@127.0.0.1:1/roomcall',
      ROOMCALL_RELAY_REDIS_URL: 'redis://127.0.0.1:1',
    });
    expect(postgres.code).toBe(1);
    expect(postgres.stderr).toContain(
      'Opening the PostgreSQL database at postgres://relay:***@127.0.0.1:1/roomcall failed',
    );
    expect(postgres.stderr).toContain('ROOMCALL_RELAY_DATABASE_URL');
    expect(postgres.stderr).not.toContain('hunter2');
    expect(postgres.stderr).not.toContain('report it');
  });
});

async function listeningUrl(stderr: () => string): Promise<string> {
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(stderr());
    if (match?.[1] !== undefined) return match[1];
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
