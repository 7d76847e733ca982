/**
 * Graceful stop and health: a request in flight finishes, new connections are refused, idle
 * keep-alive connections are closed, the storage is closed; health reports the storage being
 * unreachable.
 */
import net from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { closeAfterEach } from '../helpers/close-after-each';
import { startRelayHarness } from './support/relay-harness';
import { memoryStorage } from './support/memory-storage';

const start = closeAfterEach(startRelayHarness);

describe('relay shutdown and health', () => {
  it('finishes the request in flight, refuses new ones, closes the storage', async () => {
    const storage = memoryStorage();
    const h = await start({ storage });
    const token = await h.token();
    // The meetings list answers late, so the stop begins while it is in flight.
    h.sim.faults.inject({ type: 'delay', path: '/v1/meetings', ms: 400 });
    const slow = h.call('/v1/meetings', { token });
    await waitFor(() => h.sim.requests.some((r) => r.path === '/v1/meetings'));
    const closed = h.relay.close();
    const answer = await slow;
    expect(answer.status).toBe(200);
    expect(answer.headers.get('connection')).toBe('close');
    await closed;
    expect(storage.closed).toBe(true);
    await expect(h.call('/healthz')).rejects.toThrow();
    // The in-flight request is audited like any other.
    expect(storage.entries.map((e) => [e.action, e.outcome])).toEqual([['list-meetings', 'ok']]);
  });

  it('closes an idle keep-alive connection at once, as a health check would see', async () => {
    const h = await start();
    const { hostname, port } = new URL(h.relay.url);
    const socket = net.connect(Number(port), hostname);
    await once(socket, 'connect');
    let answered = '';
    socket.on('data', (chunk: Buffer) => (answered += chunk.toString('latin1')));
    socket.write(`GET /healthz HTTP/1.1\r\nHost: relay\r\nConnection: keep-alive\r\n\r\n`);
    await waitFor(() => answered.includes('"status":"ok"'));
    expect(answered).toMatch(/^HTTP\/1\.1 200 /);
    expect(answered.toLowerCase()).toContain('connection: keep-alive');
    const ended = once(socket, 'close');
    await h.relay.close();
    await ended;
    expect(socket.destroyed).toBe(true);
  });

  it('cuts a request still running when the grace is over', async () => {
    const storage = memoryStorage();
    const h = await start({ storage, shutdownGraceSeconds: 0 });
    const token = await h.token();
    h.sim.faults.inject({ type: 'hang', path: '/v1/meetings' });
    const slow = h.call('/v1/meetings', { token });
    await waitFor(() => h.sim.requests.some((r) => r.path === '/v1/meetings'));
    await h.relay.close();
    await expect(slow).rejects.toThrow();
    expect(storage.closed).toBe(true);
  });

  it('health answers 503 when the storage cannot be reached', async () => {
    const storage = memoryStorage();
    const h = await start({ storage });
    storage.pingFails = true;
    const response = await h.call('/healthz');
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { reason: string } }).error.reason).toBe(
      'internal',
    );
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
