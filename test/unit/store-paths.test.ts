import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ensureDataDir,
  platformConfigRoot,
  resolveDataDir,
  type PlatformContext,
} from '../../main/core/store/paths';
import { useTempDir } from '../helpers/temp-dir';

const linux = (env: PlatformContext['env'] = {}): PlatformContext => ({
  env,
  platform: 'linux',
  homedir: '/home/alice',
});

describe('resolveDataDir', () => {
  it('follows Electron’s userData rules for productName RoomCall on each platform', () => {
    expect(resolveDataDir({ context: linux() })).toBe('/home/alice/.config/RoomCall');
    expect(resolveDataDir({ context: linux({ XDG_CONFIG_HOME: '/data/cfg' }) })).toBe(
      '/data/cfg/RoomCall',
    );
    expect(
      resolveDataDir({ context: { env: {}, platform: 'darwin', homedir: '/Users/alice' } }),
    ).toBe('/Users/alice/Library/Application Support/RoomCall');
    expect(
      resolveDataDir({
        context: {
          env: { APPDATA: 'C:\\Users\\alice\\AppData\\Roaming' },
          platform: 'win32',
          homedir: 'C:\\Users\\alice',
        },
      }),
    ).toBe('C:\\Users\\alice\\AppData\\Roaming\\RoomCall');
  });

  it('ignores a relative or empty XDG_CONFIG_HOME, as the XDG spec says', () => {
    expect(platformConfigRoot(linux({ XDG_CONFIG_HOME: 'cfg' }))).toBe('/home/alice/.config');
    expect(platformConfigRoot(linux({ XDG_CONFIG_HOME: '' }))).toBe('/home/alice/.config');
  });

  it('falls back to the roaming profile folder when APPDATA is missing', () => {
    expect(platformConfigRoot({ env: {}, platform: 'win32', homedir: 'C:\\Users\\bob' })).toBe(
      'C:\\Users\\bob\\AppData\\Roaming',
    );
  });

  it('uses the folder the app injects (Electron’s userData)', () => {
    expect(resolveDataDir({ injected: '/electron/userData', context: linux() })).toBe(
      '/electron/userData',
    );
  });

  it('lets ROOMCALL_DATA_DIR override everything, made absolute', () => {
    const context = linux({ ROOMCALL_DATA_DIR: '/tmp/rc', XDG_CONFIG_HOME: '/x' });
    expect(resolveDataDir({ injected: '/electron/userData', context })).toBe('/tmp/rc');
    expect(resolveDataDir({ context: linux({ ROOMCALL_DATA_DIR: 'rel' }) })).toBe(
      path.resolve('rel'),
    );
  });
});

describe('ensureDataDir', () => {
  const dir = useTempDir();

  it.skipIf(process.platform === 'win32')('creates missing folders owner-only', async () => {
    const target = path.join(dir(), 'a', 'RoomCall');
    await ensureDataDir(target);
    expect((await stat(target)).mode & 0o777).toBe(0o700);
  });

  it.skipIf(process.platform === 'win32')('leaves an existing folder’s mode alone', async () => {
    const target = path.join(dir(), 'shared');
    await mkdir(target, { mode: 0o755 });
    await ensureDataDir(target);
    expect((await stat(target)).mode & 0o777).toBe(0o755);
  });
});
