import { NO_INLINE, type InlineHashes } from './inline-hashes';

/**
 * The Content-Security-Policy of every page, as a response header (a header cannot be
 * removed by the page, unlike a <meta> tag): no inline script or style but the page's own
 * (by hash, inline-hashes.ts), nothing from any
 * other origin, no plugins, no framing, no forms posting anywhere. `connect` is 'none' in
 * Electron (the windows reach main only through the preload) and 'self' in the web preview,
 * whose bridge talks to its own loopback server with fetch and EventSource.
 */
export function contentSecurityPolicy(
  connect: "'none'" | "'self'",
  inline: InlineHashes = NO_INLINE,
): string {
  return [
    "default-src 'none'",
    ["script-src 'self'", ...inline.script].join(' '),
    ["style-src 'self'", ...inline.style].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
    "media-src 'none'",
  ].join('; ');
}

/** Headers every page and asset is served with, in Electron and in the preview. */
export function securityHeaders(
  connect: "'none'" | "'self'",
  inline?: InlineHashes,
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(connect, inline),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}
