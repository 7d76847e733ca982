import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callbackPage, type CallbackPage } from './pages';

/**
 * The loopback redirect of a native app's sign-in (RFC 8252 section 7.3): an HTTP listener on
 * 127.0.0.1 at a port the system picks, for exactly one authorisation response. The provider
 * sends the browser to http://127.0.0.1:<port>/callback?code=…&state=…; a request whose state is
 * not this sign-in's (another tab, a page trying to plant its own code) gets a refusal page and
 * changes nothing; the right one is handed over with a way to answer the browser once the code
 * has been exchanged. 127.0.0.1 rather than "localhost" so no resolver or firewall rule can send
 * it elsewhere (RFC 8252 section 8.3).
 */

/** The path registered with the identity provider, e.g. http://127.0.0.1/callback. */
export const LOOPBACK_CALLBACK_PATH = '/callback';

export interface AuthorizationCallback {
  /** The full URL the browser asked for (code, state, or error, iss). */
  readonly url: URL;
  /** Answers the browser; the receiver closes once the page is sent. */
  answer(page: CallbackPage): void;
}

export interface LoopbackReceiver {
  /** http://127.0.0.1:<port>/callback */
  readonly redirectUri: string;
  /** The authorisation response carrying `expectedState`; one per receiver. */
  readonly callback: Promise<AuthorizationCallback>;
  /** Stops listening and drops open connections (idempotent). */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, page: CallbackPage): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'referrer-policy': 'no-referrer',
    connection: 'close',
  });
  res.end(callbackPage(page));
}

export async function startLoopbackReceiver(expectedState: string): Promise<LoopbackReceiver> {
  let deliver: (callback: AuthorizationCallback) => void = () => undefined;
  const callback = new Promise<AuthorizationCallback>((resolve) => {
    deliver = resolve;
  });
  let taken = false;
  let closed: Promise<void> | null = null;
  // Set once listening; the callback URL must carry the port, as openid-client sends the
  // redirect_uri it was reached at (origin + path) with the code, and the provider compares it.
  let origin = 'http://127.0.0.1';

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (req.method !== 'GET' || url.pathname !== LOOPBACK_CALLBACK_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end('Not found');
      return;
    }
    if (taken) {
      send(res, 409, 'used');
      return;
    }
    if (url.searchParams.get('state') !== expectedState) {
      send(res, 400, 'wrong-state');
      return;
    }
    taken = true;
    deliver({
      url,
      answer(page) {
        send(res, page === 'signed-in' ? 200 : 400, page);
        res.once('finish', () => void close());
      },
    });
  });

  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
      server.closeAllConnections();
    });
    return closed;
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    redirectUri: `${origin}${LOOPBACK_CALLBACK_PATH}`,
    callback,
    close,
  };
}
