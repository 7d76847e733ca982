import type { IncomingMessage, ServerResponse } from 'node:http';
import { readAsset } from '../app/web/assets';
import { contentSecurityPolicy } from '../app/web/csp';

export const BRIDGE_SCRIPT_PATH = '/preview-bridge.js';

/**
 * The renderer's pages and assets, with the same checks as Electron's app:// handler. HTML
 * pages get one tag added at the top of <head>: the preview bridge, as a file (the CSP allows
 * no inline script), so `window.roomcall` exists before the page's own module runs. Without
 * `injectBridge`, pages are served as built and the caller defines `window.roomcall`.
 */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  pathname: string,
  rendererDir: string,
  headers: Record<string, string>,
  injectBridge = true,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { ...headers, Allow: 'GET, HEAD' });
    response.end();
    return;
  }
  if (pathname === '/') {
    response.writeHead(302, { ...headers, Location: '/popover.html' });
    response.end();
    return;
  }
  const asset = await readAsset(rendererDir, pathname);
  if (asset === null) {
    response.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(request.method === 'HEAD' ? undefined : 'Not found');
    return;
  }
  const body =
    injectBridge && asset.contentType.startsWith('text/html')
      ? Buffer.from(withBridgeScript(asset.body.toString('utf8')), 'utf8')
      : asset.body;
  response.writeHead(200, {
    ...headers,
    // A page's policy also allows its own inline script and style, by hash (inline-hashes.ts).
    'Content-Security-Policy': contentSecurityPolicy("'self'", asset.inline),
    'Content-Type': asset.contentType,
    'Content-Length': String(body.length),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/**
 * Adds the bridge's <script src> before the page's first script (else at the end of <head>):
 * a classic script there runs before any module script, and after the page's <meta> tags.
 */
function withBridgeScript(html: string): string {
  const tag = `<script src="${BRIDGE_SCRIPT_PATH}"></script>`;
  const at = [/<script[\s>]/i, /<\/head>/i]
    .map((pattern) => pattern.exec(html)?.index)
    .find((index) => index !== undefined);
  return at === undefined ? `${tag}${html}` : `${html.slice(0, at)}${tag}\n    ${html.slice(at)}`;
}
