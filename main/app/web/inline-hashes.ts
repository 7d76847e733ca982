import { createHash } from 'node:crypto';

/**
 * The CSP hash sources of a built page's inline <script> and <style> elements. The popover
 * ships its first script and stylesheet inline (scripts/inline-page.mjs), which spares it two
 * requests before its first screen (issue 16). A CSP hash allows exactly that text and nothing
 * else: no 'unsafe-inline', so an injected script or style is still refused (CSP Level 3,
 * "hash-source": the SHA-256 of the element's text, base64).
 *
 * The header's policy needs them too, since the page's <meta> policy and the header's are both
 * enforced. They are read from the file being served, which the build wrote; a page with no
 * inline element gets none, so the other pages' policy stays 'self' only.
 */
export interface InlineHashes {
  readonly script: readonly string[];
  readonly style: readonly string[];
}

/** What a file with nothing inline (every one but a page that has some) allows. */
export const NO_INLINE: InlineHashes = { script: [], style: [] };

/** `'sha256-…'` of a text as the browser hashes an element's content (UTF-8). */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** The hash sources of every inline script (no src) and style element of an HTML page. */
export function inlineHashes(html: string): InlineHashes {
  const hashesOf = (element: RegExp) =>
    [...html.matchAll(element)]
      .map((match) => match[1] ?? '')
      .filter((text) => text !== '')
      .map(hashSource);
  const script = hashesOf(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi);
  const style = hashesOf(/<style[^>]*>([\s\S]*?)<\/style>/gi);
  return script.length === 0 && style.length === 0 ? NO_INLINE : { script, style };
}
