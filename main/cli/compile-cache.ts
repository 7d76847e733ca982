// A namespace import: the named export does not exist on the old Nodes the launcher refuses, and
// a missing named import would fail before the launcher could say why.
import * as nodeModule from 'node:module';
import { homedir } from 'node:os';
import path from 'node:path';

/**
 * Where Node keeps the CLI's compiled code between runs: the platform's per-user cache folder
 * (the XDG base directory on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows).
 * A cache, so anything may delete it; it is rebuilt on the next run.
 */
export function compileCacheDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home: string,
): string {
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'RoomCall', 'node');
  if (platform === 'win32') {
    const local = env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local');
    return path.join(local, 'RoomCall', 'Cache', 'node');
  }
  const xdg = env['XDG_CACHE_HOME'];
  const base = xdg !== undefined && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache');
  return path.join(base, 'roomcall', 'node');
}

/**
 * Turns on Node's module compile cache (node:module enableCompileCache, Node >= 22.1) for the
 * CLI's bundle: parsing and compiling ~1 MB of JavaScript is most of a cold start, and the
 * cache lets later runs skip it. Never fails the command: an unwritable folder or a Node that
 * refuses only means no cache (Node reports that as a status, not an error). NODE_DISABLE_COMPILE_CACHE=1
 * turns it off, as Node documents.
 */
export function enableCliCompileCache(): void {
  try {
    nodeModule.enableCompileCache(compileCacheDir(process.env, process.platform, homedir()));
  } catch {
    // No cache this run; the command itself is unaffected.
  }
}
