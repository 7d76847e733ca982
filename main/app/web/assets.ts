import { open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { inlineHashes, NO_INLINE, type InlineHashes } from './inline-hashes';

/**
 * The renderer's built files, read for a request path: the same rules for Electron's app://
 * protocol and the web preview's HTTP server. Only files of known types under the root are
 * served; no directory listings, no dot files, no way out of the root (.., encoded slashes,
 * symlinks pointing elsewhere).
 */

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Larger than any bundle RoomCall builds; a guard against serving something unexpected. */
const MAX_ASSET_BYTES = 8 * 1024 * 1024;

function contentTypeFor(file: string): string | null {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? null;
}

/**
 * The file a URL pathname names under `root`, or null when it must not be served. Pure: the
 * caller still checks that the real path (after symlinks) stays under the root.
 */
export function assetPathFor(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.length === 0) return null;
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  if (contentTypeFor(decoded) === null) return null;
  const file = path.join(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

export interface Asset {
  readonly body: Buffer;
  readonly contentType: string;
  /** A page's own inline script and style, for its CSP (none for any other file). */
  readonly inline: InlineHashes;
}

/** Reads the asset for a pathname; null for anything not found or not allowed. */
export async function readAsset(root: string, pathname: string): Promise<Asset | null> {
  const file = assetPathFor(root, pathname);
  const contentType = file === null ? null : contentTypeFor(file);
  if (file === null || contentType === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(file)]);
    const relative = path.relative(realRoot, realFile);
    if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
    const handle = await open(realFile, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > MAX_ASSET_BYTES) return null;
      const body = await handle.readFile();
      const inline = contentType.startsWith('text/html')
        ? inlineHashes(body.toString('utf8'))
        : NO_INLINE;
      return { body, contentType, inline };
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}
