import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Throwaway PostgreSQL and Redis servers for tests: each started from the Debian packages'
 * binaries (.ci/run installs postgresql and redis-server) in a temp folder on a free loopback
 * port, with a random password, and stopped (folder removed) afterwards. Nothing relies on a
 * system service: CI's fresh machine may have no init to start one.
 *
 * PostgreSQL refuses to run as root: as root, its folder is given to the `postgres` system user
 * (created by the Debian package) and the server runs as that user through setpriv.
 */

export interface Backends {
  /** postgres://roomcall:<password>@127.0.0.1:<port>/postgres */
  readonly databaseUrl: string;
  /** redis://:<password>@127.0.0.1:<port> */
  readonly redisUrl: string;
  /** The passwords in the URLs, for tests that check they never leak. */
  readonly secrets: readonly string[];
  stop(): Promise<void>;
}

interface Binaries {
  readonly postgresBin: string;
  readonly redisServer: string;
}

function findBinaries(): Binaries | string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => existsSync(path.join(root, name, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const [newest] = versions;
  if (newest === undefined) return `no PostgreSQL server binaries in ${root}/<version>/bin`;
  const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(existsSync);
  if (redisServer === undefined) return 'no redis-server binary';
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return 'running as root and there is no postgres system user to run PostgreSQL as';
  }
  return { postgresBin: path.join(root, newest, 'bin'), redisServer };
}

/**
 * Why the real-backend tests cannot run here, or null when they can. Under CI this throws
 * instead: a CI machine without the servers is broken, and a skip there would hide it.
 */
export function backendsSkipReason(): string | null {
  const found = findBinaries();
  if (typeof found !== 'string') return null;
  const ci = process.env['CI'];
  if (ci !== undefined && ci !== '' && ci !== 'false') {
    throw new Error(`CI must provide PostgreSQL and Redis (.ci/run installs them): ${found}`);
  }
  console.warn(`Skipping the PostgreSQL + Redis tests: ${found}`);
  return found;
}

export async function startBackends(): Promise<Backends> {
  const found = findBinaries();
  if (typeof found === 'string') throw new Error(found);
  const dir = await mkdtemp(path.join(tmpdir(), 'roomcall-backends-'));
  // mkdtemp makes it 0700: the postgres user must be able to pass through to its own folder.
  await chmod(dir, 0o711);
  const started: ChildProcess[] = [];
  // If the test process exits without stop() (a crash), take the servers with it.
  const killAll = (): void => {
    for (const child of started) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  try {
    const postgres = await startPostgres(found.postgresBin, path.join(dir, 'pg'));
    started.push(postgres.child);
    const redis = await startRedis(found.redisServer, dir);
    started.push(redis.child);
    return {
      databaseUrl: postgres.url,
      redisUrl: redis.url,
      secrets: [postgres.password, redis.password],
      stop: async () => {
        process.off('exit', killAll);
        // SIGINT: PostgreSQL's "fast shutdown"; redis-server exits on it too (no save: --save '').
        await Promise.all(started.map((child) => stopChild(child)));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    killAll();
    process.off('exit', killAll);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

async function startPostgres(
  bin: string,
  dataParent: string,
): Promise<{ child: ChildProcess; url: string; password: string }> {
  await mkdir(dataParent);
  const data = path.join(dataParent, 'data');
  const password = `pg-${randomBytes(12).toString('hex')}`;
  const pwfile = path.join(dataParent, 'pwfile');
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  const asPostgres = asServerUser(dataParent);
  const init = spawnSync(
    ...commandLine(asPostgres, path.join(bin, 'initdb'), [
      ...['-D', data, '-U', 'roomcall', `--pwfile=${pwfile}`, '--auth=scram-sha-256'],
      ...['-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
    ]),
    { encoding: 'utf8' },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}${init.stdout}`);
  const port = await freePort();
  const args = [
    ...['-D', data, '-p', String(port), '-k', dataParent],
    ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'full_page_writes=off'],
    ...['-c', 'synchronous_commit=off'],
  ];
  const child = spawn(...commandLine(asPostgres, path.join(bin, 'postgres'), args), {
    stdio: 'pipe',
  });
  await waitForLine(child, /database system is ready to accept connections/, 'PostgreSQL');
  const url = `postgres://roomcall:${password}@127.0.0.1:${port}/postgres`;
  return { child, url, password };
}

/** `command args` behind `prefix` (e.g. setpriv ... --), as spawn's command and arguments. */
function commandLine(prefix: string[], command: string, args: string[]): [string, string[]] {
  const [first, ...rest] = [...prefix, command, ...args];
  return [first ?? command, rest];
}

/** The setpriv prefix that runs a command as `postgres` (when root), owning `dir`; else []. */
function asServerUser(dir: string): string[] {
  if (process.getuid?.() !== 0) return [];
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  for (const entry of [dir, ...readdirSync(dir).map((name) => path.join(dir, name))]) {
    chownSync(entry, uid, gid);
  }
  // setpriv execs the command (runuser would stay as its parent), so a signal reaches it.
  return ['setpriv', `--reuid=${uid}`, `--regid=${gid}`, '--init-groups', '--'];
}

async function startRedis(
  redisServer: string,
  dir: string,
): Promise<{ child: ChildProcess; url: string; password: string }> {
  const password = `redis-${randomBytes(12).toString('hex')}`;
  const port = await freePort();
  const child = spawn(
    redisServer,
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      ...['--save', '', '--appendonly', 'no', '--requirepass', password],
    ],
    { stdio: 'pipe' },
  );
  await waitForLine(child, /Ready to accept connections/, 'redis-server');
  return { child, url: `redis://:${password}@127.0.0.1:${port}`, password };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** Resolves when the server logs `ready`; rejects with its log when it exits or takes 30 s. */
function waitForLine(child: ChildProcess, ready: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      finish(new Error(`${name} did not start within 30 s:\n${log}`));
    }, 30_000);
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      if (ready.test(log)) finish(null);
    };
    const onExit = (code: number | null): void => {
      finish(new Error(`${name} exited (${code}) before it was ready:\n${log}`));
    };
    function finish(error: Error | null): void {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining its output so a chatty server never blocks on a full pipe.
      child.stdout?.resume();
      child.stderr?.resume();
      if (error === null) resolve();
      else reject(error);
    }
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      resolve();
    }),
  );
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
