/**
 * Connection strings carry passwords (postgres://user:secret@host/db, redis://:secret@host).
 * Every message the storage builds from one goes through here, so no error, log line or
 * /healthz answer ever quotes a password.
 */

/** The URL with its password (and a username that looks like one) replaced by '***'. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    // Not parseable: cannot tell what in it is secret, so show none of it.
    return '<unparseable connection URL>';
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
  try {
    return new URL(url).password;
  } catch {
    return null;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An Error saying what failed against which backend, with no secret from the URL in it. */
export function connectionError(what: string, url: string, cause: unknown): Error {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new Error(`${what} at ${redactUrl(url)} failed: ${scrubSecret(detail, url)}`);
}
