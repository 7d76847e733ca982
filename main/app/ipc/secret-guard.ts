import { redact } from '../../core/wemeet/errors';

/**
 * The last line of defence for "nothing secret crosses IPC": whatever is about to be sent to a
 * window is searched for every SecretId and SecretKey the process knows. The services never
 * put one there; if a bug ever did, the message is replaced instead of sent.
 */
const MIN_LENGTH = 6;

export function containsSecret(value: unknown, secrets: readonly string[]): boolean {
  const usable = secrets.filter((secret) => secret.length >= MIN_LENGTH);
  if (usable.length === 0) return false;
  const json = jsonOf(value);
  // Not serialisable at all: the plain-data check reports that; nothing can leak through it.
  if (json === null) return false;
  return usable.some(
    (secret) => json.includes(secret) || json.includes(JSON.stringify(secret).slice(1, -1)),
  );
}

function jsonOf(value: unknown): string | null {
  try {
    // JSON.stringify(undefined) is undefined, whatever its type says.
    const text: unknown = JSON.stringify(value);
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/** `key=value`, `key: value` and JSON `"key":"value"` for names that carry secrets. */
const SECRET_FIELD =
  /((?:secret[_-]?(?:key|id)|x-tc-signature|signature|authorization|password)["']?\s*[:=]\s*["']?)[^\s"',;}]+/gi;

/**
 * Text with the known secrets and secret-looking fields replaced by [redacted]: what the log
 * file writes (electron/log.ts) and what the diagnostics report scrubs once more.
 */
export function redactLine(line: string, secrets: readonly string[]): string {
  return redact(line, secrets).replace(SECRET_FIELD, '$1[redacted]');
}
