import { describe, expect, it } from 'vitest';
import {
  InvalidCredentialsError,
  InvalidProfileNameError,
  MalformedCredentialsError,
  parseStoredCredentials,
  serializeCredentials,
  type StoredCredentials,
} from '../../main/core/secrets/credential-store';
import { createMemoryStore } from '../../main/core/secrets/memory-store';

const alice: StoredCredentials = {
  appId: '200000001',
  sdkId: '28370276340',
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
};
const SECRETS = [alice.secretId, alice.secretKey];

function expectNoSecret(error: unknown): void {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

describe('the memory credential store', () => {
  it('round-trips, deletes, and returns copies', async () => {
    const store = createMemoryStore();
    expect(await store.get('default')).toBeNull();
    await store.set('default', alice);
    const read = await store.get('default');
    expect(read).toEqual(alice);
    expect(read).not.toBe(alice);
    expect(await store.delete('default')).toBe(true);
    expect(await store.delete('default')).toBe(false);
    expect(await store.get('default')).toBeNull();
  });

  it('keeps profiles apart', async () => {
    const store = createMemoryStore({ work: alice });
    const bob = { appId: '2', secretId: alice.secretId, secretKey: 'another-key-123' };
    await store.set('lab', bob);
    expect(await store.get('work')).toEqual(alice);
    expect(await store.get('lab')).toEqual(bob);
    expect(await store.get('lab')).not.toHaveProperty('sdkId');
    expect(store.profiles()).toEqual(['lab', 'work']);
  });

  it('keeps every visible ASCII character as it is (punctuation included)', async () => {
    const store = createMemoryStore();
    const value = {
      appId: '211!~',
      secretId: 'AKID"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}',
      secretKey: 'k',
    };
    await store.set('default', value);
    expect(await store.get('default')).toEqual(value);
  });

  it('reads back an entry with non-ASCII text (an older version stored it) as malformed', () => {
    const raw = JSON.stringify({ appId: '应用-1', secretId: 'ÄKID-ключ', secretKey: 'x' });
    const error: unknown = (() => {
      try {
        return parseStoredCredentials('default', raw);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MalformedCredentialsError);
    expect((error as Error).message).toMatch(/AppId, SecretId are missing or invalid/);
    expect((error as Error).message).not.toContain('ключ');
  });

  it.each(['', '-lead', 'a/b', '../x', 'x'.repeat(65), 'with space'])(
    'refuses the profile name %j as a rejection',
    async (profile) => {
      const store = createMemoryStore();
      await expect(store.get(profile)).rejects.toBeInstanceOf(InvalidProfileNameError);
      await expect(store.set(profile, alice)).rejects.toBeInstanceOf(InvalidProfileNameError);
      await expect(store.delete(profile)).rejects.toBeInstanceOf(InvalidProfileNameError);
    },
  );

  it.each<[string, StoredCredentials, string]>([
    ['an empty SecretKey', { ...alice, secretKey: '' }, 'SecretKey'],
    ['a line break in the SecretId', { ...alice, secretId: `${alice.secretId}\n` }, 'SecretId'],
    ['an empty SdkId', { ...alice, sdkId: '' }, 'SdkId'],
    // Issue 15: these reached fetch and came back as a network error, or were sent.
    [
      'non-Latin-1 text in the SecretId',
      { ...alice, secretId: `${alice.secretId}ключ` },
      'SecretId',
    ],
    ['Latin-1 text in the AppId', { ...alice, appId: 'Äpp' }, 'AppId'],
    ['a C1 control (U+0085) in the SecretKey', { ...alice, secretKey: `a\u0085b` }, 'SecretKey'],
    ['a DEL in the SdkId', { ...alice, sdkId: 'sdk\u007f' }, 'SdkId'],
    ['a space inside the SecretKey', { ...alice, secretKey: 'ab cd' }, 'SecretKey'],
    ['a bidi control in the SecretId', { ...alice, secretId: '\u202eAKID' }, 'SecretId'],
    ['1,025 characters', { ...alice, secretKey: 'k'.repeat(1025) }, 'SecretKey'],
  ])('refuses %s, naming the field and not the value', async (_, value, field) => {
    const store = createMemoryStore();
    const error: unknown = await store.set('default', value).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidCredentialsError);
    expect((error as Error).message).toContain(field);
    expectNoSecret(error);
    expect(await store.get('default')).toBeNull();
  });

  it.each([
    ['not JSON', `{"secretKey":"${alice.secretKey}"`, /not a JSON document/],
    ['not an object', JSON.stringify([alice.secretKey]), /not a JSON object/],
    [
      'missing the SecretKey',
      JSON.stringify({ appId: '1', secretId: alice.secretId }),
      /SecretKey is missing or invalid/,
    ],
    [
      'a SecretKey of the wrong type',
      JSON.stringify({ ...alice, secretKey: 123456789 }),
      /SecretKey is missing or invalid/,
    ],
  ])('reports an entry that is %s as malformed, without its content', async (_, raw, message) => {
    const store = createMemoryStore();
    store.putRaw('broken', raw);
    const error: unknown = await store.get('broken').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MalformedCredentialsError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/roomcall auth login --profile broken/);
    expectNoSecret(error);
  });
});

describe('serializeCredentials', () => {
  it('writes a fixed key order and leaves out a missing SdkId', () => {
    expect(serializeCredentials({ secretKey: 'k'.repeat(8), appId: 'a', secretId: 'i' })).toBe(
      '{"appId":"a","secretId":"i","secretKey":"kkkkkkkk"}',
    );
    expect(parseStoredCredentials('p', serializeCredentials(alice))).toEqual(alice);
  });

  it('ignores fields a later version may add', () => {
    expect(parseStoredCredentials('p', JSON.stringify({ ...alice, region: 'cn' }))).toEqual(alice);
  });
});
