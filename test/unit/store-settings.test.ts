import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { InvalidChangeError } from '../../main/core/store/document-errors';
import { type StoreWarning } from '../../main/core/store/store-warning';
import { openSettings, SETTINGS_VERSION, settingsMigrations } from '../../main/core/store/settings';
import { collectWarnings, useTempDir } from '../helpers/temp-dir';
import { defaultSettings } from '../../main/shared/model/settings-schema';

describe('settings', () => {
  const dir = useTempDir();
  const open = (onWarning: (warning: StoreWarning) => void = () => undefined) =>
    openSettings({ dir: dir(), onWarning });

  it('has sensible defaults', async () => {
    expect(defaultSettings()).toEqual({
      operatorId: null,
      baseUrl: 'https://api.meeting.qq.com',
      language: 'system',
      launchAtLogin: false,
      globalShortcut: null,
      pollIntervalMs: 2000,
      meetingRefreshMs: 60000,
      meetingIdEncoding: 'string',
      profile: 'default',
      relayUrl: null,
    });
    expect((await open().load()).value).toEqual(defaultSettings());
  });

  it('saves a patch over what is there and reads it back', async () => {
    const store = open();
    await store.update({ operatorId: 'alice', language: 'zh-CN' });
    await store.update({ globalShortcut: 'CommandOrControl+Shift+R', pollIntervalMs: 1500 });
    const { value } = await open().load();
    expect(value).toEqual({
      ...defaultSettings(),
      operatorId: 'alice',
      language: 'zh-CN',
      globalShortcut: 'CommandOrControl+Shift+R',
      pollIntervalMs: 1500,
    });
    expect(JSON.parse(await readFile(store.file, 'utf8'))).toMatchObject({
      version: SETTINGS_VERSION,
      operatorId: 'alice',
    });
  });

  it('ignores keys given as undefined instead of resetting them to their defaults', async () => {
    const store = open();
    await store.update({ operatorId: 'alice', pollIntervalMs: 1500 });
    expect(await store.update({ operatorId: undefined, language: 'en' })).toMatchObject({
      operatorId: 'alice',
      pollIntervalMs: 1500,
      language: 'en',
    });
  });

  it('fills fields missing from an older or hand-written file with defaults', async () => {
    const store = open();
    await writeFile(store.file, JSON.stringify({ version: 1, operatorId: 'bob' }));
    expect((await store.load()).value).toEqual({ ...defaultSettings(), operatorId: 'bob' });
  });

  it.each([
    ['a base URL that is not http(s)', { baseUrl: 'ftp://example.com' }],
    ['a poll interval below 500 ms', { pollIntervalMs: 10 }],
    ['an operator id with a line break', { operatorId: 'alice\nbob' }],
    ['an operator id with surrounding spaces', { operatorId: ' alice' }],
    ['a profile name with a slash', { profile: '../etc' }],
  ])('refuses %s and keeps the file as it was', async (_, patch) => {
    const store = open();
    await store.update({ operatorId: 'alice' });
    const before = await readFile(store.file, 'utf8');
    await expect(store.update(patch)).rejects.toBeInstanceOf(InvalidChangeError);
    expect(await readFile(store.file, 'utf8')).toBe(before);
  });

  it('is at version 1, with the migration table in place for version 2', () => {
    expect(SETTINGS_VERSION).toBe(1);
    expect(settingsMigrations).toEqual({});
  });

  it('leaves a file from a newer version untouched and says so', async () => {
    const store = open();
    const newer = JSON.stringify({ version: 2, operatorId: 'carol', theme: 'dark' });
    await writeFile(store.file, newer);
    const { warnings, onWarning } = collectWarnings<StoreWarning>();
    const reopened = open(onWarning);
    const loaded = await reopened.load();
    expect(loaded).toEqual({
      value: { ...defaultSettings(), operatorId: 'carol' },
      readOnly: true,
    });
    expect(warnings[0]?.message).toMatch(/newer version of RoomCall/);
    await expect(reopened.update({ operatorId: 'dave' })).rejects.toThrow(/not saved/);
    expect(await readFile(store.file, 'utf8')).toBe(newer);
  });
});
