import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventName } from '../shared/ipc/contract';

/**
 * GET /events: the contract's events as Server-Sent Events, one `event: <name>` with the
 * payload as JSON data per event, to every connected page. Pages that are connected count as
 * visible windows (the current meeting is refreshed only while one is).
 */
export class EventStreams {
  readonly #clients = new Set<ServerResponse>();
  readonly #onCountChange: (count: number) => void;
  readonly #keepAlive: ReturnType<typeof setInterval>;

  constructor(onCountChange: (count: number) => void) {
    this.#onCountChange = onCountChange;
    // Proxies and browsers drop idle streams; a comment line every 15 s keeps them open.
    this.#keepAlive = setInterval(() => {
      for (const client of this.#clients) client.write(': keep-alive\n\n');
    }, 15_000);
    this.#keepAlive.unref();
  }

  connect(
    request: IncomingMessage,
    response: ServerResponse,
    headers: Record<string, string>,
  ): void {
    response.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    this.#clients.add(response);
    this.#onCountChange(this.#clients.size);
    request.on('close', () => {
      this.#clients.delete(response);
      this.#onCountChange(this.#clients.size);
    });
  }

  /** An event sink for the hub (payloads are already checked there). */
  readonly send = (name: EventName, payload: unknown): void => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const client of this.#clients) client.write(frame);
  };

  close(): void {
    clearInterval(this.#keepAlive);
    for (const client of this.#clients) client.end();
    this.#clients.clear();
  }
}
