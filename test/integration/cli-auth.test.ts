/**
 * `roomcall auth login|status|logout` with the in-memory keychain: what is saved where, what is
 * shown (secrets masked), the live check, and how the environment takes precedence.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CredentialStore } from '../../main/core/secrets/credential-store';
import { KeychainUnavailableError } from '../../main/core/secrets/keychain-errors';
import { closeAfterEach } from '../helpers/close-after-each';
import { SIM_APP_ID, SIM_EXAMPLE_ROOM_ID, SIM_SECRET_ID, SIM_SECRET_KEY } from '../sim/index';
import { jsonOf, startCliHarness, type CliHarness } from './cli-harness';

const harness = closeAfterEach(startCliHarness);

const LOGIN = {
  appId: SIM_APP_ID,
  secretId: SIM_SECRET_ID,
  secretKey: SIM_SECRET_KEY,
  operatorId: 'tester1',
};

/** No WEMEET_* credentials, only the base URL of the simulator. */
function noCredentials(cli: CliHarness) {
  return { WEMEET_BASE_URL: cli.sim.baseUrl };
}

/** `roomcall auth login --stdin` with `stdin`, no WEMEET_* credentials in the environment. */
function loginFromStdin(cli: CliHarness, stdin: string) {
  return cli.run(['auth', 'login', '--stdin'], { env: noCredentials(cli), stdin });
}

