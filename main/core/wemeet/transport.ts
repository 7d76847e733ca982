/**
 * The HTTP transport under the client's ky instance (client.ts): the fetch it is given,
 * wrapped so the whole body is read inside ky's per-attempt timeout.
 */

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Statuses whose Response may not carry a body (Fetch standard, "null body status"). */
const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/**
 * The transport, reading the whole body before the Response reaches ky: ky's timeout covers
 * the fetch call, so it then covers the body too, and a stalled body is an attempt that timed
 * out (and is retried for reads). A 2xx body travels on as text in a ReadResponse, so ky's
 * afterResponse clone costs no stream tee; other bodies stay bytes for ky's HTTPError.data.
 */
export function bufferedFetch(transport: FetchLike): FetchLike {
  return async (input, init) => {
    try {
      const response = await transport(input, init);
      const { status, statusText, headers } = response;
      if (status < 200 || status > 599) return response;
      if (status < 300) {
        return new ReadResponse(await response.text(), { status, statusText, headers });
      }
      const bytes = await response.arrayBuffer();
      const empty = bytes.byteLength === 0 || NULL_BODY_STATUSES.has(status);
      return new Response(empty ? null : bytes, { status, statusText, headers });
    } catch (error) {
      const signal = input instanceof Request ? input.signal : init?.signal;
      // An abort (ky's timeout, the caller) stays what it is; ky and request() sort those out.
      if (signal?.aborted === true || error instanceof TypeError) throw error;
      // Electron's net.fetch fails with a plain Error ("net::ERR_CONNECTION_REFUSED"): give it
      // the shape of fetch's own network failure, so ky treats it as one (a NetworkError).
      throw new TypeError('fetch failed', { cause: error });
    }
  };
}

/** A 2xx Response whose body was already read: the text rides along, clones included. */
export class ReadResponse extends Response {
  constructor(
    readonly bodyText: string,
    init: ResponseInit,
  ) {
    super(null, init);
  }

  // A property, as lib.dom declares Response's clone.
  override clone = (): ReadResponse => {
    const { status, statusText, headers } = this;
    return new ReadResponse(this.bodyText, { status, statusText, headers });
  };
}
