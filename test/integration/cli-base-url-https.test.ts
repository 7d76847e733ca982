/**
 * The base URL is https, or plain http only to this machine (issue 13 item 7): every request
 * carries the SecretId and a signature, which plain http would carry across the network in
 * clear text. Each place a base URL can come from refuses one, says why and what to use, and
 * sends nothing: WEMEET_BASE_URL, `auth login --base-url` and the managed configuration (the
 * settings file's schema: test/unit/base-url-https.test.ts). The simulator (http://127.0.0.1)
 * is loopback, so it is allowed.
 */
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_APP_ID, SIM_SECRET_ID, SIM_SECRET_KEY } from '../sim/index';
import { startCliHarness } from './cli-harness';

const harness = closeAfterEach(startCliHarness);
const folders: string[] = [];
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

const WHY =
  /must start with https:\/\/ .*SecretId and every request signature would travel in clear text; use https:\/\/api\.meeting\.qq\.com/;

describe('a plain-http base URL off this machine is refused', () => {
  it('WEMEET_BASE_URL=http://example.com: exit 2 saying why, nothing sent', async () => {
    const h = await harness();
    const result = await h.run(['rooms'], {
      env: { ...h.env, WEMEET_BASE_URL: 'http://example.com' },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/WEMEET_BASE_URL: /);
    expect(result.stderr).toMatch(WHY);
    expect(result.stdout).toBe('');
    expect(h.sim.requests).toEqual([]);
  });

  it('WEMEET_BASE_URL on loopback over http is used (the simulator)', async () => {
    const h = await harness();
    const localhost = h.sim.baseUrl.replace('127.0.0.1', 'localhost');
    const result = await h.run(['rooms', '--json'], {
      env: { ...h.env, WEMEET_BASE_URL: localhost },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(h.sim.requests.length).toBeGreaterThan(0);
  });

  it('auth login --base-url http://…: exit 2 saying why; nothing checked, saved or sent', async () => {
    const h = await harness();
    const result = await h.run(
      ['auth', 'login', '--stdin', '--base-url', 'http://wemeet.example.com'],
      {
        env: {},
        stdin: JSON.stringify({
          appId: SIM_APP_ID,
          secretId: SIM_SECRET_ID,
          secretKey: SIM_SECRET_KEY,
          operatorId: 'tester1',
        }),
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--base-url: /);
    expect(result.stderr).toMatch(WHY);
    expect(h.sim.requests).toEqual([]);
    expect(await h.store.get('default')).toBeNull();
    await expect(readFile(path.join(h.dataDir, 'settings.json'), 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('a managed file setting one is not applied, and the warning says why', async () => {
    const h = await harness();
    const folder = await mkdtemp(path.join(tmpdir(), 'roomcall-managed-'));
    folders.push(folder);
    const file = path.join(folder, 'managed.json');
    await writeFile(
      file,
      JSON.stringify({ settings: { baseUrl: 'http://wemeet.corp.example' }, locked: ['baseUrl'] }),
    );
    await chmod(file, 0o644);
    // No WEMEET_BASE_URL: the saved one (the simulator's) is used, not the managed one.
    await h.run(['auth', 'login', '--stdin', '--base-url', h.sim.baseUrl], {
      env: {},
      stdin: JSON.stringify({
        appId: SIM_APP_ID,
        secretId: SIM_SECRET_ID,
        secretKey: SIM_SECRET_KEY,
        operatorId: 'tester1',
      }),
    });
    const result = await h.run(['rooms', '--json'], { env: { ROOMCALL_MANAGED_CONFIG: file } });
    expect(result.stderr).toContain(
      `roomcall: warning: The managed configuration ${file} was not applied: settings.baseUrl: must start with https://`,
    );
    expect(result.stderr).toMatch(WHY);
    expect(result.code).toBe(0);
    expect(h.sim.requests.at(-1)?.path).toBe('/v1/meeting-rooms');
  });
});
