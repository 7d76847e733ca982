import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { securityHeaders } from '../app/web/csp';
import { PAGES, type PageName } from '../app/web/pages';
import type { AppServices } from '../app/services/create-app-services';
import {
  createPreviewBackend,
  type BackendOptions,
  type SaveAnswer,
  type WindowAction,
} from './backend';
import { newBridgeToken, requestToken, sameToken } from './bridge-token';
import { handleIpc } from './http-bridge';
import { EventStreams } from './sse';
import { BRIDGE_SCRIPT_PATH, serveStatic } from './static-files';

export interface PreviewOptions extends BackendOptions {
  /** 0 (default) picks a free port. The server listens on 127.0.0.1 only. */
  readonly port?: number | undefined;
  /** Default: out/renderer of this checkout (npm run build). */
  readonly rendererDir?: string | undefined;
  /** Default: out/preview/preview-bridge.js of this checkout (npm run build). */
  readonly bridgeScript?: string | undefined;
  /**
   * Default true: pages get the bridge's <script> tag. False serves them exactly as built,
   * as Electron loads them: the caller provides `window.roomcall` itself, as the preload does
   * (the benchmark's in-page bridge, which answers at IPC speed).
   */
  readonly injectBridge?: boolean | undefined;
}

export interface Preview {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  readonly url: string;
  /** A page's address with the bridge's token in its fragment: what to open (and print). */
  pageUrl(page: PageName): string;
  /** The bridge's random token (bridge-token.ts): /ipc/* and /events refuse requests without it. */
  readonly token: string;
  readonly services: AppServices;
  readonly dataDir: string;
  /** openWindow / hidePopover / openHelp calls the pages made, in order. */
  readonly windowActions: readonly WindowAction[];
  /** The save dialog's next answers for export (`save`, `cancel`, `fail`); default `save`. */
  readonly saveAnswers: SaveAnswer[];
  /** Where export saves: `<dataDir>/exports`. */
  readonly exportDir: string;
  close(): Promise<void>;
}

/** The checkout's root: this file is main/preview/server.ts, its bundle out/preview/*.mjs. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The web preview: the renderer in an ordinary browser, wired to the real handler table
 * through a small HTTP bridge (POST /ipc/<verb>, Server-Sent Events on /events) that uses the
 * same dispatch as Electron's IPC. Loopback only, the same CSP as the app (connect-src 'self'
 * for the bridge), and requests from other sites refused. See README.md.
 */
export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const rendererDir = options.rendererDir ?? path.join(ROOT, 'out', 'renderer');
  const bridgeFile = options.bridgeScript ?? path.join(ROOT, 'out', 'preview', 'preview-bridge.js');
  const bridgeScript = await readFile(bridgeFile).catch(() => {
    throw new Error(`The preview bridge ${bridgeFile} is missing: run \`npm run build\` first.`);
  });
  const injectBridge = options.injectBridge ?? true;
  const backend = await createPreviewBackend(options);
  const { services } = backend;
  const streams = new EventStreams((count) => {
    services.meeting.setVisible(count > 0);
  });
  backend.hub.subscribe(streams.send);
  const headers = securityHeaders("'self'");
  const dispatch = {
    secrets: () => services.session.knownSecrets(),
    onError: (verb: string, error: unknown) => {
      if (verb === 'result') console.error(`[preview] ${String(error)}`);
    },
  };
  let port = 0;
  const token = newBridgeToken();

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const refusal = refuse(request, port);
    if (refusal !== null) {
      response.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end(refusal);
      return;
    }
    const parsedUrl = URL.parse(request.url ?? '/', 'http://127.0.0.1');
    const pathname = parsedUrl?.pathname ?? '/';
    // The pages and their scripts hold nothing secret; the calls and events need the token.
    const bridged = pathname.startsWith('/ipc/') || pathname === '/events';
    if (bridged && !sameToken(requestToken(request, parsedUrl), token)) {
      response.writeHead(403, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('The preview bridge needs its token: open the address the preview printed.');
      return;
    }
    if (pathname.startsWith('/ipc/')) {
      await handleIpc(request, response, pathname.slice(5), backend.table, dispatch, headers);
    } else if (pathname === '/events' && request.method === 'GET') {
      streams.connect(request, response, headers);
    } else if (pathname === BRIDGE_SCRIPT_PATH && request.method === 'GET') {
      response.writeHead(200, { ...headers, 'Content-Type': 'text/javascript; charset=utf-8' });
      response.end(bridgeScript);
    } else {
      await serveStatic(request, response, pathname, rendererDir, headers, injectBridge);
    }
  };
  const server = createServer((request, response) => {
    route(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, headers);
      response.end();
    });
  });
  try {
    port = await listen(server, options.port ?? 0);
  } catch (error) {
    await backend.close();
    throw error;
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    pageUrl: (page) => `${url}/${PAGES[page]}#token=${token}`,
    token,
    services,
    dataDir: backend.dataDir,
    windowActions: backend.windowActions,
    saveAnswers: backend.saveAnswers,
    exportDir: backend.exportDir,
    async close() {
      streams.close();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      await backend.close();
    },
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

const LOOPBACK = new Set(['127.0.0.1', '::ffff:127.0.0.1', '::1']);

/**
 * Why a request is refused, or null. The socket must be loopback; the Host header must name
 * this server (a DNS-rebinding page's requests carry its own host name); and a request a page
 * of another site sends (Origin, Sec-Fetch-Site) is refused, so no website the person visits
 * can drive RoomCall through the preview.
 */
function refuse(request: IncomingMessage, port: number): string | null {
  if (!LOOPBACK.has(request.socket.remoteAddress ?? '')) return 'Loopback only.';
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(request.headers.host ?? '')) return 'Unknown host.';
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some((host) => origin === `http://${host}`)) {
    return 'Requests from other sites are refused.';
  }
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site')
    return 'Requests from other sites are refused.';
  return null;
}
