import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { handleRequest, type HandlerDeps } from './handler';

/**
 * The relay's HTTP service on node:http: eleven small routes need no framework, and node:http
 * gives the shutdown control (stop accepting, drain, then cut) a framework would wrap.
 */

/**
 * What the request handler is given (handler.ts), but for what the server makes itself (request
 * IDs, its stopping state) or defaults: `transport` (what the company budget's gate sends
 * through) the global fetch, `now` Date.now, `sleep` a timer.
 */
export interface RelayServerOptions
  extends
    Pick<HandlerDeps, 'settings' | 'storage' | 'verifiers' | 'createApi' | 'logger' | 'version'>,
    Partial<Pick<HandlerDeps, 'transport' | 'now' | 'sleep'>> {
  readonly listen: { readonly host: string; readonly port: number };
  readonly shutdownGraceSeconds: number;
}

export interface RelayServer {
  /** http://host:port, as bound (port 0 becomes the one the system chose). */
  readonly url: string;
  readonly port: number;
  /**
   * Graceful stop: no new connection is accepted (so a health check fails), requests in
   * flight get up to the grace to finish, then every connection is cut and the storage closed.
   */
  close(): Promise<void>;
}

export async function startRelayServer(options: RelayServerOptions): Promise<RelayServer> {
  let stopping = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;
  const deps: HandlerDeps = {
    settings: options.settings,
    storage: options.storage,
    verifiers: options.verifiers,
    createApi: options.createApi,
    transport: options.transport ?? ((input, init) => fetch(input, init)),
    logger: options.logger,
    version: options.version,
    now: options.now ?? Date.now,
    sleep:
      options.sleep ??
      ((ms, signal) => delay(ms, undefined, signal === undefined ? {} : { signal })),
    newRequestId: randomUUID,
    isStopping: () => stopping,
  };
  const server = createServer(
    { requestTimeout: 60_000, headersTimeout: 20_000 },
    (request, response) => {
      inFlight += 1;
      response.once('close', () => {
        inFlight -= 1;
        if (inFlight === 0) drained?.();
      });
      handleRequest(deps, request, response).catch((error: unknown) => {
        options.logger.log('error', 'request handler failed', {
          error: error instanceof Error ? error.name : typeof error,
        });
        if (!response.headersSent) response.writeHead(500).end();
      });
    },
  );
  await listen(server, options.listen.host, options.listen.port);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  options.logger.log('info', 'listening', {
    address: `${host}:${address.port}`,
    storage: options.storage.kind,
  });

  let closing: Promise<void> | null = null;
  const close = async (): Promise<void> => {
    stopping = true;
    const closed = new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    });
    server.closeIdleConnections();
    if (inFlight > 0) {
      const idle = new Promise<void>((resolve) => (drained = resolve));
      const grace = delay(options.shutdownGraceSeconds * 1000, undefined, { ref: false });
      await Promise.race([idle, grace]);
    }
    server.closeAllConnections();
    await closed;
    await options.storage.close();
    options.logger.log('info', 'stopped', { unfinished: inFlight });
  };
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () => (closing ??= close()),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
