import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJsonBytes } from '../core/store/safe-json';
import {
  dispatchInvoke,
  ipcFailure,
  isInvokeVerb,
  type DispatchOptions,
} from '../app/ipc/dispatch';
import type { HandlerTable } from '../app/handlers/handler-table';
import type { IpcResult } from '../shared/ipc/contract';

/** importFavorites takes up to 5 MB of JSON text, which JSON-escaping can roughly double. */
const MAX_BODY_BYTES = 12 * 1024 * 1024;

/**
 * POST /ipc/<verb>: the web preview's stand-in for Electron's IPC. The body is the request
 * as JSON (empty for verbs that take none); the answer is always the same Result the Electron
 * wrapper returns, from the same dispatch code (contract parse, handler, response checks).
 * The HTTP checks replace the sender check: see server.ts for host and origin.
 */
export async function handleIpc(
  request: IncomingMessage,
  response: ServerResponse,
  verb: string,
  table: HandlerTable,
  options: DispatchOptions,
  headers: Record<string, string>,
): Promise<void> {
  const send = (status: number, result: IpcResult<unknown>) => {
    response.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(result));
  };
  const refuse = (status: number, message: string) => {
    send(status, ipcFailure({ kind: 'validation', message, code: null, hint: null }));
  };

  if (!isInvokeVerb(verb)) {
    refuse(404, 'There is no such RoomCall call.');
    return;
  }
  if (request.method !== 'POST') {
    response.setHeader('Allow', 'POST');
    refuse(405, 'Calls are POST requests.');
    return;
  }
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;\s*charset=utf-8\s*)?$/i.test(type)) {
    refuse(415, 'Calls carry JSON (Content-Type: application/json).');
    return;
  }
  const body = await readBody(request);
  if (body === null) {
    refuse(413, 'The request is too large.');
    return;
  }
  let payload: unknown = undefined;
  if (body.length > 0) {
    // The core's safe reader: strict UTF-8, nesting limited before JSON.parse sees it.
    const parsed = parseJsonBytes(body);
    if (!parsed.ok) {
      refuse(400, 'The request is not valid JSON.');
      return;
    }
    payload = parsed.value;
  }
  send(200, await dispatchInvoke(table, verb, payload, options));
}

/** The body's bytes; null when they exceed MAX_BODY_BYTES (the rest is discarded). */
function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(tooLarge ? null : Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}
