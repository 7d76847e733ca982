/**
 * JSON from a file someone else may have written: strictly UTF-8, nested no deeper than a limit
 * (checked by a linear scan before JSON.parse, so 100k nested brackets never reach a recursive
 * parser, validator or serializer), and parsed without quoting the text in any message.
 */

export const DEFAULT_MAX_DEPTH = 64;

export type JsonProblem = 'not-utf8' | 'too-deep' | 'not-json';

export type SafeJsonResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: JsonProblem };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes as UTF-8 (a leading BOM, as Notepad writes, is dropped); null when invalid. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** The deepest bracket nesting outside strings. Stops counting once past `limit`. */
export function jsonDepth(text: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c /* \ */) i += 1;
      else if (code === 0x22 /* " */) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x7b /* { */ || code === 0x5b /* [ */) {
      depth += 1;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (code === 0x7d /* } */ || code === 0x5d /* ] */) {
      depth -= 1;
    }
  }
  return deepest;
}

export function parseJsonText(text: string, maxDepth = DEFAULT_MAX_DEPTH): SafeJsonResult {
  if (jsonDepth(text, maxDepth) > maxDepth) return { ok: false, problem: 'too-deep' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // SyntaxError messages quote the text around the error: never passed on.
    return { ok: false, problem: 'not-json' };
  }
}

export function parseJsonBytes(bytes: Uint8Array, maxDepth = DEFAULT_MAX_DEPTH): SafeJsonResult {
  const text = decodeUtf8(bytes);
  return text === null ? { ok: false, problem: 'not-utf8' } : parseJsonText(text, maxDepth);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
