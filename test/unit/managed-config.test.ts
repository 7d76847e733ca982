import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyManagedSettings,
  isLocked,
  lockedChange,
  resolveUpdateFeedUrl,
} from '../../main/core/managed/apply-managed';
import { loadManagedConfig, type ManagedLoad } from '../../main/core/managed/load-managed';
import {
  findSecretKeys,
  parseManagedConfig,
  type ManagedConfig,
} from '../../main/core/managed/managed-config';
import { expandOperatorPattern } from '../../main/core/managed/operator-pattern';
import { managedConfigPath } from '../../main/core/managed/paths';
import { defaultSettings } from '../../main/shared/model/settings-schema';

const posix = process.platform !== 'win32';

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'roomcall-managed-'));
  file = path.join(dir, 'managed.json');
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(content: unknown, username = 'JSmith'): Promise<ManagedLoad> {
  await writeFile(file, typeof content === 'string' ? content : JSON.stringify(content), {
    mode: 0o644,
  });
  return loadManagedConfig({ file, username });
}

function expectInvalid(result: ManagedLoad): string {
  expect(result.status).toBe('invalid');
  if (result.status !== 'invalid') throw new Error('unreachable');
  expect(result.message).toContain(file);
  expect(result.message).toContain('was not applied');
  return result.message;
}

