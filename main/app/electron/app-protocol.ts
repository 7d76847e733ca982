import type { Protocol } from 'electron';
import { readAsset } from '../web/assets';
import { securityHeaders } from '../web/csp';
import { APP_HOST, APP_SCHEME } from '../web/pages';

/**
 * app://roomcall/… serves out/renderer with a strict CSP header, instead of file:// (which
 * grants pages more than they need: the Electron security checklist, "use a custom protocol").
 * The scheme is standard and secure so pages get a real origin and module scripts load;
 * corsEnabled lets Chromium fetch module scripts from it (electron/electron#12011 discusses
 * why file:// cannot). codeCache keeps V8's compiled code of the pages' scripts between
 * starts, as Chromium does for http(s) (custom-scheme.md: "Enable V8 code cache for the scheme,
 * only works when standard is also set"; electron/electron#40544): the popover's script is
 * compiled once, not at every start. Registering must happen before the app is ready, once.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
  ]);
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => rendererResponse(request, rendererDir));
}

/** The response to one app:// request; exported for tests. */
export async function rendererResponse(request: Request, rendererDir: string): Promise<Response> {
  const headers = securityHeaders("'none'");
  const url = URL.parse(request.url);
  if (url?.host !== APP_HOST) return new Response(null, { status: 404, headers });
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers });
  }
  const asset = await readAsset(rendererDir, url.pathname);
  if (asset === null) return new Response(null, { status: 404, headers });
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(asset.body), {
    status: 200,
    // A page's policy also allows its own inline script and style, by hash (inline-hashes.ts).
    headers: { ...securityHeaders("'none'", asset.inline), 'Content-Type': asset.contentType },
  });
}
