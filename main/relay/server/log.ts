/**
 * Structured logs: one JSON object per line on stdout, for journald, docker logs or a log
 * shipper. What goes in is chosen field by field (never a header, a body or a query string);
 * as a second line of defence every line is scrubbed of the enterprise secret, per-person
 * tokens and anything that looks like a bearer credential before it is written.
 */

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, string | number | boolean | null | undefined>>;

export interface RelayLogger {
  log(level: LogLevel, msg: string, fields?: LogFields): void;
}

const PERSON_TOKEN = /rcp_[A-Za-z0-9-]{1,40}_[A-Za-z0-9_-]+/g;
const BEARER = /(bearer\s+)[^\s"',;]+/gi;
/** Three base64url segments: a JWT (an OIDC ID or access token). */
const JWT = /eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

export function redactText(text: string, secrets: readonly string[]): string {
  let out = text
    .replace(PERSON_TOKEN, 'rcp_[redacted]')
    .replace(BEARER, '$1[redacted]')
    .replace(JWT, '[redacted-jwt]');
  for (const secret of secrets) {
    // Short values would scrub ordinary words; the secrets the relay holds are long.
    if (secret.length >= 8) out = out.split(secret).join('[redacted]');
  }
  return out;
}

export function createJsonLogger(
  write: (line: string) => void,
  secrets: readonly string[],
  now: () => number = Date.now,
): RelayLogger {
  return {
    log(level, msg, fields = {}) {
      const line = JSON.stringify({ time: new Date(now()).toISOString(), level, msg, ...fields });
      write(`${redactText(line, secrets)}\n`);
    },
  };
}
