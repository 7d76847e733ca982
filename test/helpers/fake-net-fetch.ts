/**
 * The stand-in for Electron 45's `net.fetch` / `ses.fetch`, following its source
 * (lib/browser/api/net-fetch.ts, `fetchWithSession`) and docs (docs/api/net.md,
 * docs/api/client-request.md) rather than Node's fetch, which the shell does not get:
 *
 * - The input is rebuilt as `new Request(input, init)`, and each header is copied from that
 *   Request's Headers, whose iteration yields lower-case names (Fetch standard): the wire
 *   carries `x-tc-key`, never `X-TC-Key`.
 * - `redirect` is handed to Chromium's URLLoader (net-client-request.ts, the 'redirect'
 *   listener): `follow` follows; `error` fails with "Attempted to redirect, but redirect
 *   policy was 'error'"; `manual` fails with "Redirect was cancelled", because nobody calls
 *   followRedirect() during the event. No 3xx Response ever reaches the caller (Node's
 *   fetch, unlike this, returns the 3xx response for `manual`).
 * - The Response is made anew from status, status text and headers: its `.url` is '' and
 *   `.type` 'default' (net.md, "Limitations"); 101/204/205/304 and HEAD get a null body.
 * - An aborted signal rejects with the signal's reason; `data:` and `blob:` are refused
 *   (net.md, "Limitations").
 *
 * The transport below is Node's fetch with `redirect: 'manual'` and headers given as
 * lower-case [name, value] pairs (undici sends names in the casing it is given), so the
 * server sees what Chromium would send. `seen` records every request for assertions.
 */

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
/** Chromium's URLRequest gives up after 20 redirects (net::ERR_TOO_MANY_REDIRECTS). */
const MAX_REDIRECTS = 20;

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly headerNames: readonly string[];
  readonly credentials: Request['credentials'];
  readonly cache: Request['cache'];
}

export function createNetFetch(seen: SeenRequest[] = []) {
  return async function netFetch(
    input: string | Request,
    init?: RequestInit & { bypassCustomProtocolHandlers?: boolean },
  ): Promise<Response> {
    const request = new Request(input, init);
    if (request.signal.aborted) throw abortReason(request.signal);
    const scheme = new URL(request.url).protocol;
    if (scheme === 'data:' || scheme === 'blob:') {
      throw new TypeError(`net.fetch does not support ${scheme}`);
    }
    const headers: [string, string][] = [...request.headers];
    let method = request.method;
    let body: ArrayBuffer | null = request.body === null ? null : await request.arrayBuffer();
    let url = request.url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      seen.push({
        method,
        url,
        headerNames: headers.map(([name]) => name),
        credentials: request.credentials,
        cache: request.cache,
      });
      const answer = await fetch(url, {
        method,
        headers,
        body,
        redirect: 'manual',
        signal: request.signal,
      });
      const location = answer.headers.get('location');
      if (REDIRECT_STATUSES.has(answer.status) && location !== null) {
        await answer.body?.cancel();
        if (request.redirect === 'error') {
          throw new Error("Attempted to redirect, but redirect policy was 'error'");
        }
        if (request.redirect === 'manual') throw new Error('Redirect was cancelled');
        // Chromium's redirect rules (net/url_request/redirect_info.cc): 303, and a POST
        // answered with 301/302, continue as a GET without a body.
        if (
          answer.status === 303 ||
          ((answer.status === 301 || answer.status === 302) && method === 'POST')
        ) {
          if (method !== 'HEAD') method = 'GET';
          body = null;
        }
        url = new URL(location, url).href;
        continue;
      }
      const nullBody = NULL_BODY_STATUSES.has(answer.status) || method === 'HEAD';
      return new Response(nullBody ? null : answer.body, {
        status: answer.status,
        statusText: answer.statusText,
        headers: answer.headers,
      });
    }
    throw new Error('net::ERR_TOO_MANY_REDIRECTS');
  };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}
