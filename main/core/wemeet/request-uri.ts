/** The URI of an API request: the path's dynamic segments and the query string (client.ts). */

/** Query parameters, sent in the given order; undefined members are left out. */
export type Query = Readonly<Record<string, string | number | undefined>>;

/** Query string in the given order with URLSearchParams' encoding, '' when empty. */
export function encodeQuery(query: Query | undefined): string {
  if (query === undefined) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) continue;
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new RangeError(`Query parameter ${key} must be a safe integer or a string`);
    }
    params.append(key, String(value));
  }
  const encoded = params.toString();
  return encoded === '' ? '' : `?${encoded}`;
}

/**
 * One dynamic path segment (a room or meeting ID), percent-encoded. '.' and '..' are refused:
 * encodeURIComponent keeps dots, URL parsing would resolve them, and the request would go (and
 * be signed for) somewhere else.
 */
export function pathSegment(value: string): string {
  if (value === '' || value === '.' || value === '..') {
    throw new RangeError('An ID used in a path must not be empty, "." or ".."');
  }
  return encodeURIComponent(value);
}