function expectOk(result: ManagedLoad): ManagedConfig {
  if (result.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.config;
}

const fullExample = {
  version: 1,
  settings: { baseUrl: 'https://meeting.corp.example/api', language: 'zh-CN' },
  operatorIdPattern: '{username:lower}',
  appId: '200000001',
  sdkId: '18000000',
  favorites: [
    { kind: 'room', meetingRoomId: '6734900105', name: 'Everest', label: 'Board room' },
    { protocol: 'sip', dialString: 'room-12@sip.corp.example' },
  ],
  updateFeedUrl: 'https://updates.corp.example/roomcall/',
  locked: ['baseUrl', 'appId', 'operatorId', 'updateFeedUrl'],
};

describe('managedConfigPath', () => {
  it('is the documented machine-wide path on each OS', () => {
    expect(managedConfigPath({ env: {}, platform: 'darwin' })).toBe(
      '/Library/Application Support/RoomCall/managed.json',
    );
    expect(managedConfigPath({ env: {}, platform: 'linux' })).toBe('/etc/roomcall/managed.json');
    expect(managedConfigPath({ env: { ProgramData: 'D:\\ProgramData' }, platform: 'win32' })).toBe(
      'D:\\ProgramData\\RoomCall\\managed.json',
    );
    expect(managedConfigPath({ env: {}, platform: 'win32' })).toBe(
      'C:\\ProgramData\\RoomCall\\managed.json',
    );
  });

  it('is overridden by ROOMCALL_MANAGED_CONFIG, and an empty override is ignored', () => {
    expect(
      managedConfigPath({
        env: { ROOMCALL_MANAGED_CONFIG: '/tmp/x/managed.json' },
        platform: 'linux',
      }),
    ).toBe('/tmp/x/managed.json');
    expect(managedConfigPath({ env: { ROOMCALL_MANAGED_CONFIG: '' }, platform: 'linux' })).toBe(
      '/etc/roomcall/managed.json',
    );
  });

  it('is where loadManagedConfig looks when no file is given', async () => {
    const result = await loadManagedConfig({
      context: { env: { ROOMCALL_MANAGED_CONFIG: file }, platform: process.platform },
    });
    expect(result).toEqual({ status: 'absent', file });
  });
});

describe('loadManagedConfig', () => {
  it('reports a missing file as no managed configuration', async () => {
    expect(await loadManagedConfig({ file })).toEqual({ status: 'absent', file });
  });

  it('reads a complete file: settings, expanded operator, ids, favourites, feed and locks', async () => {
    const config = expectOk(await load(fullExample));
    expect(config.settings).toEqual({
      baseUrl: 'https://meeting.corp.example/api',
      language: 'zh-CN',
      operatorId: 'jsmith',
    });
    expect(config.appId).toBe('200000001');
    expect(config.sdkId).toBe('18000000');
    expect(config.operatorIdPattern).toBe('{username:lower}');
    expect(config.updateFeedUrl).toBe('https://updates.corp.example/roomcall/');
    expect([...config.locked].sort()).toEqual(['appId', 'baseUrl', 'operatorId', 'updateFeedUrl']);
    expect(config.favorites).toEqual([
      {
        kind: 'room',
        meetingRoomId: '6734900105',
        name: 'Everest',
        location: '',
        label: 'Board room',
      },
      { kind: 'mra', protocol: 'sip', dialString: 'room-12@sip.corp.example', label: null },
    ]);
    expect(config.userProblems).toEqual([]);
  });

  it('accepts an empty object: a managed file that sets nothing', async () => {
    const config = expectOk(await load({}));
    expect(config.settings).toEqual({});
    expect(config.locked.size).toBe(0);
    expect(config.updateFeedUrl).toBeNull();
  });

  it('does not turn settings the file leaves out into defaults', async () => {
    const config = expectOk(await load({ settings: { launchAtLogin: true } }));
    expect(config.settings).toEqual({ launchAtLogin: true });
  });

  it('reports malformed JSON without applying anything', async () => {
    const message = expectInvalid(await load('{ "settings": { "baseUrl": "https://x.example" '));
    expect(message).toContain('not valid JSON');
  });

  it('reports text that is not UTF-8', async () => {
    await writeFile(file, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { mode: 0o644 });
    expect(expectInvalid(await loadManagedConfig({ file }))).toContain('not UTF-8');
  });

  it('reports a JSON value that is not an object', async () => {
    expect(expectInvalid(await load('[1, 2]'))).toContain('the file must hold one JSON object');
  });

  it('reports a folder in the file’s place', async () => {
    await mkdir(file);
    expect(expectInvalid(await loadManagedConfig({ file }))).toContain('could not be read');
  });

  it('refuses a file that contains secrets, naming the fields but never the values', async () => {
    const message = expectInvalid(
      await load({
        appId: '200000001',
        SecretId: 'AKIDsupersecretid',
        settings: { secret_key: 'supersecretkeyvalue' },
      }),
    );
    expect(message).toContain('SecretId');
    expect(message).toContain('settings.secret_key');
    expect(message).toContain('keychain');
    expect(message).not.toContain('supersecret');
    expect(message).not.toContain('AKID');
  });

  it('finds secret-looking keys at any depth, whatever their spelling', () => {
    expect(
      findSecretKeys({
        a: [{ SECRETKEY: 1 }],
        b: { 'Secret-Id': 2 },
        password: 3,
        ok: { appId: 4 },
      }),
    ).toEqual(['a[0].SECRETKEY', 'b.Secret-Id', 'password']);
  });

  it('refuses an unknown lock key, saying which entry and what can be locked', async () => {
    const message = expectInvalid(
      await load({ settings: { baseUrl: 'https://x.example' }, locked: ['baseUrl', 'colour'] }),
    );
    expect(message).toContain("locked[1]: 'colour' is not a setting that can be locked");
    expect(message).toContain('baseUrl');
    expect(message).toContain('updateFeedUrl');
  });

  it('refuses a lock on a value the file does not give', async () => {
    const message = expectInvalid(await load({ locked: ['baseUrl', 'operatorId'] }));
    expect(message).toContain("locked[0]: 'baseUrl' is locked but the file gives it no value");
    expect(message).toContain('set settings.baseUrl');
    expect(message).toContain('set operatorIdPattern');
  });

  it('refuses unknown fields (a typo must not be silently ignored)', async () => {
    const message = expectInvalid(await load({ baseURL: 'https://x.example' }));
    expect(message).toContain('unknown field "baseURL" (check the spelling');
  });

  it('refuses operatorId in settings: the per-user value comes from operatorIdPattern', async () => {
    expect(expectInvalid(await load({ settings: { operatorId: 'alice' } }))).toContain(
      'settings: unknown field "operatorId" (give operatorIdPattern at the top level instead)',
    );
  });

  it('reports a bad value with its path and the rule', async () => {
    const message = expectInvalid(
      await load({ settings: { baseUrl: 'ftp://x.example', pollIntervalMs: 10 } }),
    );
    expect(message).toContain('settings.baseUrl: expected an https URL');
    expect(message).toContain('settings.pollIntervalMs');
  });

  it('refuses a plain-http base URL off this machine as invalid, saying why', async () => {
    const message = expectInvalid(
      await load({ settings: { baseUrl: 'http://wemeet.corp.example' } }),
    );
    expect(message).toContain('settings.baseUrl: must start with https://');
    expect(message).toContain('SecretId and every request signature would travel in clear text');
  });

  it('never half-applies: one bad favourite rejects the whole file', async () => {
    const message = expectInvalid(
      await load({
        settings: { baseUrl: 'https://meeting.corp.example' },
        favorites: [
          { kind: 'room', meetingRoomId: '1' },
          { kind: 'mra', protocol: 'fax' },
        ],
      }),
    );
    expect(message).toContain('favorites[1]');
  });

  it('refuses two favourites that call the same thing', async () => {
    const message = expectInvalid(
      await load({
        favorites: [
          { protocol: 'sip', dialString: 'room@sip.corp.example' },
          { protocol: 'sip', dialString: 'sip:room@sip.corp.example' },
        ],
      }),
    );
    expect(message).toContain('favorites[1]: calls the same as favorites[0]');
  });

  it('accepts only an https update feed', async () => {
    expect(expectInvalid(await load({ updateFeedUrl: 'http://updates.corp.example/' }))).toContain(
      'updateFeedUrl: expected an https URL',
    );
  });

  it('refuses a file written for a newer format', async () => {
    expect(expectInvalid(await load({ version: 2 }))).toContain('version');
  });

  it('refuses an operator pattern with an unknown placeholder', async () => {
    expect(expectInvalid(await load({ operatorIdPattern: '{email}' }))).toContain(
      'operatorIdPattern: unknown placeholder {email}',
    );
  });

  it.runIf(posix)('refuses a file other users can write to', async () => {
    await writeFile(file, JSON.stringify(fullExample));
    await chmod(file, 0o666);
    expect(expectInvalid(await loadManagedConfig({ file }))).toContain(
      'writable by its owner only',
    );
  });
});

describe('operator userid pattern', () => {
  it('expands {username} as is and {username:lower} in lower case', () => {
    expect(expandOperatorPattern('{username}', 'JSmith')).toEqual({ ok: true, value: 'JSmith' });
    expect(expandOperatorPattern('{username:lower}@corp', 'JSmith')).toEqual({
      ok: true,
      value: 'jsmith@corp',
    });
    expect(expandOperatorPattern('meeting-admin', 'JSmith')).toEqual({
      ok: true,
      value: 'meeting-admin',
    });
  });

  it('rejects unknown placeholders and unpaired braces', () => {
    expect(expandOperatorPattern('{user}', 'a').ok).toBe(false);
    expect(expandOperatorPattern('{username', 'a').ok).toBe(false);
  });

  it('keeps the file valid but tells this user when their name gives no valid userid', async () => {
    const config = expectOk(
      await load({ operatorIdPattern: '{username}', locked: ['operatorId'] }, ' bad name'),
    );
    expect(config.settings.operatorId).toBeUndefined();
    expect(config.userProblems).toHaveLength(1);
    expect(config.userProblems[0]).toContain('not a valid userid');
    expect(isLocked(config, 'operatorId')).toBe(true);
  });

  it('says so when the OS user name is unknown', () => {
    const result = expandOperatorPattern('{username}', '');
    expect(result.ok).toBe(false);
  });
});

describe('applying managed values', () => {
  function managed(raw: unknown): ManagedConfig {
    const parsed = parseManagedConfig(raw, { username: 'JSmith' });
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.value;
  }

  it('changes nothing without a managed configuration', () => {
    const user = { ...defaultSettings(), language: 'en' as const };
    expect(applyManagedSettings(user, null)).toEqual(user);
    expect(applyManagedSettings(null, null)).toEqual(defaultSettings());
  });

  it('pre-fills a new user with every managed value', () => {
    const config = managed({
      settings: { baseUrl: 'https://meeting.corp.example', launchAtLogin: true },
      operatorIdPattern: '{username:lower}',
    });
    expect(applyManagedSettings(null, config)).toEqual({
      ...defaultSettings(),
      baseUrl: 'https://meeting.corp.example',
      launchAtLogin: true,
      operatorId: 'jsmith',
    });
  });

  it('keeps an existing user’s choices except where locked, and fills an unset operator', () => {
    const config = managed({
      settings: { baseUrl: 'https://meeting.corp.example', launchAtLogin: true },
      operatorIdPattern: '{username:lower}',
      locked: ['baseUrl'],
    });
    const user = {
      ...defaultSettings(),
      baseUrl: 'https://elsewhere.example',
      launchAtLogin: false,
    };
    expect(applyManagedSettings(user, config)).toEqual({
      ...user,
      baseUrl: 'https://meeting.corp.example',
      operatorId: 'jsmith',
    });
    const named = { ...user, operatorId: 'alice' };
    expect(applyManagedSettings(named, config).operatorId).toBe('alice');
  });

  it('forces a locked operator over the user’s own', () => {
    const config = managed({ operatorIdPattern: '{username}', locked: ['operatorId'] });
    const user = { ...defaultSettings(), operatorId: 'alice' };
    expect(applyManagedSettings(user, config).operatorId).toBe('JSmith');
  });

  it('refuses a change to a locked setting with a sentence for the user', () => {
    const config = managed({
      settings: { baseUrl: 'https://meeting.corp.example' },
      appId: '1',
      locked: ['baseUrl', 'appId'],
    });
    expect(lockedChange(config, { language: 'en' })).toBeNull();
    expect(lockedChange(config, { baseUrl: 'https://x.example' })).toBe(
      'baseUrl is set by your organisation and cannot be changed here.',
    );
    expect(lockedChange(config, { baseUrl: 'x', appId: 'y' })).toContain('are set by');
    expect(lockedChange(null, { baseUrl: 'x' })).toBeNull();
  });

  it('resolves the update feed: locked managed, else the user’s, else managed, else off', () => {
    const unlocked = managed({ updateFeedUrl: 'https://it.example/feed/' });
    const locked = managed({
      updateFeedUrl: 'https://it.example/feed/',
      locked: ['updateFeedUrl'],
    });
    expect(resolveUpdateFeedUrl(null, null)).toBeNull();
    expect(resolveUpdateFeedUrl(null, 'https://mine.example/')).toBe('https://mine.example/');
    expect(resolveUpdateFeedUrl(unlocked, null)).toBe('https://it.example/feed/');
    expect(resolveUpdateFeedUrl(unlocked, 'https://mine.example/')).toBe('https://mine.example/');
    expect(resolveUpdateFeedUrl(locked, 'https://mine.example/')).toBe('https://it.example/feed/');
  });
});
