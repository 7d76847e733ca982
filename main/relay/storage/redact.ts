import { RelayStorageError } from './storage-error';

/**
 * Connection strings carry passwords (postgres://user:secret@host/db, redis://:secret@host).
 * Every message the storage builds from one goes through here, so no error, log line or
 * /healthz answer ever quotes a password.
 */

/** The URL with its password (and a username that looks like one) replaced by '***'. */
export function redactUrl(url: string): string {
  const parsed = serverUrl(url);
  // Not a server URL: cannot tell what in it is secret, so show none of it.
  if (parsed === null) return '<unparseable connection URL>';
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString();
}

/**
 * The URL when it names a server (scheme://[user[:password]@]host...), else null: without the
 * `//`, "user:secret@host/db" parses as scheme "user:" and a path holding the secret.
 */
function serverUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : parsed;
  } catch {
    return null;
  }
}

/** `message` with every occurrence of the URL's password (raw and URL-encoded) removed. */
export function scrubSecret(message: string, url: string): string {
  const password = passwordOf(url);
  if (password === null) {
    // An unparseable URL: hide the whole URL wherever it appears.
    return url === '' ? message : message.split(url).join('<connection URL>');
  }
  if (password === '') return message;
  let out = message.split(url).join(redactUrl(url));
  for (const form of new Set([password, safeDecode(password)])) {
    if (form !== '') out = out.split(form).join('***');
  }
  return out;
}

function passwordOf(url: string): string | null {
  return serverUrl(url)?.password ?? null;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** What failed against which backend and what to check, with no secret from the URL in it. */
export function connectionError(
  what: string,
  url: string,
  cause: unknown,
  hint: string,
): RelayStorageError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new RelayStorageError(
    `${what} at ${redactUrl(url)} failed: ${scrubSecret(detail, url)}`,
    hint,
  );
}
