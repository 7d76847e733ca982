import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCacheDir } from '../../main/cli/compile-cache';

describe("the CLI's compile cache folder", () => {
  it('follows XDG on Linux, absolute paths only', () => {
    expect(compileCacheDir({}, 'linux', '/home/ana')).toBe('/home/ana/.cache/roomcall/node');
    expect(compileCacheDir({ XDG_CACHE_HOME: '/var/cache/ana' }, 'linux', '/home/ana')).toBe(
      '/var/cache/ana/roomcall/node',
    );
    // The XDG spec: a relative path is invalid and is ignored.
    expect(compileCacheDir({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/ana')).toBe(
      '/home/ana/.cache/roomcall/node',
    );
  });

  it('uses ~/Library/Caches on macOS and %LOCALAPPDATA% on Windows', () => {
    expect(compileCacheDir({}, 'darwin', '/Users/ana')).toBe(
      '/Users/ana/Library/Caches/RoomCall/node',
    );
    expect(
      compileCacheDir(
        { LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local' },
        'win32',
        'C:\\Users\\ana',
      ),
    ).toBe(path.join('C:\\Users\\ana\\AppData\\Local', 'RoomCall', 'Cache', 'node'));
  });
});