async function readSettings(cli: CliHarness): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(path.join(cli.dataDir, 'settings.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

describe('roomcall auth login', () => {
  it('--stdin: checks with a signed request, then saves the keychain entry and the operator', async () => {
    const h = await harness();
    const result = await loginFromStdin(h, JSON.stringify(LOGIN));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "Logged in: AppId 200000001, SdkId none, SecretId …PLE, operator tester1.\nSaved in the keychain (profile 'default'); a signed request to Tencent Meeting succeeded (68 meetings in progress or upcoming).\n",
    );
    expect(await h.store.get('default')).toEqual({
      appId: SIM_APP_ID,
      secretId: SIM_SECRET_ID,
      secretKey: SIM_SECRET_KEY,
    });
    expect((await readSettings(h))['operatorId']).toBe('tester1');
    // The operator's meetings, every page: 68 take 4 (20, then 19 new a page, one repeated).
    expect(h.sim.requests.map((r) => r.path)).toEqual(Array(4).fill('/v1/meetings'));

    // The saved credentials and operator are then used with no WEMEET_* variables at all.
    const invite = await h.run(
      ['invite', '--meeting', '806146667', '--room', SIM_EXAMPLE_ROOM_ID],
      {
        env: noCredentials(h),
      },
    );
    expect(invite.code).toBe(0);
  });

  it('--base-url is saved to the settings and used afterwards', async () => {
    const h = await harness();
    const result = await h.run(['auth', 'login', '--stdin', '--base-url', h.sim.baseUrl], {
      env: {},
      stdin: JSON.stringify(LOGIN),
    });
    expect(result.code).toBe(0);
    expect((await readSettings(h))['baseUrl']).toBe(h.sim.baseUrl);
    expect((await h.run(['meetings', '--json'], { env: {} })).code).toBe(0);
  });

  it('credentials the server refuses (190303): nothing saved, exit 1 with the code', async () => {
    const h = await harness();
    const result = await loginFromStdin(h, JSON.stringify({ ...LOGIN, appId: '123' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The credentials were not saved');
    expect(result.stderr).toContain('error 190303');
    expect(h.store.profiles()).toEqual([]);
  });

  it('an SdkId sent where none was assigned is refused by the check (190303)', async () => {
    const h = await harness();
    const result = await loginFromStdin(h, JSON.stringify({ ...LOGIN, sdkId: '12345' }));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('190303');
    expect(h.store.profiles()).toEqual([]);
  });

  it('--stdin that is not JSON, or misses a field: exit 2, no value quoted, nothing sent', async () => {
    const h = await harness();
    const notJson = await loginFromStdin(h, `{"secretKey": "${SIM_SECRET_KEY}"`);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('--stdin: the input is not a JSON document.');
    const missing = await loginFromStdin(
      h,
      JSON.stringify({ appId: SIM_APP_ID, secretKey: SIM_SECRET_KEY }),
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--stdin: secretId, operatorId are missing or not text.');
    const control = await loginFromStdin(h, JSON.stringify({ ...LOGIN, secretKey: 'a\nb' }));
    expect(control.code).toBe(2);
    expect(control.stderr).toContain('SecretKey is missing or invalid');
    for (const output of [notJson, missing, control]) {
      expect(output.stderr).not.toContain(SIM_SECRET_KEY);
    }
    expect(h.sim.requests).toEqual([]);
  });

  it.each([
    ['a non-Latin-1 SecretId', { secretId: `${SIM_SECRET_ID}ключ` }, 'SecretId is missing'],
    [
      'a C1 control (U+0085) in the SecretKey',
      { secretKey: `${SIM_SECRET_KEY}\u0085` },
      'SecretKey is',
    ],
    ['a Latin-1 AppId', { appId: `${SIM_APP_ID}é` }, 'AppId is'],
    ['a Chinese SdkId', { sdkId: '应用' }, 'SdkId is'],
    ['a bidi control in the operator', { operatorId: '\u202etester1' }, 'operator userid is'],
    ['a space in the operator', { operatorId: 'test er1' }, 'operator userid is'],
  ])(
    '--stdin with %s: a bad-input error (exit 2) before any request, nothing saved',
    async (_, change, words) => {
      const h = await harness();
      const result = await loginFromStdin(h, JSON.stringify({ ...LOGIN, ...change }));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(words);
      expect(result.stderr).toContain('only visible ASCII characters');
      expect(result.stderr).toContain('Nothing was saved.');
      expect(result.stderr).not.toContain(SIM_SECRET_KEY);
      expect(result.stderr).not.toMatch(/network/i);
      expect(h.sim.requests).toEqual([]);
      expect(h.store.profiles()).toEqual([]);
    },
  );

  it('with WEMEET_* credentials beyond visible ASCII: exit 2 naming the variable, nothing sent', async () => {
    const h = await harness();
    const result = await h.run(['rooms'], {
      env: {
        WEMEET_BASE_URL: h.sim.baseUrl,
        WEMEET_APP_ID: SIM_APP_ID,
        WEMEET_SECRET_ID: `${SIM_SECRET_ID}ключ`,
        WEMEET_SECRET_KEY: SIM_SECRET_KEY,
        WEMEET_OPERATOR_ID: 'tester1',
      },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('WEMEET_SECRET_ID is not usable');
    expect(result.stderr).not.toMatch(/network/i);
    expect(h.sim.requests).toEqual([]);
  });

  it('a settings.json from a newer version: refused before the keychain is written or anything sent (issue 15 item 6)', async () => {
    const h = await harness();
    const file = path.join(h.dataDir, 'settings.json');
    const newer = `${JSON.stringify({ version: 99, operatorId: 'someone', futureField: true })}\n`;
    await writeFile(file, newer);
    const result = await loginFromStdin(h, JSON.stringify(LOGIN));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('was written by a newer version of RoomCall');
    expect(result.stderr).not.toContain(SIM_SECRET_KEY);
    // Before: the keychain entry was saved, then the settings refused.
    expect(h.store.profiles()).toEqual([]);
    expect(h.sim.requests).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(newer);
  });

  it('a saved operator beyond visible ASCII (a hand-edited settings file): exit 2 before any request, login fixes it', async () => {
    const h = await harness();
    await writeFile(
      path.join(h.dataDir, 'settings.json'),
      `${JSON.stringify({ version: 1, operatorId: '张三\u202e' })}\n`,
    );
    const env = {
      WEMEET_BASE_URL: h.sim.baseUrl,
      WEMEET_APP_ID: SIM_APP_ID,
      WEMEET_SECRET_ID: SIM_SECRET_ID,
      WEMEET_SECRET_KEY: SIM_SECRET_KEY,
    };
    const rooms = await h.run(['rooms'], { env });
    expect(rooms.code).toBe(2);
    expect(rooms.stderr).toContain('The saved operator userid is not usable');
    expect(rooms.stderr).toContain('roomcall auth login');
    expect(h.sim.requests).toEqual([]);
    const login = await loginFromStdin(h, JSON.stringify(LOGIN));
    expect(login.code).toBe(0);
    expect((await h.run(['rooms'], { env })).code).toBe(0);
  });

  it('on a terminal: asks each field (the SecretKey hidden), empty SdkId means none', async () => {
    const h = await harness();
    const result = await h.run(['auth', 'login'], {
      env: noCredentials(h),
      tty: true,
      answers: [SIM_APP_ID, '', SIM_SECRET_ID, SIM_SECRET_KEY, 'tester1'],
    });
    expect(result.code).toBe(0);
    expect(result.questions).toEqual([
      'AppId: ',
      'SdkId (leave empty if Tencent assigned none): ',
      'SecretId: ',
      'SecretKey (not shown): ',
      'Operator userid: ',
    ]);
    expect(await h.store.get('default')).not.toHaveProperty('sdkId');
  });

  it('without a terminal and without --stdin: exit 2 pointing at --stdin', async () => {
    const h = await harness();
    const result = await h.run(['auth', 'login'], { env: noCredentials(h) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('roomcall auth login --stdin');
  });

  it('--profile saves under that profile, and commands use it only when asked', async () => {
    const h = await harness();
    const login = await h.run(['auth', 'login', '--stdin', '--profile', 'test'], {
      env: noCredentials(h),
      stdin: JSON.stringify(LOGIN),
    });
    expect(login.code).toBe(0);
    expect(h.store.profiles()).toEqual(['test']);
    expect((await h.run(['rooms'], { env: noCredentials(h) })).code).toBe(2);
    expect((await h.run(['rooms', '--profile', 'test'], { env: noCredentials(h) })).code).toBe(0);
    const bad = await h.run(['rooms', '--profile', '../x'], { env: noCredentials(h) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("'../x' is not a valid profile name");
  });

  it('says so when WEMEET_* variables will still take precedence', async () => {
    const h = await harness();
    const result = await h.run(['auth', 'login', '--stdin'], { stdin: JSON.stringify(LOGIN) });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'WEMEET_APP_ID, WEMEET_SECRET_ID, WEMEET_SECRET_KEY are set in this environment and take precedence over the keychain.',
    );
  });
});

describe('roomcall auth status', () => {
  it('keychain credentials: masked, with their source, and a live check', async () => {
    const h = await harness();
    await loginFromStdin(h, JSON.stringify(LOGIN));
    const result = await h.run(['auth', 'status'], { env: noCredentials(h) });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "Credentials: from the keychain (profile 'default')",
        '  AppId:     200000001',
        '  SdkId:     none',
        '  SecretId:  …PLE',
        '  SecretKey: set (never shown)',
        'Operator:    tester1 (from the settings file)',
        `Base URL:    ${h.sim.baseUrl} (from the environment)`,
        'Check:       OK: a signed request to Tencent Meeting succeeded (68 meetings in progress or upcoming).',
        '',
      ].join('\n'),
    );
  });

  it('environment credentials, --json', async () => {
    const h = await harness();
    const result = await h.run(['auth', 'status', '--json']);
    expect(result.code).toBe(0);
    expect(jsonOf(result)).toEqual({
      configured: true,
      source: 'environment',
      profile: null,
      app_id: SIM_APP_ID,
      sdk_id: null,
      secret_id_hint: '…PLE',
      operator_id: 'tester1',
      operator_source: 'environment',
      base_url: h.sim.baseUrl,
      base_url_source: 'environment',
      check: { ok: true },
    });
  });

  it('a failing check is explained in words with the server code: exit 1', async () => {
    const h = await harness();
    const result = await h.run(['auth', 'status'], { skewMs: -20 * 60_000 });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/Check:\s+FAILED: .*more than 5 minutes off.*error 190300/);
    expect(result.stdout).toContain("Fix this computer's clock");
    expect(result.stdout).toMatch(
      /This computer's clock said \d{4}-\d\d-\d\d \d\d:\d\d \S+, 20 minutes behind Tencent's\. Fix/,
    );
  });

  it('a wrong SecretKey: 200003 in words', async () => {
    const h = await harness();
    const result = await h.run(['auth', 'status', '--json'], {
      env: { ...h.env, WEMEET_SECRET_KEY: 'not-the-right-key' },
    });
    expect(result.code).toBe(1);
    expect(jsonOf(result)).toMatchObject({
      check: { ok: false, code: 200003, hint: expect.stringContaining('SecretKey') as string },
    });
  });

  it('nothing configured: says so, exit 2, nothing sent', async () => {
    const h = await harness();
    const result = await h.run(['auth', 'status'], { env: {} });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain("Credentials: none (keychain profile 'default' is empty");
    expect(result.stdout).toContain('Operator:    none');
    expect(result.stderr).toContain('roomcall auth login');
    expect(h.sim.requests).toEqual([]);
  });
});

describe('roomcall auth logout', () => {
  it('removes the keychain entry, and says when the environment still provides credentials', async () => {
    const h = await harness();
    await loginFromStdin(h, JSON.stringify(LOGIN));
    const result = await h.run(['auth', 'logout']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("Removed the credentials of profile 'default' from the keychain.\n");
    expect(result.stderr).toContain(
      'WEMEET_APP_ID, WEMEET_SECRET_ID, WEMEET_SECRET_KEY are still set',
    );
    expect(h.store.profiles()).toEqual([]);
    const again = await h.run(['auth', 'logout'], { env: {} });
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(
      "No credentials were stored in the keychain for profile 'default'.\n",
    );
    expect(again.stderr).toBe('');
  });
});

describe('the keychain unavailable', () => {
  function brokenStore(): CredentialStore {
    const fail = () =>
      Promise.reject(
        new KeychainUnavailableError('no-service', 'linux', 'Cannot autolaunch D-Bus'),
      );
    return { get: fail, set: fail, delete: fail };
  }

  it('a command needing credentials: a clear message, exit 1, never a fallback', async () => {
    const h = await harness();
    const { runCli } = await import('../../main/cli/run');
    let stderr = '';
    const code = await runCli(['rooms'], {
      env: { WEMEET_BASE_URL: h.sim.baseUrl },
      stdout: { write: () => undefined, isTTY: false },
      stderr: { write: (text) => (stderr += text), isTTY: false },
      stdin: { isTTY: false, chunks: (async function* () {})() },
      fetch: (input, init) => fetch(input, init),
      clock: { now: () => Date.now(), sleep: () => Promise.resolve() },
      credentialStore: brokenStore,
      dataDir: h.dataDir,
      prompt: { ask: () => Promise.resolve(null), askHidden: () => Promise.resolve(null) },
      onInterrupt: () => () => undefined,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('no Secret Service is running');
    expect(stderr).toContain('WEMEET_APP_ID, WEMEET_SECRET_ID and WEMEET_SECRET_KEY');
    expect(h.sim.requests).toEqual([]);
  });
});
