/**
 * The managed configuration's rules that the app and the `roomcall` CLI share, as pure core
 * functions: the effective settings (environment > managed locks > the user's file > managed
 * defaults), why a key is locked, which credential changes a lock refuses, and the list of
 * the person's own favourites followed by the organisation's, with their ids.
 */
import { describe, expect, it } from 'vitest';
import {
  effectiveSettings,
  lockReason,
  refusedCredentialChanges,
} from '../../main/core/managed/effective-settings';
import { parseManagedConfig, type ManagedConfig } from '../../main/core/managed/managed-config';
import {
  listFavorites,
  managedFavoriteId,
  MANAGED_FAVORITE_PREFIX,
} from '../../main/core/managed/managed-favorites';
import { defaultSettings, type Settings } from '../../main/shared/model/settings-schema';
import type { Favorite } from '../../main/shared/model/favorites-schema';

function managed(raw: object): ManagedConfig {
  const parsed = parseManagedConfig(raw, { username: 'JSmith' });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

const user: Settings = {
  ...defaultSettings(),
  baseUrl: 'https://user.example.com',
  operatorId: 'mine',
  pollIntervalMs: 3000,
};

describe('effectiveSettings', () => {
  it('without a managed file or variables: the user file as it is, nothing locked', () => {
    expect(effectiveSettings(user, null, {})).toEqual({
      settings: user,
      locked: [],
      fromEnvironment: [],
    });
    expect(effectiveSettings(null, null, {}).settings).toEqual(defaultSettings());
  });

  it('managed defaults pre-fill only a person without a settings file; locks always win', () => {
    const config = managed({
      settings: { baseUrl: 'https://org.example.com', pollIntervalMs: 5000 },
      operatorIdPattern: '{username:lower}',
      locked: ['pollIntervalMs'],
    });
    const fresh = effectiveSettings(null, config, {});
    expect(fresh.settings).toMatchObject({
      baseUrl: 'https://org.example.com',
      pollIntervalMs: 5000,
      operatorId: 'jsmith',
    });
    const existing = effectiveSettings(user, config, {});
    expect(existing.settings).toMatchObject({
      baseUrl: 'https://user.example.com',
      pollIntervalMs: 5000,
      operatorId: 'mine',
    });
    expect(existing.locked).toEqual(['pollIntervalMs']);
    // An operator the user has not set comes from the pattern.
    expect(effectiveSettings({ ...user, operatorId: null }, config, {}).settings.operatorId).toBe(
      'jsmith',
    );
  });

  it('the WEMEET_* variables win over managed locks, and are listed as locked', () => {
    const config = managed({
      settings: { baseUrl: 'https://org.example.com' },
      operatorIdPattern: 'org-op',
      locked: ['baseUrl', 'operatorId'],
    });
    const result = effectiveSettings(user, config, {
      WEMEET_BASE_URL: 'http://127.0.0.1:8080',
      WEMEET_OPERATOR_ID: 'robot',
    });
    expect(result.settings).toMatchObject({
      baseUrl: 'http://127.0.0.1:8080',
      operatorId: 'robot',
    });
    expect(result.fromEnvironment).toEqual(['baseUrl', 'operatorId']);
    expect(result.locked).toEqual(['baseUrl', 'operatorId']);
  });

  it('lockReason names the variable or the organisation', () => {
    expect(lockReason('baseUrl', ['baseUrl'])).toBe(
      'baseUrl is set by the WEMEET_BASE_URL environment variable',
    );
    expect(lockReason('operatorId', ['operatorId'])).toBe(
      'operatorId is set by the WEMEET_OPERATOR_ID environment variable',
    );
    expect(lockReason('appId', [])).toBe('appId is set by your organisation');
  });
});

describe('refusedCredentialChanges', () => {
  const config = managed({
    appId: '211000000',
    sdkId: '18000000000',
    operatorIdPattern: 'org-op',
    locked: ['appId', 'sdkId', 'operatorId'],
  });
  const current = effectiveSettings(user, config, {});

  it("accepts the organisation's own values, refuses others", () => {
    expect(
      refusedCredentialChanges(current, config, {
        appId: '211000000',
        sdkId: '18000000000',
        operatorId: 'org-op',
      }),
    ).toEqual([]);
    expect(
      refusedCredentialChanges(current, config, { appId: '1', sdkId: null, operatorId: 'x' }),
    ).toEqual(['appId', 'sdkId', 'operatorId']);
  });

  it('refuses nothing without locks; an empty SdkId is none', () => {
    const open = managed({ appId: '211000000', sdkId: '18000000000' });
    expect(
      refusedCredentialChanges(effectiveSettings(user, open, {}), open, {
        appId: '1',
        sdkId: '',
        operatorId: 'other',
      }),
    ).toEqual([]);
    const noSdk = managed({ appId: '2', locked: ['appId'] });
    expect(
      refusedCredentialChanges(effectiveSettings(user, noSdk, {}), noSdk, {
        appId: '2',
        sdkId: '',
        operatorId: 'mine',
      }),
    ).toEqual([]);
  });
});

describe('listFavorites', () => {
  const desk = (id: string): Favorite => ({
    id,
    kind: 'mra',
    protocol: 'sip',
    dialString: 'desk@vc.example.com',
    label: 'Desk',
  });
  const everest = (id: string): Favorite => ({
    id,
    kind: 'room',
    meetingRoomId: '1234567890',
    name: 'Everest',
    location: '18F',
    label: null,
  });
  const own: Favorite[] = [desk('a1b2'), everest('c3d4')];
  const config = managed({
    favorites: [
      { meetingRoomId: '1234567890', name: 'Everest (org)' },
      { protocol: 'h323', dialString: '+861012345678', label: 'Gateway' },
      { protocol: 'sip', dialString: 'lab@vc.example.com', label: 'Lab' },
    ],
  });

  it("own first (managed: false), then the organisation's (managed: true), a shared one once as theirs", () => {
    const listed = listFavorites(own, config);
    expect(listed.map((item) => [item.id, item.managed])).toEqual([
      ['a1b2', false],
      ['c3d4', false],
      ['org-2', true],
      ['org-3', true],
    ]);
    expect(listed[1]).toEqual({ ...everest('c3d4'), managed: false });
    expect(listed[2]).toMatchObject({ kind: 'mra', protocol: 'h323', label: 'Gateway' });
  });

  it('without a managed configuration: the own ones, flagged', () => {
    expect(listFavorites(own, null)).toEqual(own.map((item) => ({ ...item, managed: false })));
    expect(listFavorites([], null)).toEqual([]);
  });

  it("steps the organisation's ids aside from a hand-edited own id", () => {
    const edited = [desk('org-2'), everest('org-3-2')];
    const ids = listFavorites(edited, config).map((item) => item.id);
    expect(ids).toEqual(['org-2', 'org-3-2', 'org-2-2', 'org-3']);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('managedFavoriteId: org-N, then org-N-2, org-N-3…', () => {
    expect(MANAGED_FAVORITE_PREFIX).toBe('org-');
    expect(managedFavoriteId(0, new Set())).toBe('org-1');
    expect(managedFavoriteId(0, new Set(['org-1', 'org-1-2']))).toBe('org-1-3');
  });
});
