/**
 * The relay as build/relay/Containerfile's runtime stage runs it: the CLI's bundle copied alone
 * into a folder with no node_modules above it (the image's /opt/roomcall), started with
 * `node roomcall.mjs relay serve`, on PostgreSQL + Redis. So what the Containerfile promises
 * holds: pg, redis, jose and zod travel inside the bundle, SQLite is Node's own, and a SIGTERM
 * stops it gracefully (exit 0). The image itself cannot be built here (no container registry
 * is reachable); this is the part of it that is RoomCall's.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBundle } from '../helpers/cli-bundle';
import { runBuiltCli } from '../helpers/run-process';
import { simulatorEnv } from '../integration/cli-harness';
import { startSimulator } from '../sim/server';
import type { Simulator } from '../sim/types';
import {
  backendsSkipReason,
  startBackends,
  withSkipReason,
  type Backends,
} from './support/backends';

const skip = backendsSkipReason();

describe.skipIf(skip !== null)(
  withSkipReason('the relay as its container image runs it', skip),
  () => {
    let dir = '';
    let script = '';
    let backends: Backends;
    let sim: Simulator;
    let env: Record<string, string> = {};

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'roomcall-relay-image-'));
      script = await buildCliBundle(path.join(dir, 'opt', 'roomcall'));
      backends = await startBackends();
      sim = await startSimulator({ rooms: 12 });
      env = {
        ...simulatorEnv(sim),
        NODE_ENV: 'production',
        ROOMCALL_RELAY_STORAGE: 'postgres',
        ROOMCALL_RELAY_DATABASE_URL: backends.databaseUrl,
        ROOMCALL_RELAY_REDIS_URL: backends.redisUrl,
        ROOMCALL_RELAY_LISTEN: '127.0.0.1:0',
      };
    }, 120_000);

    afterAll(async () => {
      // beforeAll may have failed before starting either.
      await (sim as Simulator | undefined)?.close();
      await (backends as Backends | undefined)?.stop();
      if (dir !== '') await rm(dir, { recursive: true, force: true });
    });

    it('has no node_modules to lean on', () => {
      for (let at = path.dirname(script); at !== path.dirname(at); at = path.dirname(at)) {
        expect(existsSync(path.join(at, 'node_modules')), at).toBe(false);
      }
    });

    it('issues a token, serves rooms with it from PostgreSQL + Redis, and stops on SIGTERM', async () => {
      const issued = await runBuiltCli(
        script,
        dir,
        ['relay', 'token', 'issue', '--operator', sim.operatorId, '--label', 'image'],
        { env, timeoutMs: 30_000 },
      );
      expect(issued.stderr).not.toMatch(/Cannot find (module|package)/);
      expect(issued.code, issued.stderr).toBe(0);
      const token = issued.stdout.trim();

      const serve = spawn(process.execPath, [script, 'relay', 'serve'], {
        env: { PATH: process.env['PATH'] ?? '', HOME: dir, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      serve.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      serve.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => serve.on('close', resolve));
      try {
        const url = await listeningUrl(() => stderr, exited);
        const health = await fetch(`${url}/healthz`);
        expect(await health.json()).toMatchObject({ status: 'ok', storage: 'postgres+redis' });
        const rooms = await fetch(`${url}/v1/rooms`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(rooms.status).toBe(200);
        expect(((await rooms.json()) as { rooms: unknown[] }).rooms).toHaveLength(12);
      } finally {
        serve.kill('SIGTERM');
      }
      expect(await exited).toBe(0);
      expect(stdout + stderr).not.toContain(sim.credentials.secretKey);
      expect(stdout + stderr).not.toContain(token);
      for (const secret of backends.secrets) expect(stdout + stderr).not.toContain(secret);
    }, 60_000);
  },
);

/** The URL from the relay's "listening on …" line; fails at once if the relay exits first. */
async function listeningUrl(stderr: () => string, exited: Promise<number | null>): Promise<string> {
  let code: number | null | undefined;
  void exited.then((c) => (code = c));
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(stderr());
    if (match?.[1] !== undefined) return match[1];
    if (code !== undefined) throw new Error(`relay serve exited ${code}:\n${stderr()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
