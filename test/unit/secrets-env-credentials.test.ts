import { describe, expect, it } from 'vitest';
import type { CredentialStore } from '../../main/core/secrets/credential-store';
import {
  EnvironmentError,
  readEnvCredentials,
  readEnvSettings,
  resolveCredentials,
  withEnvSettings,
} from '../../main/core/secrets/env-credentials';
import { createMemoryStore } from '../../main/core/secrets/memory-store';
import { defaultSettings } from '../../main/shared/model/settings-schema';

const full = {
  WEMEET_APP_ID: '200000001',
  WEMEET_SECRET_ID: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  WEMEET_SECRET_KEY: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
};
const fromEnv = {
  appId: '200000001',
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
};
const stored = { appId: '9', secretId: 'stored-id-123', secretKey: 'stored-key-456' };

/** A store that must not be asked: the environment takes precedence over the keychain. */
const untouchable: CredentialStore = {
  get: () => Promise.reject(new Error('the keychain was consulted')),
  set: () => Promise.reject(new Error('the keychain was consulted')),
  delete: () => Promise.reject(new Error('the keychain was consulted')),
};

function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('readEnvCredentials', () => {
  it('gives nothing when no variable is set (or all are empty)', () => {
    expect(readEnvCredentials({})).toBeNull();
    expect(readEnvCredentials({ WEMEET_APP_ID: '', WEMEET_SECRET_KEY: '' })).toBeNull();
  });

  it('reads a complete set, with or without an SdkId', () => {
    expect(readEnvCredentials(full)).toEqual(fromEnv);
    expect(readEnvCredentials({ ...full, WEMEET_SDK_ID: '283' })).toEqual({
      ...fromEnv,
      sdkId: '283',
    });
  });

  it.each([
    [{ WEMEET_APP_ID: '1' }, ['WEMEET_SECRET_ID', 'WEMEET_SECRET_KEY']],
    [{ ...full, WEMEET_SECRET_KEY: '' }, ['WEMEET_SECRET_KEY']],
    [{ WEMEET_SDK_ID: '283' }, ['WEMEET_APP_ID', 'WEMEET_SECRET_ID', 'WEMEET_SECRET_KEY']],
  ])('names the missing variables of a partial set: %j', (env, missing) => {
    const error = thrown(() => readEnvCredentials(env));
    if (!(error instanceof EnvironmentError)) throw error;
    expect(error.variables).toEqual(missing);
    for (const name of missing) expect(error.message).toContain(name);
    expect(error.message).not.toContain(full.WEMEET_SECRET_KEY);
  });

  it('names a variable with a line break, not its value', () => {
    const error = thrown(() =>
      readEnvCredentials({ ...full, WEMEET_SECRET_KEY: `${full.WEMEET_SECRET_KEY}\n` }),
    );
    expect(error.message).toContain('WEMEET_SECRET_KEY');
    expect(error.message).not.toContain(full.WEMEET_SECRET_KEY);
  });

  it.each([
    ['WEMEET_SECRET_ID', 'AKIDключ'],
    ['WEMEET_APP_ID', '2000é'],
    ['WEMEET_SECRET_KEY', 'key\u0085'],
    ['WEMEET_SDK_ID', 'sdk id'],
  ])('refuses %s with text beyond visible ASCII as bad input, naming only it', (name, bad) => {
    const error = thrown(() => readEnvCredentials({ ...full, [name]: bad }));
    if (!(error instanceof EnvironmentError)) throw error;
    expect(error.variables).toEqual([name]);
    expect(error.message).toContain('only visible ASCII characters');
    expect(error.message).not.toContain(bad);
  });
});

describe('resolveCredentials', () => {
  it('prefers the environment and does not touch the keychain', async () => {
    expect(await resolveCredentials({ env: full, store: untouchable, profile: 'default' })).toEqual(
      {
        credentials: fromEnv,
        source: 'environment',
        profile: null,
      },
    );
  });

  it('falls back to the profile’s keychain entry', async () => {
    const store = createMemoryStore({ work: stored });
    expect(await resolveCredentials({ env: {}, store, profile: 'work' })).toEqual({
      credentials: stored,
      source: 'keychain',
      profile: 'work',
    });
    expect(await resolveCredentials({ env: {}, store, profile: 'default' })).toBeNull();
  });

  it('fails on a partial environment rather than mixing it with the keychain', async () => {
    const store = createMemoryStore({ default: stored });
    await expect(
      resolveCredentials({ env: { WEMEET_SECRET_KEY: 'x'.repeat(10) }, store, profile: 'default' }),
    ).rejects.toBeInstanceOf(EnvironmentError);
  });
});

describe('settings from the environment', () => {
  it('reads and validates WEMEET_BASE_URL and WEMEET_OPERATOR_ID', () => {
    expect(readEnvSettings({})).toEqual({});
    expect(
      readEnvSettings({ WEMEET_BASE_URL: 'http://127.0.0.1:8080', WEMEET_OPERATOR_ID: 'alice' }),
    ).toEqual({ baseUrl: 'http://127.0.0.1:8080', operatorId: 'alice' });
    expect(() => readEnvSettings({ WEMEET_BASE_URL: 'api.meeting.qq.com' })).toThrow(
      /WEMEET_BASE_URL: expected an https URL/,
    );
    // Plain http off this machine would carry the SecretId and signatures in clear text.
    expect(() => readEnvSettings({ WEMEET_BASE_URL: 'http://example.com' })).toThrow(
      /WEMEET_BASE_URL: must start with https:\/\/ .*SecretId .*clear text/,
    );
    expect(readEnvSettings({ WEMEET_BASE_URL: 'http://localhost:8787' })).toEqual({
      baseUrl: 'http://localhost:8787',
    });
    expect(() => readEnvSettings({ WEMEET_OPERATOR_ID: 'a\tb' })).toThrow(/WEMEET_OPERATOR_ID/);
    for (const operator of ['张三', 'a\u0085', 'a b', '\u202ealice']) {
      expect(() => readEnvSettings({ WEMEET_OPERATOR_ID: operator })).toThrow(
        /WEMEET_OPERATOR_ID is not a usable userid: 1-128 characters, only visible ASCII/,
      );
    }
  });

  it('overrides the settings file and says which fields came from the environment', () => {
    const settings = { ...defaultSettings(), operatorId: 'from-file' };
    expect(withEnvSettings(settings, { WEMEET_OPERATOR_ID: 'from-env' })).toEqual({
      settings: { ...settings, operatorId: 'from-env' },
      fromEnvironment: ['operatorId'],
    });
    expect(withEnvSettings(settings, {})).toEqual({ settings, fromEnvironment: [] });
  });
});
