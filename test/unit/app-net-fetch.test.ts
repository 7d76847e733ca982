/**
 * The stand-in net.fetch (test/helpers/fake-net-fetch.ts) against a raw HTTP server: what
 * Electron 45's net.fetch does on the wire and in what it returns (lib/browser/api/net-fetch.ts,
 * docs/api/net.md), and the API session the shell builds on it (main/app/electron/api-session.ts).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PARTITION, createApiFetch } from '../../main/app/electron/api-session';
import { createFakeElectron } from '../helpers/fake-electron';
import { createNetFetch, type SeenRequest } from '../helpers/fake-net-fetch';

let server: Server;
let base: string;
const received: IncomingMessage[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received.push(request);
    const url = request.url ?? '/';
    if (url.startsWith('/redirect-')) {
      const status = Number(url.slice('/redirect-'.length));
      response.writeHead(status, { Location: '/landed' }).end();
      return;
    }
    if (url === '/empty') {
      response.writeHead(204).end();
      return;
    }
    response
      .writeHead(200, 'Fine', { 'Content-Type': 'application/json', 'X-Custom': 'yes' })
      .end(JSON.stringify({ method: request.method, url }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function last(): IncomingMessage {
  const found = received.at(-1);
  if (found === undefined) throw new Error('no request');
  return found;
}

describe('the stand-in net.fetch', () => {
  it('sends every header name lower-case, as the rebuilt Request iterates them', async () => {
    const netFetch = createNetFetch();
    await netFetch(`${base}/api`, {
      method: 'POST',
      headers: { 'X-TC-Key': 'k', 'X-TC-Timestamp': '1', 'Content-Type': 'application/json' },
      body: '{}',
    });
    const names = last().rawHeaders.filter((_, index) => index % 2 === 0);
    expect(names).toEqual(expect.arrayContaining(['x-tc-key', 'x-tc-timestamp', 'content-type']));
    expect(names.filter((name) => name !== name.toLowerCase())).toEqual([]);
  });

  it('answers with a Response rebuilt from status, text and headers (url is empty)', async () => {
    const response = await createNetFetch()(`${base}/api`);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe('Fine');
    expect(response.headers.get('x-custom')).toBe('yes');
    expect(response.url).toBe('');
    expect(await response.json()).toEqual({ method: 'GET', url: '/api' });
    const empty = await createNetFetch()(`${base}/empty`);
    expect(empty.body).toBeNull();
  });

  it("fails a redirect under 'manual' (no followRedirect) and 'error', never returning the 3xx", async () => {
    await expect(createNetFetch()(`${base}/redirect-302`, { redirect: 'manual' })).rejects.toThrow(
      'Redirect was cancelled',
    );
    await expect(createNetFetch()(`${base}/redirect-307`, { redirect: 'error' })).rejects.toThrow(
      "Attempted to redirect, but redirect policy was 'error'",
    );
  });

  it("follows under 'follow', a 303 or a POST's 302 continuing as GET", async () => {
    const netFetch = createNetFetch();
    const followed = await netFetch(`${base}/redirect-303`, { method: 'POST', body: 'x' });
    expect(await followed.json()).toEqual({ method: 'GET', url: '/landed' });
    const kept = await netFetch(`${base}/redirect-307`, { method: 'PUT', body: 'x' });
    expect(await kept.json()).toEqual({ method: 'PUT', url: '/landed' });
  });

  it('rejects at once with the reason of an aborted signal, and refuses data: URLs', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(createNetFetch()(`${base}/api`, { signal: controller.signal })).rejects.toThrow(
      'stop',
    );
    await expect(createNetFetch()('data:text/plain,hi')).rejects.toThrow(TypeError);
  });
});

describe('the API session', () => {
  it('goes through its own in-memory partition without cache, cookies or the default session', async () => {
    const electron = createFakeElectron(() => '/tmp/unused');
    const apiFetch = createApiFetch(electron.session);
    const answer = await apiFetch(new URL(`${base}/api`), { redirect: 'manual' });
    expect(answer.status).toBe(200);
    const partition = electron.session.partitions.get(API_PARTITION);
    expect(partition?.options).toEqual({ cache: false });
    expect(API_PARTITION.startsWith('persist:')).toBe(false);
    expect(partition?.seen).toEqual([
      expect.objectContaining<Partial<SeenRequest>>({ credentials: 'omit', cache: 'no-store' }),
    ]);
    expect(electron.session.defaultSession.seen).toEqual([]);
  });

  it('cannot be made before the app is ready, as Electron refuses sessions then', () => {
    const electron = createFakeElectron(() => '/tmp/unused', { ready: false });
    expect(() => createApiFetch(electron.session)).toThrow(
      'Session can only be received when app is ready',
    );
  });
});
